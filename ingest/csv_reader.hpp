// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "ingest/csv_mapping.hpp"
#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads any CSV file through a mapping (CsvMapping) that says which columns give entities,
/// their names, identifiers and properties, and which relations each row states. Every row
/// yields property claims about its entities and relation claims between them, keyed by the
/// source, the row (its row_id column, or its line) and the part of the mapping.
class CsvReader : public Reader {
  public:
    CsvReader(const graph::Schema& schema, CsvMapping mapping,
              std::size_t maxRow = std::size_t{16} << 20);
    std::string format() const override { return "csv"; }
    /// Throws InputError when the header lacks a column the mapping names.
    void read(std::istream& in, const std::string& file, RecordSink& sink) override;

  private:
    const graph::Schema& schema_;
    CsvMapping mapping_;
    std::size_t maxRow_;
};

}  // namespace cg::ingest
