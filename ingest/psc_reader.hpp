// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads the UK Companies House snapshot of persons with significant control: JSON Lines (or
/// a JSON array) of {"company_number", "data"}. Individuals, corporate entities and legal
/// persons become entities with their names, dates and addresses; each nature of control
/// becomes an `owns` or `controls` claim on the company ("gb-coh:<number>"), with the band as
/// a share interval and notified_on / ceased_on as its dates. Statements and exemptions are
/// `control_statement` properties of the company, never people.
class PscReader : public Reader {
  public:
    explicit PscReader(const graph::Schema& schema, std::size_t maxRecord = std::size_t{16} << 20);
    std::string format() const override { return "psc"; }
    void read(std::istream& in, const std::string& file, RecordSink& sink) override;

  private:
    std::size_t maxRecord_;
};

}  // namespace cg::ingest
