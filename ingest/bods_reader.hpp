// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads Beneficial Ownership Data Standard statements, in the 0.2/0.3 shape (statementType,
/// replacesStatements) and the 0.4 shape (recordType, recordId, recordStatus), as a JSON
/// array or JSON Lines. Entity and person statements become property claims about entities
/// keyed by their record (or by a registry identifier such as GB-COH); each interest of an
/// ownership-or-control statement becomes an `owns` or `controls` claim with its share
/// interval; unspecified owners stay unspecified. Reads the stream twice (buffering it when
/// it cannot seek) so that a statement replaced later in the file is marked superseded.
class BodsReader : public Reader {
  public:
    explicit BodsReader(const graph::Schema& schema, std::size_t maxRecord = std::size_t{16} << 20);
    std::string format() const override { return "bods"; }
    void read(std::istream& in, const std::string& file, RecordSink& sink) override;

  private:
    std::size_t maxRecord_;
};

}  // namespace cg::ingest
