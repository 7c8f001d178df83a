// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads FollowTheMoney entities (the JSON Lines of Aleph and OpenSanctions, or a JSON array
/// of them): entity schemata become property claims about an entity keyed "ftm:<id>", edge
/// schemata (Ownership, Directorship, Family, Payment...) become relation claims keyed by the
/// edge id, and Sanction or Identification records become property claims of the entity they
/// name. One source per file. docs/formats.md lists every mapping.
class FtmReader : public Reader {
  public:
    explicit FtmReader(const graph::Schema& schema, std::size_t maxRecord = std::size_t{16} << 20);
    std::string format() const override { return "ftm"; }
    void read(std::istream& in, const std::string& file, RecordSink& sink) override;

  private:
    const graph::Schema& schema_;
    std::size_t maxRecord_;
};

}  // namespace cg::ingest
