// SPDX-License-Identifier: MIT
#include "queries/closeness.hpp"

#include <numeric>

#include "queries/parallel.hpp"

namespace cg::queries {

std::vector<double> closenessOf(const SimpleGraph& graph, const std::vector<Node>& nodes,
                                bool harmonic, unsigned threads) {
    std::uint32_t n = graph.nodeCount();
    // The searches run on a copy numbered for locality (neighbours close in memory).
    auto newOf = graph.localityOrder();
    SimpleGraph local = graph.renumbered(newOf);
    std::vector<double> score(nodes.size(), 0);
    unsigned workers = workerCount(threads, nodes.size());
    // The search's inner loop has no data-dependent branch (see betweenness.cpp): each
    // neighbour is written to the order and counted when it had no distance yet. The nodes one
    // node adds are all at the same distance, so their terms are added after its scan, one by
    // one in the same order as before: the sums are bit for bit what a branching loop gives.
    onWorkers(workers, [&](unsigned worker, unsigned count) {
        std::vector<std::int32_t> distance(n, -1);
        std::vector<Node> order(std::size_t{n} + 1);  // one spare: written before it counts
        std::int32_t* const dist = distance.data();
        Node* const reached = order.data();
        for (std::size_t i = worker; i < nodes.size(); i += count) {
            const Node s = newOf[nodes[i]];
            reached[0] = s;
            dist[s] = 0;
            std::uint32_t tail = 1;
            std::uint64_t total = 0;
            double inverse = 0;
            for (std::uint32_t head = 0; head < tail; ++head) {
                const std::int32_t next = dist[reached[head]] + 1;
                const std::uint32_t before = tail;
                for (Node w : local.in(reached[head])) {
                    const std::int32_t d = dist[w];
                    const std::int32_t unseen = d >> 31;  // all ones when w has no distance yet
                    reached[tail] = w;
                    tail -= unseen;
                    dist[w] = (d & ~unseen) | (next & unseen);
                }
                const std::uint32_t added = tail - before;
                total += std::uint64_t{added} * static_cast<std::uint64_t>(next);
                const double term = 1.0 / next;
                for (std::uint32_t k = 0; k < added; ++k) inverse += term;
            }
            if (harmonic) {
                score[i] = inverse;
            } else if (total > 0 && n > 1) {
                double found = static_cast<double>(tail - 1);
                score[i] = found / static_cast<double>(total) * found / static_cast<double>(n - 1);
            }
            for (std::uint32_t j = 0; j < tail; ++j) dist[reached[j]] = -1;
        }
    });
    return score;
}

std::vector<double> closenessCentrality(const SimpleGraph& graph, bool harmonic, unsigned threads) {
    std::vector<Node> all(graph.nodeCount());
    std::iota(all.begin(), all.end(), Node{0});
    return closenessOf(graph, all, harmonic, threads);
}

}  // namespace cg::queries
