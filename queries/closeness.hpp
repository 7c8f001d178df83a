// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/simple_graph.hpp"
#include "queries/work_progress.hpp"

namespace cg::queries {

/// Closeness centrality (Wasserman and Faust's form for graphs that are not connected):
/// (r - 1) / (sum of distances) × (r - 1) / (n - 1), where r counts the nodes that can reach
/// v, itself included; 0 when nothing reaches v. With `harmonic`, the sum of 1/distance over
/// the nodes that reach v instead. Distances run towards v (in-neighbours) on a directed
/// graph, as networkx measures them. Breadth-first searches from up to 64 nodes at a time,
/// one bit each, so that a relation is scanned once per distinct distance from the batch;
/// never an all-pairs matrix; the nodes split across `threads` workers (0: every core).
/// O(n·m) time; per worker 24 bytes per node and 16 per node of the level being searched.
/// The graph must have its reverse lists when directed. With `progress`, each node searched
/// from is counted there as its batch finishes.
std::vector<double> closenessCentrality(const SimpleGraph& graph, bool harmonic, unsigned threads,
                                        WorkProgress* progress = nullptr);

/// The same for the given nodes only, in their order (each node's score is the one
/// closenessCentrality gives it): what a large graph affords when a sample is enough.
std::vector<double> closenessOf(const SimpleGraph& graph, const std::vector<Node>& nodes,
                                bool harmonic, unsigned threads, WorkProgress* progress = nullptr);

}  // namespace cg::queries
