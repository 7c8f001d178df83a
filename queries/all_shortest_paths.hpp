// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/path_params.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Every route with the fewest hops from `from` to `to` (at most `maxHops`, 0: no limit), as
/// distinct sequences of entities (parallel relations between two entities count once), at
/// most `limit` of them, in order of their entities' positions in the view. Sets `capped`
/// when more exist. Breadth-first search from `from` up to the level of `to`, then a walk
/// back over the predecessor graph: O(nodes and relations within that distance + routes).
/// With a `budget`, the search's marks, frontiers, predecessor lists and every route are
/// counted against it, and the routes stop at the first that does not fit (budget->exceeded()
/// then says so): on a grid or between layers of a complete bipartite graph there are
/// millions of shortest routes.
std::vector<PathCell> allShortestRoutes(const Walk& walk, Node from, Node to, int maxHops,
                                        std::size_t limit, bool& capped,
                                        MemoryBudget* budget = nullptr);

/// All shortest paths between two entities, one row per path, with a note when capped by
/// `limit` or by `maxMemory` (then the answer is partial). Throws QueryError on an unknown relation
/// type.
QueryResult allShortestPaths(const GraphView& view, const PathParams& params);

}  // namespace cg::queries
