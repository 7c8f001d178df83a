// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/schema.hpp"

namespace cg::queries {

/// The relation types a query may walk, as a bit set over the schema's relation types.
class RelationSet {
  public:
    /// Every relation type.
    RelationSet() { bits_.fill(~std::uint64_t{0}); }

    /// The named types, or every type when `names` is empty. Throws QueryError naming an
    /// unknown type and listing the valid ones.
    static RelationSet named(const graph::Schema& schema, const std::vector<std::string>& names);

    bool contains(std::uint8_t type) const { return (bits_[type >> 6] >> (type & 63)) & 1u; }
    bool all() const { return all_; }

  private:
    std::array<std::uint64_t, 4> bits_{};
    bool all_ = true;
};

}  // namespace cg::queries
