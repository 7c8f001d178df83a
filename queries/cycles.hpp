// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of the search for circular ownership.
struct CycleParams {
    std::vector<std::string> relations{"owns", "controls"};  ///< directed relation types to follow
    std::size_t limit = 1000;                                ///< at most this many cycles
};

/// The elementary cycles of the directed relations of the given types (undirected relations
/// are left out), each as its entities in order, starting from its entity of lowest position
/// in the view; parallel relations count once, and an entity owning itself is a cycle of
/// one. Sorted by length, then by entities. Sets `capped` when more than `limit` exist.
/// Johnson's algorithm on a compact copy of the subgraph, with Tarjan's strongly connected
/// components recomputed as start nodes are removed: O((n + m)(c + 1)) for c cycles.
std::vector<std::vector<Node>> simpleCycles(const GraphView& view, const RelationSet& relations,
                                            std::size_t limit, bool& capped);

/// Circular ownership: one row per cycle (cycle, length, route) and their subgraph. Throws
/// QueryError on an unknown relation type.
QueryResult cycles(const GraphView& view, const CycleParams& params);

}  // namespace cg::queries
