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

// What one search knows of a node, side by side so that each relation scanned costs one
// cache miss rather than one per array; 16 bytes, as `value` holds sigma (the number of
// shortest paths from the source) until the node is finished and then its coefficient
// (1 + delta) / sigma, which is all its predecessors read.
struct Slot {
    double value = 0;
    std::int32_t dist = -1;
};
static_assert(sizeof(Slot) == 16);

// One worker's share of the sources, accumulated into its own array. The forward search
// writes down, node after node, the arcs that lie on shortest paths (to a node one step
// further), so that the backward accumulation reads just those, in order, instead of
// scanning every neighbour again.
void accumulate(const SimpleGraph& g, const std::vector<Node>& sources, unsigned worker,
                unsigned workers, std::vector<double>& score) {
    std::uint32_t n = g.nodeCount();
    std::vector<Slot> slot(n);
    std::vector<Node> order;
    order.reserve(n);
    std::vector<Node> next;                  // successors on shortest paths, node after node
    std::vector<std::uint32_t> nextEnd;      // where each node's successors end in `next`
    nextEnd.reserve(n);
    for (std::size_t i = worker; i < sources.size(); i += workers) {
        Node s = sources[i];
        order.clear();
        next.clear();
        nextEnd.clear();
        order.push_back(s);
        slot[s].dist = 0;
        slot[s].value = 1;
        for (std::size_t head = 0; head < order.size(); ++head) {
            Node v = order[head];
            std::int32_t further = slot[v].dist + 1;
            double sv = slot[v].value;
            for (Node w : g.out(v)) {
                Slot& x = slot[w];
                if (x.dist < 0) {
                    x.dist = further;
                    order.push_back(w);
                }
                if (x.dist == further) {
                    x.value += sv;
                    next.push_back(w);
                }
            }
            nextEnd.push_back(static_cast<std::uint32_t>(next.size()));
        }
        // Nodes in reverse order of distance: every successor of v is finished before v, so
        // its value is already its coefficient.
        for (std::size_t j = order.size(); j-- > 1;) {
            Node v = order[j];
            double sum = 0;
            for (std::uint32_t k = nextEnd[j - 1]; k < nextEnd[j]; ++k) sum += slot[next[k]].value;
            double sigma = slot[v].value;
            double delta = sigma * sum;
            score[v] += delta;
            slot[v].value = (1 + delta) / sigma;
        }
        for (Node v : order) slot[v] = Slot{};
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
