// SPDX-License-Identifier: MIT
#include "queries/pagerank.hpp"

#include <cmath>

#include "queries/parallel.hpp"

namespace cg::queries {

PageRankScores pageRank(const SimpleGraph& graph, double damping, double tolerance,
                        int maxIterations, unsigned threads) {
    std::uint32_t n = graph.nodeCount();
    PageRankScores result;
    if (n == 0) {
        result.converged = true;
        return result;
    }
    auto size = static_cast<double>(n);
    std::vector<double> x(n, 1 / size), next(n, 0), share(n, 0);
    std::vector<double> inverseDegree(n, 0);
    for (Node v = 0; v < n; ++v) {
        auto d = graph.out(v).size();
        if (d > 0) inverseDegree[v] = 1 / static_cast<double>(d);
    }
    unsigned workers = workerCount(threads, n / 4096 + 1);
    std::vector<double> change(workers, 0);
    for (int it = 0; it < maxIterations; ++it) {
        double dangling = 0;
        for (Node v = 0; v < n; ++v) {
            share[v] = x[v] * inverseDegree[v];
            if (inverseDegree[v] == 0) dangling += x[v];
        }
        double base = (1 - damping) / size + damping * dangling / size;
        onWorkers(workers, [&](unsigned w, unsigned count) {
            Node begin = static_cast<Node>(static_cast<std::uint64_t>(n) * w / count);
            Node end = static_cast<Node>(static_cast<std::uint64_t>(n) * (w + 1) / count);
            double delta = 0;
            for (Node v = begin; v < end; ++v) {
                double sum = 0;
                for (Node u : graph.in(v)) sum += share[u];
                next[v] = base + damping * sum;
                delta += std::abs(next[v] - x[v]);
            }
            change[w] = delta;
        });
        x.swap(next);
        double total = 0;
        for (double c : change) total += c;
        result.iterations = it + 1;
        if (total < tolerance) {
            result.converged = true;
            break;
        }
    }
    result.score = std::move(x);
    return result;
}

}  // namespace cg::queries
