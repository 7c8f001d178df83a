// SPDX-License-Identifier: MIT
#pragma once

#include "queries/query_kind.hpp"

namespace cg::queries {

/// The `path` kind: the shortest, every shortest or the most credible path between two
/// entities or two sets of them (shortestPath, allShortestPaths, mostCrediblePath).
KindDef pathKind();

/// The `paths` kind: every simple path up to a number of hops (simplePaths).
KindDef pathsKind();

}  // namespace cg::queries
