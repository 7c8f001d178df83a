// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "queries/path_params.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// A route with the fewest hops from `from` to `to`, at most `maxHops` long (0: no limit), or
/// nothing. Bidirectional breadth-first search that grows, one level at a time, the side whose
/// next level scans fewer relations, with per-thread visit marks reset in O(1): O(nodes and
/// relations within reach of the two frontiers), no O(n) work per call once the marks have
/// grown to the view.
std::optional<PathCell> shortestRoute(const Walk& walk, Node from, Node to, int maxHops = 0);

/// The shortest path between two entities, the most credible of those with the fewest hops
/// (bestShortestRoute): one row (path, hops, confidence, route) or none,
/// with a note when there is no path within the hop limit. Throws QueryError on an unknown
/// relation type.
QueryResult shortestPath(const GraphView& view, const PathParams& params);

}  // namespace cg::queries
