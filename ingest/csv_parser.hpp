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
/// fields may hold delimiters, doubled quotes and line breaks, rows end with LF, CRLF or CR. A
/// quote inside an unquoted field is kept as text, as spreadsheets write it. A UTF-8 byte-order
/// mark at the start is skipped. Blank lines are skipped. A quoted field may span at most
/// kMaxQuotedLines lines and kMaxQuotedBytes bytes: past either, or at the end of the file, the
/// row is returned with the error "quote opened here is never closed" at the line the quote
/// opened, and reading resumes on the next line, so one stray quote loses one row, not the
/// rest of the file.
class CsvParser {
  public:
    static constexpr std::size_t kDefaultMaxRow = 16u << 20;  // 16 MiB
    static constexpr std::size_t kKeptPrefix = 1024;
    static constexpr std::int64_t kMaxQuotedLines = 1000;
    static constexpr std::size_t kMaxQuotedBytes = std::size_t{64} << 10;  // 64 KiB

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
    // Bytes read again after a quote that never closed: the lines after the one it opened on.
    std::string replay_;
    std::size_t replayAt_ = 0;
};

}  // namespace cg::ingest
