// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/simple_graph.hpp"

namespace cg::queries {

/// PageRank scores and how the power iteration ended.
struct PageRankScores {
    std::vector<double> score;  ///< sums to 1
    int iterations = 0;
    bool converged = false;
};

/// PageRank by power iteration from the uniform vector: each node keeps (1 - damping)/n and
/// passes damping × its score in equal parts to its distinct out-neighbours; the score of
/// dangling nodes (no out-neighbour) is spread uniformly over all nodes, so the scores keep
/// summing to 1. Stops when the L1 change of an iteration is below `tolerance`, or after
/// `maxIterations`. Pull-based over in-neighbours, so nodes split across `threads` workers
/// (0: every core) with a result independent of the split. O(iterations × (n + m)). The
/// graph must have been built with its reverse lists when directed.
PageRankScores pageRank(const SimpleGraph& graph, double damping, double tolerance,
                        int maxIterations, unsigned threads);

}  // namespace cg::queries
