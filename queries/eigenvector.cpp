// SPDX-License-Identifier: MIT
#include "queries/eigenvector.hpp"

#include <cmath>
#include <sstream>

#include "graph/error.hpp"
#include "queries/parallel.hpp"

namespace cg::queries {

std::vector<double> eigenvectorCentrality(const SimpleGraph& graph, double tolerance,
                                          int maxIterations, unsigned threads) {
    std::uint32_t n = graph.nodeCount();
    if (n == 0) return {};
    std::vector<double> x(n, 1 / static_cast<double>(n)), next(n, 0);
    unsigned workers = workerCount(threads, n / 4096 + 1);
    // Per worker: the sum of squares of its nodes, then the L1 change of its nodes. Summed in
    // worker order, so the result does not depend on thread timing.
    std::vector<double> squares(workers, 0), change(workers, 0);
    auto range = [&](unsigned w, unsigned count) {
        return std::pair<Node, Node>{
            static_cast<Node>(static_cast<std::uint64_t>(n) * w / count),
            static_cast<Node>(static_cast<std::uint64_t>(n) * (w + 1) / count)};
    };
    for (int it = 0; it < maxIterations; ++it) {
        onWorkers(workers, [&](unsigned w, unsigned count) {
            auto [begin, end] = range(w, count);
            double sq = 0;
            for (Node v = begin; v < end; ++v) {
                double sum = x[v];
                for (Node u : graph.in(v)) sum += x[u];
                next[v] = sum;
                sq += sum * sum;
            }
            squares[w] = sq;
        });
        double norm = 0;
        for (double s : squares) norm += s;
        norm = std::sqrt(norm);
        if (norm == 0) norm = 1;
        onWorkers(workers, [&](unsigned w, unsigned count) {
            auto [begin, end] = range(w, count);
            double delta = 0;
            for (Node v = begin; v < end; ++v) {
                next[v] /= norm;
                delta += std::abs(next[v] - x[v]);
            }
            change[w] = delta;
        });
        x.swap(next);
        double total = 0;
        for (double c : change) total += c;
        if (total < static_cast<double>(n) * tolerance) return x;
    }
    std::ostringstream message;
    message << "eigenvector centrality did not converge within " << maxIterations
            << " iterations (tolerance " << tolerance << " per node)";
    throw QueryError(message.str());
}

}  // namespace cg::queries
