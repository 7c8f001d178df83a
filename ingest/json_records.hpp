// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "graph/json_depth.hpp"

namespace cg::ingest {

/// One top-level record of a JSON stream, with the line it starts on.
struct JsonRecord {
    std::string text;
    std::int64_t line = 0;
    /// Set when the stream around the record is broken (a missing comma, an element not
    /// closed before the end); `text` then holds what was read, at most kKeptPrefix bytes
    /// when the record was cut.
    std::string error;
    /// The record's place in a top-level array, from 1; 0 in JSON Lines and for a fault of the
    /// array itself (not closed, text after it).
    std::int64_t element = 0;
    /// Set (with `error`) for a JSON Lines record written over several lines: `text` holds
    /// all of them, so what the record is can still be told (format detection).
    bool spread = false;
};

/// Splits a stream into top-level JSON records with bounded memory: the elements of a
/// top-level array (a file whose first non-blank byte is '['), or else one record per
/// non-blank line (JSON Lines). Array elements may span lines; strings are skipped with their
/// escapes, so brackets inside strings do not count. In JSON Lines, an object written over
/// several lines (a line holding only '{' up to the line that closes it) is one record with
/// one error (spreadRecordReason), not an error per line. Does not parse the records themselves,
/// but sets `error` on a record that nests objects and arrays deeper than `maxDepth` levels
/// (the record itself is level 1), which a recursive parser could not take.
class JsonRecords {
  public:
    static constexpr std::size_t kDefaultMaxRecord = 16u << 20;  // 16 MiB
    static constexpr std::size_t kKeptPrefix = 1024;

    /// `firstLine`: the number of the stream's first line (1 unless lines were read before).
    explicit JsonRecords(std::istream& in, std::size_t maxRecord = kDefaultMaxRecord,
                         std::size_t maxDepth = graph::kMaxJsonDepth, std::int64_t firstLine = 1);

    /// Reads the next record; returns false at the end of the stream.
    bool next(JsonRecord& record);
    /// True once the stream was seen to be one JSON array.
    bool isArray() const { return mode_ == Mode::Array; }
    /// Bytes consumed so far, for progress reporting.
    std::uint64_t bytesRead() const { return bytes_; }

  private:
    enum class Mode { Unknown, Array, Lines, Done };
    bool nextRecord(JsonRecord& record);
    int get();
    int peek();
    void skipBlank();
    bool nextLine(JsonRecord& record);
    void readLine(std::string& text, bool& cut, std::size_t& length);
    void readSpread(JsonRecord& record);
    bool nextElement(JsonRecord& record);
    void keep(std::string& text, char c, bool& cut) const;

    std::istream& in_;
    std::size_t maxRecord_;
    std::size_t maxDepth_;
    Mode mode_ = Mode::Unknown;
    std::int64_t line_ = 1;
    std::uint64_t bytes_ = 0;
    bool expectElement_ = true;  // after '[' or ','
    std::int64_t elements_ = 0;
    // A line read past the end of a spread record, which starts the next record.
    bool hasPending_ = false;
    std::string pending_;
    std::int64_t pendingLine_ = 0;
};

/// Skips the blank bytes and a UTF-8 byte-order mark at the start of `in`, so that its next
/// byte is the first of its data; returns the number of the line that byte is on.
std::int64_t skipLeadingBlank(std::istream& in);

/// The line of byte `offset` inside a record that starts on `firstLine`.
std::int64_t lineAt(const std::string& text, std::size_t offset, std::int64_t firstLine);

}  // namespace cg::ingest
