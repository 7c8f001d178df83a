// SPDX-License-Identifier: MIT
#include "queries/pagerank.hpp"

#include <algorithm>
#include <barrier>
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
    std::vector<double> x(n, 1 / size), next(n, 0), share(n, 0), nextShare(n, 0);
    std::vector<double> inverseDegree(n, 0);
    for (Node v = 0; v < n; ++v) {
        auto d = graph.out(v).size();
        if (d > 0) inverseDegree[v] = 1 / static_cast<double>(d);
    }
    // Nodes go in fixed blocks whose partial sums (dangling score, change) are added in block
    // order, so the result does not depend on the number of workers.
    constexpr std::uint32_t kBlock = 4096;
    std::uint32_t blocks = (n + kBlock - 1) / kBlock;
    std::vector<double> danglingOf(blocks, 0), changeOf(blocks, 0);
    double dangling = 0;
    for (Node v = 0; v < n; ++v) {
        share[v] = x[v] * inverseDegree[v];
        if (inverseDegree[v] == 0) dangling += x[v];
    }
    double base = (1 - damping) / size + damping * dangling / size;
    bool done = maxIterations <= 0;
    // One pass per iteration: each node pulls its in-neighbours' shares and at once prepares
    // its own share for the next iteration. The workers stay up between iterations and meet
    // at a barrier, whose completion step (one thread) adds the blocks and swaps the arrays.
    auto complete = [&]() noexcept {
        double total = 0, danglingSum = 0;
        for (std::uint32_t b = 0; b < blocks; ++b) {
            total += changeOf[b];
            danglingSum += danglingOf[b];
        }
        x.swap(next);
        share.swap(nextShare);
        ++result.iterations;
        base = (1 - damping) / size + damping * danglingSum / size;
        if (total < tolerance) {
            result.converged = true;
            done = true;
        } else if (result.iterations >= maxIterations) {
            done = true;
        }
    };
    unsigned workers = workerCount(threads, blocks);
    std::barrier sync(static_cast<std::ptrdiff_t>(workers), complete);
    onWorkers(workers, [&](unsigned w, unsigned count) {
        std::uint32_t firstBlock = static_cast<std::uint32_t>(std::uint64_t{blocks} * w / count);
        std::uint32_t lastBlock =
            static_cast<std::uint32_t>(std::uint64_t{blocks} * (w + 1) / count);
        while (!done) {
            for (std::uint32_t b = firstBlock; b < lastBlock; ++b) {
                auto end =
                    static_cast<Node>(std::min<std::uint64_t>(n, std::uint64_t{b + 1} * kBlock));
                double delta = 0, danglingPart = 0;
                for (Node v = b * kBlock; v < end; ++v) {
                    double sum = 0;
                    for (Node u : graph.in(v)) sum += share[u];
                    double value = base + damping * sum;
                    next[v] = value;
                    nextShare[v] = value * inverseDegree[v];
                    if (inverseDegree[v] == 0) danglingPart += value;
                    delta += std::abs(value - x[v]);
                }
                changeOf[b] = delta;
                danglingOf[b] = danglingPart;
            }
            sync.arrive_and_wait();
        }
    });
    result.score = std::move(x);
    return result;
}

}  // namespace cg::queries
