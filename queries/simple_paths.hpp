// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/path_params.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Routes from `from` to `to` that visit no entity twice and take at most `maxHops` hops, as
/// distinct sequences of entities, shortest first (then in order of their entities' positions
/// in the view), at most `limit` of them; sets `capped` when more exist. A breadth-first
/// search from `to` bounds how far each entity is from it, and a depth-first enumeration per
/// length only enters entities that can still reach `to` in time: output-sensitive, but the
/// number of routes can grow exponentially with `maxHops`, hence the cap. With a `budget`,
/// the search's marks and stacks and every route are counted against it, and the routes stop
/// at the first that does not fit (budget->exceeded() then says so).
std::vector<PathCell> simpleRoutes(const Walk& walk, Node from, Node to, int maxHops,
                                   std::size_t limit, bool& capped, MemoryBudget* budget = nullptr);

/// All simple paths between two entities up to `maxHops` (which must be at least 1), one row
/// per path, capped at `limit` and `maxMemory` (then the answer is partial). Throws QueryError on
/// an unknown relation type or a missing hop limit.
QueryResult simplePaths(const GraphView& view, const PathParams& params);

}  // namespace cg::queries
