// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Of the routes with the fewest hops from `from` to `to` (at most `maxHops`; 0: no limit),
/// the most credible: the highest product of its relations' confidences, ties going to the
/// route whose relation ids, read from the start, are lower. Nothing when there is no route.
/// Breadth-first search from `from` to the level of `to`, then one pass forward over the
/// graph of shortest routes keeping each node's best way in: O(nodes and relations within
/// that distance), plus O(hops) per comparison of two equally credible ways in.
std::optional<PathCell> bestShortestRoute(const Walk& walk, Node from, Node to, int maxHops = 0);

/// Orders routes by credibility: the higher product of confidences first, then the lower
/// relation ids read from the start, then the fewer hops. A strict weak order.
bool moreCredibleRoute(const GraphView& view, const PathCell& a, const PathCell& b);

}  // namespace cg::queries
