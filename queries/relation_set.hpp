// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/schema.hpp"

namespace cg::queries {

/// The relation types a query may walk, as a bit set over the schema's relation types, and
/// the entity types a walk may end at but never pass through (places and positions, for
/// connection queries).
class RelationSet {
  public:
    /// Every relation type; every entity may be passed through.
    RelationSet() { bits_.fill(~std::uint64_t{0}); }

    /// The named types, or every type when `names` is empty. Throws QueryError naming an
    /// unknown type and listing the valid ones.
    static RelationSet named(const graph::Schema& schema, const std::vector<std::string>& names);

    /// What a connection query (path, paths, neighbours, centrality, components) follows: the
    /// named types when `names` is not empty, else every type whose kind is neither location
    /// nor mention. Places and positions are ends only (never an intermediate hop) unless
    /// `viaPlaces` is set or a named type is of kind location, which also adds the location
    /// relations to the default. This is the one place that default is decided (docs/queries.md).
    /// Throws QueryError on an unknown type.
    static RelationSet connections(const graph::Schema& schema,
                                   const std::vector<std::string>& names, bool viaPlaces);

    bool contains(std::uint8_t type) const { return (bits_[type >> 6] >> (type & 63)) & 1u; }
    bool all() const { return all_; }
    /// Bit t set when entities of type t may end a walk but not be passed through.
    std::uint64_t endOnlyTypes() const { return endOnlyTypes_; }

  private:
    std::array<std::uint64_t, 4> bits_{};
    bool all_ = true;
    std::uint64_t endOnlyTypes_ = 0;
};

}  // namespace cg::queries
