// SPDX-License-Identifier: MIT
#include "queries/simple_graph.hpp"

#include <algorithm>
#include <numeric>

namespace cg::queries {

SimpleGraph::SimpleGraph(const Walk& walk, bool reverse) : directed_(walk.directed()) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount();
    outStart_.assign(static_cast<std::size_t>(n) + 1, 0);
    out_.reserve(static_cast<std::size_t>(view.edgeCount()) * (directed_ ? 1 : 2));
    // lastFrom[w] == v + 1 while collecting v's neighbours: drops parallel relations in O(1).
    std::vector<Node> lastFrom(n, 0);
    // A whole-graph measure has no start or end, so an entity that may only end a route (a
    // place, a post) links nothing: its relations are left out at both ends.
    const bool endsOnly = walk.hasEndsOnly();
    for (Node v = 0; v < n; ++v) {
        if (endsOnly && !walk.passesThrough(v)) {
            outStart_[v + 1] = out_.size();
            continue;
        }
        walk.forEachStep(v, [&](Edge, Node w, bool) {
            if (w == v || lastFrom[w] == v + 1) return;
            if (endsOnly && !walk.passesThrough(w)) return;
            lastFrom[w] = v + 1;
            out_.push_back(w);
        });
        outStart_[v + 1] = out_.size();
    }
    if (!directed_ || !reverse) return;
    inStart_.assign(static_cast<std::size_t>(n) + 1, 0);
    for (Node w : out_) ++inStart_[w + 1];
    for (std::uint32_t v = 0; v < n; ++v) inStart_[v + 1] += inStart_[v];
    in_.resize(out_.size());
    std::vector<std::uint64_t> fill(inStart_.begin(), inStart_.end() - 1);
    for (Node v = 0; v < n; ++v) {
        for (Node w : out(v)) in_[fill[w]++] = v;
    }
}

std::vector<Node> SimpleGraph::localityOrder() const {
    std::uint32_t n = nodeCount();
    std::vector<Node> byDegree(n);
    std::iota(byDegree.begin(), byDegree.end(), Node{0});
    std::stable_sort(byDegree.begin(), byDegree.end(), [&](Node a, Node b) {
        return outStart_[a + 1] - outStart_[a] > outStart_[b + 1] - outStart_[b];
    });
    constexpr Node kUnset = ~Node{0};
    std::vector<Node> newOf(n, kUnset);
    std::vector<Node> queue;
    queue.reserve(n);
    Node next = 0;
    for (Node root : byDegree) {
        if (newOf[root] != kUnset) continue;
        std::size_t head = queue.size();
        queue.push_back(root);
        newOf[root] = next++;
        for (; head < queue.size(); ++head) {
            for (Node w : out(queue[head])) {
                if (newOf[w] != kUnset) continue;
                newOf[w] = next++;
                queue.push_back(w);
            }
        }
    }
    return newOf;
}

void SimpleGraph::renumberLists(const std::vector<std::uint64_t>& start,
                                const std::vector<Node>& items, const std::vector<Node>& newOf,
                                std::vector<std::uint64_t>& newStart, std::vector<Node>& newItems) {
    auto n = newOf.size();
    std::vector<Node> oldOf(n);
    for (std::size_t v = 0; v < n; ++v) oldOf[newOf[v]] = static_cast<Node>(v);
    newStart.assign(n + 1, 0);
    newItems.resize(items.size());
    for (std::size_t u = 0; u < n; ++u) {
        Node v = oldOf[u];
        auto b = items.begin() + static_cast<std::ptrdiff_t>(start[v]);
        auto e = items.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
        auto at = newItems.begin() + static_cast<std::ptrdiff_t>(newStart[u]);
        auto end = std::transform(b, e, at, [&](Node w) { return newOf[w]; });
        std::sort(at, end);
        newStart[u + 1] = newStart[u] + static_cast<std::uint64_t>(e - b);
    }
}

SimpleGraph SimpleGraph::renumbered(const std::vector<Node>& newOf) const {
    SimpleGraph g;
    g.directed_ = directed_;
    renumberLists(outStart_, out_, newOf, g.outStart_, g.out_);
    if (!inStart_.empty()) renumberLists(inStart_, in_, newOf, g.inStart_, g.in_);
    return g;
}

}  // namespace cg::queries
