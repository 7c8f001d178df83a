// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of the search for circular ownership.
struct CycleParams {
    std::vector<std::string> relations{"owns", "controls"};  ///< directed relation types to follow
    std::size_t limit = 1000;                                ///< at most this many cycles
    /// Bytes the search and its cycles may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

/// The elementary cycles of the directed relations of the given types (undirected relations
/// are left out), each as its entities in order, starting from its entity of lowest position
/// in the view; parallel relations count once, and an entity owning itself is a cycle of
/// one. Sorted by length, then by entities. Sets `capped` when more than `limit` exist.
/// Johnson's algorithm on a compact copy of the subgraph, with Tarjan's strongly connected
/// components recomputed as start nodes are removed: O((n + m)(c + 1)) for c cycles. With a
/// `budget`, the compact copy and the search's lists (per entity and relation) and every cycle
/// with the route it will become are counted against it; the search stops at the first cycle
/// that does not fit (budget->exceeded() then says so).
std::vector<std::vector<Node>> simpleCycles(const GraphView& view, const RelationSet& relations,
                                            std::size_t limit, bool& capped,
                                            MemoryBudget* budget = nullptr);

/// What a cycle through `length` entities costs an answer: its entities, its row and the
/// route around it. O(1).
std::size_t cycleBytes(std::size_t length);

/// Circular ownership: one row per cycle (cycle, length, route) and their subgraph, within
/// `maxMemory` (past it, partial). Throws
/// QueryError on an unknown relation type.
QueryResult cycles(const GraphView& view, const CycleParams& params);

/// The `cycles` kind: circular ownership (cycles).
KindDef cyclesKind();

}  // namespace cg::queries
