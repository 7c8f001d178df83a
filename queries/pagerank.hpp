// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/simple_graph.hpp"

namespace cg::queries {

/// PageRank scores and how the solve ended.
struct PageRankScores {
    std::vector<double> score;  ///< sums to 1
    int iterations = 0;         ///< the most Gauss–Seidel sweeps any component took
    bool converged = false;
};

/// PageRank: each node keeps (1 - damping)/n and passes damping × its score in equal parts to
/// its distinct out-neighbours; the score of dangling nodes (no out-neighbour) is spread
/// uniformly over all nodes, so the scores sum to 1. Solved as the linear system it is, one
/// strongly connected component at a time in flow order: a component of one node exactly in
/// one step, a larger one by Gauss–Seidel sweeps until the L1 change of a sweep is below
/// `tolerance` (scaled to the component's share of the nodes) or `maxIterations` sweeps
/// (at least one). `iterations` is the most sweeps any component took. The scores agree with
/// power iteration's to within the tolerance, and depend on nothing but the graph.
/// O(n + m) for the components plus O(sweeps × (size + arcs)) per component, one thread.
/// The graph must have been built with its reverse lists when directed.
PageRankScores pageRank(const SimpleGraph& graph, double damping, double tolerance,
                        int maxIterations);

}  // namespace cg::queries
