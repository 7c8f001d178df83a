// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace cg::ingest {

/// One row of a CSV file: its fields, the line it starts on, and its text as read.
struct CsvRow {
    std::vector<std::string> fields;
    std::int64_t line = 0;
    std::string raw;  ///< the row's bytes without the line end; cut to kKeptPrefix when too long
    /// Set when the row is broken (text after a closing quote, a quote left open at the end of
    /// the file, a row longer than the limit); the fields are then incomplete.
    std::string error;
};

/// Reads RFC 4180 CSV as a stream with bounded memory: fields split on the delimiter, quoted
/// fields may hold delimiters, doubled quotes and line breaks, rows end with LF or CRLF. A
/// quote inside an unquoted field is kept as text, as spreadsheets write it. A UTF-8 byte-order
/// mark at the start is skipped. Blank lines are skipped.
class CsvParser {
  public:
    static constexpr std::size_t kDefaultMaxRow = 16u << 20;  // 16 MiB
    static constexpr std::size_t kKeptPrefix = 1024;

    explicit CsvParser(std::istream& in, char delimiter = ',', std::size_t maxRow = kDefaultMaxRow);

    /// Reads the next row; returns false at the end of the stream.
    bool next(CsvRow& row);
    /// Bytes consumed so far, for progress reporting.
    std::uint64_t bytesRead() const { return bytes_; }

  private:
    int get();
    int peek();

    std::istream& in_;
    char delimiter_;
    std::size_t maxRow_;
    std::int64_t line_ = 1;
    std::uint64_t bytes_ = 0;
    bool started_ = false;
};

}  // namespace cg::ingest
