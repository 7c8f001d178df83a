// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/model.hpp"

namespace cg::graph {

/// A run of days, each end yyyymmdd or 0 when open: the valid dates one asserting claim
/// gives a relation.
struct DayInterval {
    std::int32_t from = 0;
    std::int32_t to = 0;
};

/// Where every canonical entity and every relation comes from, as exports need it, read by
/// Store::readClaimProvenance in one sequential scan of the claims and indexed by id:
/// - an entity: the sources of the claims naming it (as subject or object, directly or
///   through an entity merged into it), the highest confidence of those that assert, and
///   whether one denies;
/// - a relation: the sources of its claims, and the valid dates of each asserting claim.
/// Source lists are distinct and ascending. An id the store does not know, or one no claim
/// names, has no sources. It holds about 12 bytes per claim plus 12 per entity and relation,
/// and, being a plain value, can be read on a second connection while the view is built.
class ClaimProvenance {
  public:
    std::span<const std::uint32_t> entitySources(EntityId id) const {
        return slice(entityStart_, entitySources_, id);
    }
    /// 0 when no asserting claim names it.
    float entityConfidence(EntityId id) const {
        return inRange(entityConfidence_, id) ? entityConfidence_[index(id)] : 0.0f;
    }
    bool entityDenied(EntityId id) const {
        return inRange(entityDenied_, id) && entityDenied_[index(id)] != 0;
    }
    std::span<const std::uint32_t> relationSources(RelationId id) const {
        return slice(relationStart_, relationSources_, id);
    }
    /// One entry per asserting claim, in claim order.
    std::span<const DayInterval> relationValidity(RelationId id) const {
        return slice(validityStart_, validity_, id);
    }

    /// Bytes held, for benchmarks.
    std::size_t memoryBytes() const;

  private:
    friend class Store;

    static std::size_t index(std::int64_t id) { return static_cast<std::size_t>(id); }
    template <typename T>
    static bool inRange(const std::vector<T>& byId, std::int64_t id) {
        return id > 0 && index(id) < byId.size();
    }
    // start has one entry per id plus one; the items of id are [start[id], start[id + 1]).
    template <typename T>
    static std::span<const T> slice(const std::vector<std::uint32_t>& start,
                                    const std::vector<T>& items, std::int64_t id) {
        if (id <= 0 || index(id) + 1 >= start.size()) return {};
        return {items.data() + start[index(id)], start[index(id) + 1] - start[index(id)]};
    }

    std::vector<std::uint32_t> entityStart_;
    std::vector<std::uint32_t> entitySources_;
    std::vector<float> entityConfidence_;
    std::vector<std::uint8_t> entityDenied_;
    std::vector<std::uint32_t> relationStart_;
    std::vector<std::uint32_t> relationSources_;
    std::vector<std::uint32_t> validityStart_;
    std::vector<DayInterval> validity_;
};

}  // namespace cg::graph
