// SPDX-License-Identifier: MIT
#include "queries/betweenness.hpp"

#include <algorithm>
#include <bit>
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

// A worker's sources one at a time, accumulated into its own array. Each source takes three
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
void accumulateOneByOne(const SimpleGraph& g, const std::vector<Node>& sources,
                        std::vector<double>& score, WorkProgress* progress) {
    const std::uint32_t n = g.nodeCount();
    std::vector<std::int32_t> distance(n, -1);
    std::vector<double> values(n, 0);
    // One spare slot each: the search writes a neighbour before it knows whether it counts.
    std::vector<Node> order(std::size_t{n} + 1);
    std::vector<Node> next(g.arcCount() + 1);  // successors on shortest paths, node after node
    std::vector<std::uint32_t> nextEnd(n);     // where the k-th node's successors end in `next`
    std::int32_t* const dist = distance.data();
    double* const value = values.data();
    Node* const reached = order.data();
    Node* const onPath = next.data();
    for (Node s : sources) {
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
        if (progress) progress->add(1);
    }
}

// Batches narrower than this are slower than searching their sources one by one.
constexpr std::size_t kBatchFrom = 32;

// A node reached by a batch, and the lanes (sources) that reach it at one distance.
struct Entry {
    Node node;
    std::uint64_t lanes;
};

// Up to 64 sources searched together, one bit ("lane") per source: Then et al.'s multi-source
// breadth-first search ("The More the Merrier", VLDB 2014) carrying Brandes' counts. A level is
// a list of entries (node, lanes at that distance), so a node's relations are scanned once per
// distinct distance it has from the batch's sources rather than once per source, and the
// sources' searches share every cache line they read. Per lane the arithmetic is Brandes':
//  - forward, level L: for an entry (v, lanes m) and a neighbour w, the lanes m & ~seen[w] are
//    exactly those in which v -> w lies on a shortest path (w is not reached before level L + 1
//    in them), so sigma is pushed there as the level is built;
//  - backward, from the deepest level: w's lanes at level L + 1 are marked in `fresh`, and v's
//    coefficient sum in lane l adds up value[w][l] over its neighbours in that order, as the
//    one-source search does.
// `value` holds sigma and then (1 + delta) / sigma, `lanes` doubles per node: the caller
// chooses `lanes` so that these rows fit the memory budget.
void accumulateBatched(const SimpleGraph& g, const std::vector<Node>& sources, unsigned lanes,
                       std::vector<double>& score, WorkProgress* progress) {
    const std::uint32_t n = g.nodeCount();
    const std::size_t stride = lanes;
    std::vector<std::uint64_t> seenLanes(n, 0), freshLanes(n, 0);
    std::vector<double> values(std::size_t{n} * stride, 0);
    std::vector<Entry> entries;
    std::vector<std::uint32_t> levelStart;  // level j is entries[levelStart[j], levelStart[j + 1])
    std::vector<Node> newNodes(std::size_t{n} + 1);  // one spare: written before it counts
    std::uint64_t* const seen = seenLanes.data();
    std::uint64_t* const fresh = freshLanes.data();
    double* const value = values.data();
    Node* const added = newNodes.data();
    double sum[64];
    // Moves the nodes reached by the level just built into a new level.
    auto closeLevel = [&](std::uint32_t count) {
        for (std::uint32_t j = 0; j < count; ++j) {
            const Node w = added[j];
            seen[w] |= fresh[w];
            entries.push_back({w, fresh[w]});
            fresh[w] = 0;
        }
        levelStart.push_back(static_cast<std::uint32_t>(entries.size()));
    };
    for (std::size_t first = 0; first < sources.size(); first += stride) {
        const std::size_t batch = std::min(stride, sources.size() - first);
        entries.clear();
        levelStart.assign(1, 0);
        std::uint32_t count = 0;
        for (std::size_t l = 0; l < batch; ++l) {
            const Node s = sources[first + l];
            if (!fresh[s]) added[count++] = s;
            fresh[s] |= std::uint64_t{1} << l;
            value[s * stride + l] = 1;
        }
        closeLevel(count);
        for (std::size_t level = 0; levelStart[level] < levelStart[level + 1]; ++level) {
            count = 0;
            for (std::uint32_t k = levelStart[level]; k < levelStart[level + 1]; ++k) {
                const Node v = entries[k].node;
                const std::uint64_t m = entries[k].lanes;
                const double* sigmaV = value + v * stride;
                for (Node w : g.out(v)) {
                    std::uint64_t onPath = m & ~seen[w];
                    const std::uint64_t before = fresh[w];
                    added[count] = w;
                    count += (before == 0) & (onPath != 0);
                    fresh[w] = before | onPath;
                    if (!onPath) continue;
                    double* sigmaW = value + w * stride;
                    do {
                        const int l = std::countr_zero(onPath);
                        sigmaW[l] += sigmaV[l];
                        onPath &= onPath - 1;
                    } while (onPath);
                }
            }
            closeLevel(count);
        }
        levelStart.pop_back();  // the empty level that ended the search
        const std::size_t levels = levelStart.size() - 1;
        auto markLevel = [&](std::size_t level, bool on) {
            if (level >= levels) return;
            for (std::uint32_t k = levelStart[level]; k < levelStart[level + 1]; ++k)
                fresh[entries[k].node] = on ? entries[k].lanes : 0;
        };
        for (std::size_t level = levels - 1; level >= 1; --level) {
            markLevel(level + 1, true);
            for (std::uint32_t k = levelStart[level]; k < levelStart[level + 1]; ++k) {
                const Node v = entries[k].node;
                const std::uint64_t m = entries[k].lanes;
                for (std::uint64_t x = m; x; x &= x - 1) sum[std::countr_zero(x)] = 0;
                for (Node w : g.out(v)) {
                    std::uint64_t hit = m & fresh[w];
                    if (!hit) continue;
                    const double* coefficientW = value + w * stride;
                    do {
                        const int l = std::countr_zero(hit);
                        sum[l] += coefficientW[l];
                        hit &= hit - 1;
                    } while (hit);
                }
                double* valueV = value + v * stride;
                for (std::uint64_t x = m; x; x &= x - 1) {
                    const int l = std::countr_zero(x);
                    const double sigma = valueV[l];
                    const double delta = sigma * sum[l];
                    score[v] += delta;
                    valueV[l] = (1 + delta) / sigma;
                }
            }
            markLevel(level + 1, false);
        }
        for (const Entry& e : entries) {
            double* valueV = value + e.node * stride;
            for (std::uint64_t x = e.lanes; x; x &= x - 1) valueV[std::countr_zero(x)] = 0;
            seen[e.node] = 0;
        }
        if (progress) progress->add(batch);
    }
}

}  // namespace

std::vector<double> betweennessCentrality(const SimpleGraph& graph, const std::vector<Node>* sample,
                                          unsigned threads, WorkProgress* progress) {
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
    // Sources go to the workers in turn. A worker searches them in batches of up to 64, as
    // wide as its share and the memory budget allow: per lane and node, a row of doubles (8
    // bytes) and at most one entry of the level lists (16). Batches of 32 and more are faster
    // than searching one by one, narrower ones slower: those sources, and a remainder of fewer
    // than 32 after the full batches, are searched one by one.
    const std::size_t budget = std::size_t{256} << 20;  // bytes, all workers together
    const std::size_t affordable =
        budget / (std::max<std::size_t>(n, 1) * (sizeof(double) + sizeof(Entry)) * workers);
    std::vector<std::vector<double>> partial(workers);
    onWorkers(workers, [&](unsigned w, unsigned count) {
        partial[w].assign(n, 0);
        std::vector<Node> mine;
        for (std::size_t i = w; i < localSources.size(); i += count)
            mine.push_back(localSources[i]);
        const std::size_t lanes = std::min<std::size_t>({64, affordable, mine.size()});
        std::size_t batched = 0;
        if (lanes >= kBatchFrom) {
            const std::size_t rest = mine.size() % lanes;
            batched = mine.size() - (rest < kBatchFrom ? rest : 0);
        }
        std::vector<Node> oneByOne(mine.begin() + static_cast<std::ptrdiff_t>(batched), mine.end());
        mine.resize(batched);
        if (!mine.empty())
            accumulateBatched(local, mine, static_cast<unsigned>(lanes), partial[w], progress);
        if (!oneByOne.empty()) accumulateOneByOne(local, oneByOne, partial[w], progress);
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
