// SPDX-License-Identifier: MIT
#include "queries/betweenness.hpp"

#include <limits>
#include <numeric>
#include <random>

#include "queries/parallel.hpp"

namespace cg::queries {

std::vector<Node> sampleSources(std::uint32_t n, std::uint32_t k, std::uint64_t seed) {
    std::vector<Node> nodes(n);
    std::iota(nodes.begin(), nodes.end(), Node{0});
    std::mt19937_64 rng(seed);
    k = std::min(k, n);
    for (std::uint32_t i = 0; i < k; ++i) {
        // Rejection sampling keeps the draw uniform without relying on a library distribution,
        // whose algorithm the standard leaves to each implementation.
        std::uint64_t span = n - i;
        std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % span;
        std::uint64_t r;
        do {
            r = rng();
        } while (r >= limit);
        std::swap(nodes[i], nodes[i + r % span]);
    }
    nodes.resize(k);
    return nodes;
}

namespace {

// One worker's share of the sources, accumulated into its own array.
void accumulate(const SimpleGraph& g, const std::vector<Node>& sources, unsigned worker, unsigned workers,
                std::vector<double>& score) {
    std::uint32_t n = g.nodeCount();
    std::vector<std::int32_t> dist(n, -1);
    std::vector<double> sigma(n, 0);
    std::vector<double> coef(n, 0);  // (1 + delta) / sigma of a finished node
    std::vector<Node> order;
    order.reserve(n);
    for (std::size_t i = worker; i < sources.size(); i += workers) {
        Node s = sources[i];
        order.clear();
        order.push_back(s);
        dist[s] = 0;
        sigma[s] = 1;
        for (std::size_t head = 0; head < order.size(); ++head) {
            Node v = order[head];
            std::int32_t next = dist[v] + 1;
            double sv = sigma[v];
            for (Node w : g.out(v)) {
                if (dist[w] < 0) {
                    dist[w] = next;
                    order.push_back(w);
                }
                if (dist[w] == next) sigma[w] += sv;
            }
        }
        // Nodes in reverse order of distance: all successors of v are finished before v.
        for (std::size_t j = order.size(); j-- > 1;) {
            Node v = order[j];
            std::int32_t next = dist[v] + 1;
            double sum = 0;
            for (Node w : g.out(v)) {
                if (dist[w] == next) sum += coef[w];
            }
            double delta = sigma[v] * sum;
            score[v] += delta;
            coef[v] = (1 + delta) / sigma[v];
        }
        for (Node v : order) {
            dist[v] = -1;
            sigma[v] = 0;
            coef[v] = 0;
        }
    }
}

}  // namespace

std::vector<double> betweennessCentrality(const SimpleGraph& graph, const std::vector<Node>* sample,
                                          unsigned threads) {
    std::uint32_t n = graph.nodeCount();
    std::vector<Node> all;
    if (!sample) {
        all.resize(n);
        std::iota(all.begin(), all.end(), Node{0});
    }
    const std::vector<Node>& sources = sample ? *sample : all;
    unsigned workers = workerCount(threads, sources.size());
    std::vector<std::vector<double>> partial(workers);
    onWorkers(workers, [&](unsigned w, unsigned count) {
        partial[w].assign(n, 0);
        accumulate(graph, sources, w, count, partial[w]);
    });
    std::vector<double> score(n, 0);
    for (const auto& p : partial) {
        for (std::uint32_t v = 0; v < n; ++v) score[v] += p[v];
    }
    if (n < 3) return score;
    double pairs = static_cast<double>(n - 2);
    if (!sample) {
        double scale = 1 / (static_cast<double>(n - 1) * pairs);
        for (double& x : score) x *= scale;
        return score;
    }
    auto k = static_cast<double>(sources.size());
    double nonSource = 1 / (k * pairs);
    double source = sources.size() > 1 ? 1 / ((k - 1) * pairs) : 0;
    std::vector<char> sampled(n, 0);
    for (Node s : sources) sampled[s] = 1;
    for (std::uint32_t v = 0; v < n; ++v) score[v] *= sampled[v] ? source : nonSource;
    return score;
}

}  // namespace cg::queries
