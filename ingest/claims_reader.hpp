// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "ingest/line_reader.hpp"
#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads the native claims format: JSON Lines of source declarations, relation claims and
/// property claims (docs/claims-format.md), or one JSON array of them (a file whose first
/// non-blank byte is '['), however laid out; a record written over several lines of JSON
/// Lines is rejected once (spreadRecordReason). Streams record by record with bounded memory and
/// checks everything that does not need the store: JSON shape, types against the schema,
/// relation attributes, shares, dates, stance and confidence.
class ClaimsReader : public Reader {
  public:
    explicit ClaimsReader(const graph::Schema& schema, std::size_t maxLine = std::size_t{16} << 20);
    std::string format() const override { return "claims"; }
    void read(std::istream& in, const std::string& file, RecordSink& sink) override;

    /// Parses one line; exposed for tests and the fuzzer. Returns false and fills `reason`
    /// when the line is rejected.
    bool parseLine(const std::string& line, const std::string& file, std::int64_t lineNumber,
                   RecordSink& sink, std::string& reason);

  private:
    void readLines(std::istream& in, const std::string& file, std::int64_t firstLine,
                   RecordSink& sink);
    void readArray(std::istream& in, const std::string& file, std::int64_t firstLine,
                   RecordSink& sink);
    // Rejects the record that starts on `line` and spreads over the lines after it; true when
    // it stopped at a line that starts another record, left in `line`.
    bool rejectSpreadRecord(LineReader& lines, std::string& line, const std::string& file,
                            RecordSink& sink);
    // parseLine for a record that may span lines; `faultLine` gets the line of a JSON error.
    bool parseRecord(const std::string& text, const std::string& file, std::int64_t lineNumber,
                     RecordSink& sink, std::string& reason, std::int64_t& faultLine);

    const graph::Schema& schema_;
    std::size_t maxLine_;
};

}  // namespace cg::ingest
