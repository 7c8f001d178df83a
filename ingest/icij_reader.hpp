// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads one CSV file of the ICIJ Offshore Leaks database (nodes-entities, nodes-officers,
/// nodes-intermediaries, nodes-addresses, nodes-others or relationships), telling which from
/// its header. Nodes become property claims about entities keyed "icij:<node_id>"; officers,
/// intermediaries and other nodes keep no type, since the data does not say whether they are
/// people or organisations. Relationships become relation claims, except the similarity links
/// (same_name_as, similar...), which become `possible_duplicate` suggestions, never merges.
/// Each sourceID (Panama Papers, Paradise Papers...) is its own source. Streams the file.
class IcijReader : public Reader {
  public:
    explicit IcijReader(const graph::Schema& schema, std::size_t maxRow = std::size_t{16} << 20);
    std::string format() const override { return "icij"; }
    void read(std::istream& in, const std::string& file, RecordSink& sink) override;

  private:
    std::size_t maxRow_;
};

}  // namespace cg::ingest
