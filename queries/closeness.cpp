// SPDX-License-Identifier: MIT
#include "queries/closeness.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "queries/parallel.hpp"

namespace cg::queries {

std::vector<double> closenessOf(const SimpleGraph& graph, const std::vector<Node>& nodes,
                                bool harmonic, unsigned threads, WorkProgress* progress) {
    std::uint32_t n = graph.nodeCount();
    // The searches run on a copy numbered for locality (neighbours close in memory).
    auto newOf = graph.localityOrder();
    SimpleGraph local = graph.renumbered(newOf);
    std::vector<double> score(nodes.size(), 0);
    unsigned workers = workerCount(threads, nodes.size());
    // Each worker searches its nodes up to 64 at a time, one bit ("lane") per node: a
    // multi-source breadth-first search (Then et al., VLDB 2014; see betweenness.cpp). A level
    // is a list of (node, lanes that reach it at this distance), so a node's neighbours are
    // scanned once per distinct distance from the batch's nodes, not once per search. Each lane
    // counts the nodes of each level and then adds their terms one by one, as a search of its
    // own adds them (all of a level's terms are equal): the sums are the same bit for bit.
    struct Entry {
        Node node;
        std::uint64_t lanes;
    };
    onWorkers(workers, [&](unsigned worker, unsigned count) {
        std::vector<std::size_t> mine;
        for (std::size_t i = worker; i < nodes.size(); i += count) mine.push_back(i);
        std::vector<std::uint64_t> seenLanes(n, 0), nextLanes(n, 0);
        std::uint64_t* const seen = seenLanes.data();
        std::uint64_t* const next = nextLanes.data();
        std::vector<Node> addedNodes(std::size_t{n} + 1);  // one spare: written before it counts
        Node* const added = addedNodes.data();
        std::vector<Entry> level;
        std::vector<Node> touched;  // every node the batch reached, once: to clear `seen`
        for (std::size_t first = 0; first < mine.size(); first += 64) {
            const std::size_t lanes = std::min<std::size_t>(64, mine.size() - first);
            std::uint64_t reached[64] = {}, total[64] = {};
            std::uint32_t atLevel[64] = {};
            double inverse[64] = {};
            level.clear();
            for (std::size_t l = 0; l < lanes; ++l) {
                const Node s = newOf[nodes[mine[first + l]]];
                if (!seen[s]) level.push_back({s, 0});
                seen[s] |= std::uint64_t{1} << l;
            }
            touched.clear();
            for (Entry& e : level) {
                e.lanes = seen[e.node];
                touched.push_back(e.node);
            }
            for (std::int32_t distance = 1; !level.empty(); ++distance) {
                std::uint32_t newCount = 0;
                for (const Entry& e : level) {
                    for (Node w : local.in(e.node)) {
                        const std::uint64_t lanesW = e.lanes & ~seen[w];
                        const std::uint64_t before = next[w];
                        added[newCount] = w;
                        newCount += (before == 0) & (lanesW != 0);
                        next[w] = before | lanesW;
                    }
                }
                level.clear();
                for (std::uint32_t j = 0; j < newCount; ++j) {
                    const Node w = added[j];
                    const std::uint64_t lanesW = next[w];
                    next[w] = 0;
                    if (!seen[w]) touched.push_back(w);
                    seen[w] |= lanesW;
                    level.push_back({w, lanesW});
                    for (std::uint64_t x = lanesW; x; x &= x - 1) ++atLevel[std::countr_zero(x)];
                }
                const double term = 1.0 / distance;
                for (std::size_t l = 0; l < lanes; ++l) {
                    reached[l] += atLevel[l];
                    total[l] += std::uint64_t{atLevel[l]} * static_cast<std::uint64_t>(distance);
                    for (std::uint32_t k = 0; k < atLevel[l]; ++k) inverse[l] += term;
                    atLevel[l] = 0;
                }
            }
            for (Node v : touched) seen[v] = 0;
            for (std::size_t l = 0; l < lanes; ++l) {
                double& out = score[mine[first + l]];
                if (harmonic) {
                    out = inverse[l];
                } else if (total[l] > 0 && n > 1) {
                    const auto found = static_cast<double>(reached[l]);
                    out =
                        found / static_cast<double>(total[l]) * found / static_cast<double>(n - 1);
                }
            }
            if (progress) progress->add(lanes);
        }
    });
    return score;
}

std::vector<double> closenessCentrality(const SimpleGraph& graph, bool harmonic, unsigned threads,
                                        WorkProgress* progress) {
    std::vector<Node> all(graph.nodeCount());
    std::iota(all.begin(), all.end(), Node{0});
    return closenessOf(graph, all, harmonic, threads, progress);
}

}  // namespace cg::queries
