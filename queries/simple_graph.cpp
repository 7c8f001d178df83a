// SPDX-License-Identifier: MIT
#include "queries/simple_graph.hpp"

namespace cg::queries {

SimpleGraph::SimpleGraph(const Walk& walk, bool reverse) : directed_(walk.directed()) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount();
    outStart_.assign(static_cast<std::size_t>(n) + 1, 0);
    out_.reserve(static_cast<std::size_t>(view.edgeCount()) * (directed_ ? 1 : 2));
    // lastFrom[w] == v + 1 while collecting v's neighbours: drops parallel relations in O(1).
    std::vector<Node> lastFrom(n, 0);
    for (Node v = 0; v < n; ++v) {
        walk.forEachStep(v, [&](Edge, Node w, bool) {
            if (w == v || lastFrom[w] == v + 1) return;
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

}  // namespace cg::queries
