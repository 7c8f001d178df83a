// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// The route through `nodes` (consecutive nodes must be linked by a relation the walk allows),
/// taking for each hop the most credible of the parallel relations; ties go to the lower
/// relation id. O(sum over hops of the smaller degree of its two nodes).
PathCell routeThrough(const Walk& walk, const std::vector<Node>& nodes);

/// A path query's answer: one row per route (path, hops, confidence, route) and their subgraph.
QueryResult pathsResult(const char* kind, const GraphView& view,
                        const std::vector<PathCell>& routes);

}  // namespace cg::queries
