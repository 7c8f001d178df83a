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
        std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % span;
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

// One worker's share of the sources, accumulated into its own array. Each source takes three
// passes:
//  1. a breadth-first search that writes down the order nodes are reached in and, node after
//     node, the arcs that lie on shortest paths (to a node one step further). Its inner loop has
//     no data-dependent branch: every neighbour is written to the order and to the arc list, and
//     the two counts grow by 1 or 0, so that an irregular graph costs no mispredicted jumps;
//  2. sigma (the number of shortest paths from the source), pushed along those arcs in that
//     order, so each node's sum is added up exactly as a search that pushed while scanning would;
//  3. the dependencies, nodes in reverse order: every successor of v is finished before v, and
//     its `value` (sigma until then) is already its coefficient (1 + delta) / sigma.
// Distances and values are separate arrays, so the search's random reads stay in the smaller.
void accumulate(const SimpleGraph& g, const std::vector<Node>& sources, unsigned worker,
                unsigned workers, std::vector<double>& score) {
    const std::uint32_t n = g.nodeCount();
    std::vector<std::int32_t> distance(n, -1);
    std::vector<double> values(n, 0);
    // One spare slot each: the search writes a neighbour before it knows whether it counts.
    std::vector<Node> order(std::size_t{n} + 1);
    std::vector<Node> next(g.arcCount() + 1);  // successors on shortest paths, node after node
    std::vector<std::uint32_t> nextEnd(n);      // where the k-th node's successors end in `next`
    std::int32_t* const dist = distance.data();
    double* const value = values.data();
    Node* const reached = order.data();
    Node* const onPath = next.data();
    for (std::size_t i = worker; i < sources.size(); i += workers) {
        Node s = sources[i];
        std::uint32_t tail = 1, arcs = 0;
        reached[0] = s;
        dist[s] = 0;
        for (std::uint32_t head = 0; head < tail; ++head) {
            const std::int32_t further = dist[reached[head]] + 1;
            for (Node w : g.out(reached[head])) {
                std::int32_t d = dist[w];
                const std::int32_t unseen = d >> 31;  // all ones when w has no distance yet
                reached[tail] = w;
                tail -= unseen;
                d = (d & ~unseen) | (further & unseen);
                dist[w] = d;
                onPath[arcs] = w;
                arcs += d == further ? 1 : 0;
            }
            nextEnd[head] = arcs;
        }
        value[s] = 1;
        for (std::uint32_t j = 0, k = 0; j < tail; ++j) {
            const double sigma = value[reached[j]];
            for (const std::uint32_t end = nextEnd[j]; k < end; ++k) value[onPath[k]] += sigma;
        }
        for (std::uint32_t j = tail; j-- > 1;) {
            const Node v = reached[j];
            double sum = 0;
            for (std::uint32_t k = nextEnd[j - 1]; k < nextEnd[j]; ++k) sum += value[onPath[k]];
            const double sigma = value[v];
            const double delta = sigma * sum;
            score[v] += delta;
            value[v] = (1 + delta) / sigma;
        }
        for (std::uint32_t j = 0; j < tail; ++j) {
            dist[reached[j]] = -1;
            value[reached[j]] = 0;
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
    // The searches run on a copy numbered for locality (neighbours close in memory), which
    // costs O(n + m) and saves far more over n searches; scores are mapped back at the end.
    auto newOf = graph.localityOrder();
    SimpleGraph local = graph.renumbered(newOf);
    std::vector<Node> localSources(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) localSources[i] = newOf[sources[i]];
    unsigned workers = workerCount(threads, sources.size());
    std::vector<std::vector<double>> partial(workers);
    onWorkers(workers, [&](unsigned w, unsigned count) {
        partial[w].assign(n, 0);
        accumulate(local, localSources, w, count, partial[w]);
    });
    std::vector<double> score(n, 0);
    for (const auto& p : partial) {
        for (std::uint32_t v = 0; v < n; ++v) score[v] += p[newOf[v]];
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
