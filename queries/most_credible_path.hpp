// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "queries/path_params.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// The route from `from` to `to` whose relations are jointly the most credible: it minimises
/// the sum of -log(confidence), so it maximises the product of the confidences. Relations of
/// confidence 0 are never used. Boost's dijkstra_shortest_paths_no_init on a LinkGraph, with
/// per-thread distance and colour marks and an early stop when `to` is settled:
/// O((n + m) log n) over the part of the graph closer than `to`.
std::optional<PathCell> mostCredibleRoute(const Walk& walk, Node from, Node to);

/// The most credible path between two entities: one row (path, hops, confidence, route).
/// `maxHops` and `limit` do not apply. Throws QueryError on an unknown relation type.
QueryResult mostCrediblePath(const GraphView& view, const PathParams& params);

}  // namespace cg::queries
