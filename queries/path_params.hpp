// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "queries/memory_budget.hpp"

namespace cg::queries {

/// Parameters of the path queries: shortest path, all shortest paths, most credible path and
/// simple paths between two entities.
struct PathParams {
    graph::EntityId from = 0;
    graph::EntityId to = 0;
    std::vector<std::string> relations;  ///< relation types to walk; empty: the connection
                                         ///< default (RelationSet::connections)
    bool viaPlaces = false;              ///< follow location relations, through places and posts
    int maxHops = 0;                     ///< 0: no limit (simple paths need one)
    bool directed = false;               ///< follow relations from subject to object only
    std::size_t limit = 100;             ///< at most this many paths (all shortest, simple)
    /// Bytes the search and its routes may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

}  // namespace cg::queries
