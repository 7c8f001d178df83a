// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

#include "queries/simple_graph.hpp"
#include "queries/work_progress.hpp"

namespace cg::queries {

/// `k` distinct nodes out of `n`, drawn with a Mersenne Twister seeded with `seed` (a partial
/// Fisher–Yates shuffle), so the same seed gives the same sample on every platform.
std::vector<Node> sampleSources(std::uint32_t n, std::uint32_t k, std::uint64_t seed);

/// Betweenness centrality by Brandes' algorithm: a breadth-first search per source and a
/// backward accumulation that needs no predecessor lists, the sources split across
/// `threads` workers (0: every core) with one accumulator each, summed in a fixed order. A
/// worker with 32 sources or more searches them in batches of 32 to 64, one bit per source,
/// so that each relation is scanned once per distinct distance rather than once per source
/// (fewer sources, and a remainder under 32, one by one). O(s·m) time for s sources;
/// O(threads·(n + m)) memory, plus at most 256 MB for the batches (the lane count shrinks
/// to stay within it, on graphs of millions of nodes to one by one). With every node as a source
/// the result is exact and normalised by 1/((n-1)(n-2)); with a sample it is scaled as networkx 3.6
/// does, by 1/((k-1)(n-2)) on sampled nodes and 1/(k(n-2)) on the others, an unbiased
/// estimate. With `progress`, each source searched is counted there as it finishes.
std::vector<double> betweennessCentrality(const SimpleGraph& graph, const std::vector<Node>* sample,
                                          unsigned threads, WorkProgress* progress = nullptr);

}  // namespace cg::queries
