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
    onWorkers(workers, [&](unsigned worker, unsigned count) {
        std::vector<std::int32_t> dist(n, -1);
        std::vector<Node> order;
        order.reserve(n);
        for (std::size_t i = worker; i < nodes.size(); i += count) {
            Node s = newOf[nodes[i]];
            order.assign(1, s);
            dist[s] = 0;
            std::uint64_t total = 0;
            double inverse = 0;
            for (std::size_t head = 0; head < order.size(); ++head) {
                Node v = order[head];
                std::int32_t next = dist[v] + 1;
                for (Node w : local.in(v)) {
                    if (dist[w] >= 0) continue;
                    dist[w] = next;
                    order.push_back(w);
                    total += static_cast<std::uint64_t>(next);
                    inverse += 1.0 / next;
                }
            }
            if (harmonic) {
                score[i] = inverse;
            } else if (total > 0 && n > 1) {
                double reached = static_cast<double>(order.size() - 1);
                score[i] =
                    reached / static_cast<double>(total) * reached / static_cast<double>(n - 1);
            }
            for (Node v : order) dist[v] = -1;
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
