// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/simple_graph.hpp"

namespace cg::queries {

/// Eigenvector centrality by power iteration, as networkx's eigenvector_centrality computes
/// it: from the uniform vector, each round adds to every node the scores of its
/// in-neighbours (x ← (A + I)ᵀx, the identity shift keeps the iteration from oscillating on
/// bipartite graphs) and rescales to Euclidean length 1; it stops once the L1 change of a
/// round is below n × `tolerance`. On a directed graph a node is central when central nodes
/// point to it (the left eigenvector); undirected relations count both ways. The nodes split
/// across `threads` workers (0: every core), the result independent of the split.
/// O(iterations × (n + m)). The graph must have its reverse lists when directed. Throws
/// QueryError when `maxIterations` rounds do not converge (networkx raises
/// PowerIterationFailedConvergence there); an empty graph gives an empty vector.
std::vector<double> eigenvectorCentrality(const SimpleGraph& graph, double tolerance,
                                          int maxIterations, unsigned threads);

}  // namespace cg::queries
