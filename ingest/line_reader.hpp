// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <istream>
#include <string>

namespace cg::ingest {

/// Reads a text stream line by line with bounded memory: a line longer than the limit is
/// skipped to its end and reported as too long, keeping only its first bytes
/// (kKeptPrefix, or the limit when that is smaller). LF, CRLF and a CR alone each end a line.
/// Strips a UTF-8 byte-order mark at the start.
class LineReader {
  public:
    static constexpr std::size_t kDefaultMaxLine = 16u << 20;  // 16 MiB
    static constexpr std::size_t kKeptPrefix = 1024;           // of a line that is too long

    /// `firstLine`: the number of the stream's first line (1 unless lines were read before).
    explicit LineReader(std::istream& in, std::size_t maxLine = kDefaultMaxLine,
                        std::int64_t firstLine = 1);

    /// Reads the next line into `line`; returns false at the end of the stream.
    bool next(std::string& line);
    /// The 1-based number of the line last read.
    std::int64_t lineNumber() const { return lineNumber_; }
    /// True when the line last read was cut because it was longer than the limit.
    bool truncated() const { return truncated_; }
    /// The full length in bytes of the line last read, even when it was cut.
    std::size_t fullLength() const { return fullLength_; }
    /// Bytes consumed so far, for progress reporting.
    std::uint64_t bytesRead() const { return bytesRead_; }

  private:
    std::istream& in_;
    std::size_t maxLine_;
    std::int64_t lineNumber_ = 0;
    bool truncated_ = false;
    std::size_t fullLength_ = 0;
    std::uint64_t bytesRead_ = 0;
};

}  // namespace cg::ingest
