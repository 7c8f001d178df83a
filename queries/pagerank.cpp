// SPDX-License-Identifier: MIT
#include "queries/pagerank.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "queries/strong_components.hpp"

namespace cg::queries {

namespace {

// The nodes of `graph` in flow order, component by component (order[start[k] .. start[k+1])
// is the k-th strongly connected component): every arc goes to a node of the same component
// or of a later one. Nodes with no in-neighbour come first and nodes with no out-neighbour
// last, each alone, without a search; the rest are searched (strongComponents reports sinks
// first, so its components are laid out from the back of their stretch of `order`).
void componentsInFlowOrder(const SimpleGraph& graph, std::vector<Node>& order,
                           std::vector<std::uint32_t>& start) {
    std::uint32_t n = graph.nodeCount();
    ComponentMarks marks;
    marks.mark.assign(n, ComponentMarks::kUnseen);
    order.resize(n);
    start.clear();
    start.reserve(static_cast<std::size_t>(n) + 1);
    std::uint32_t front = 0;
    std::vector<Node> last;
    for (Node v = 0; v < n; ++v) {
        if (graph.in(v).empty()) {
            marks.mark[v] = ComponentMarks::kSettled;
            start.push_back(front);
            order[front++] = v;
        } else if (graph.out(v).empty()) {
            marks.mark[v] = ComponentMarks::kSettled;
            last.push_back(v);
        }
    }
    struct Arcs {
        const SimpleGraph* graph;
        std::span<const Node> open(Node v) const { return graph->out(v); }
        bool next(std::span<const Node>& rest, Node& w) const {
            if (rest.empty()) return false;
            w = rest.front();
            rest = rest.subspan(1);
            return true;
        }
    };
    // Found sinks first, so each goes just before the one found before it; their starts come
    // out descending and are turned round afterwards.
    auto back = static_cast<std::uint32_t>(n - last.size());
    std::size_t searchedStarts = start.size();
    strongComponents(n, marks, Arcs{&graph}, [&](std::span<const Node> members) {
        back -= static_cast<std::uint32_t>(members.size());
        std::copy(members.begin(), members.end(), order.begin() + back);
        start.push_back(back);
    });
    std::reverse(start.begin() + static_cast<std::ptrdiff_t>(searchedStarts), start.end());
    std::uint32_t end = static_cast<std::uint32_t>(n - last.size());
    for (Node v : last) {
        start.push_back(end);
        order[end++] = v;
    }
    start.push_back(n);
}

}  // namespace

PageRankScores pageRank(const SimpleGraph& graph, double damping, double tolerance,
                        int maxIterations) {
    std::uint32_t n = graph.nodeCount();
    PageRankScores result;
    result.converged = true;
    if (n == 0) return result;
    // With uniform teleportation and the dangling score spread uniformly, the scores x solve
    // x = damping·Pᵀx + c·1 for a scalar c, so x is proportional to the solution y of
    // y = damping·Pᵀy + 1 and is y divided by its sum. That system is triangular by blocks
    // once the strongly connected components are in flow order: a node's value depends only
    // on nodes of its own component and of components before it. A component of one node is
    // solved exactly in one step; a larger one by Gauss–Seidel sweeps, which use the values
    // already updated in the same sweep, until the L1 change of a sweep is below
    // tolerance × its size (y is at least 1 everywhere and sums to at least n, so in terms
    // of the scores the changes of all components together stay below `tolerance`).
    std::vector<Node> order;
    std::vector<std::uint32_t> start;
    componentsInFlowOrder(graph, order, start);
    // The sweeps run over positions in that order, so that each component's values and its
    // in-lists lie side by side in memory: in-neighbours are renumbered to their positions.
    std::vector<Node> position(n);
    for (std::uint32_t i = 0; i < n; ++i) position[order[i]] = i;
    std::vector<std::uint64_t> inStart(static_cast<std::size_t>(n) + 1, 0);
    std::vector<Node> in;
    in.reserve(graph.linkCount() * (graph.directed() ? 1 : 2));
    std::vector<double> inverseDegree(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        Node v = order[i];
        for (Node u : graph.in(v)) in.push_back(position[u]);
        inStart[i + 1] = in.size();
        auto d = graph.out(v).size();
        if (d > 0) inverseDegree[i] = 1 / static_cast<double>(d);
    }
    std::vector<double> y(n, 0), share(n, 0);
    auto update = [&](std::uint32_t i) {
        double sum = 0;
        for (std::uint64_t k = inStart[i]; k < inStart[i + 1]; ++k) sum += share[in[k]];
        double value = 1 + damping * sum;
        share[i] = value * inverseDegree[i];
        double change = std::abs(value - y[i]);
        y[i] = value;
        return change;
    };
    for (std::size_t k = 0; k + 1 < start.size(); ++k) {
        std::uint32_t b = start[k], e = start[k + 1];
        if (e - b == 1) {
            update(b);
            continue;
        }
        double limit = tolerance * (e - b);
        int sweeps = 0;
        bool converged = false;
        do {
            double change = 0;
            for (std::uint32_t i = b; i < e; ++i) change += update(i);
            ++sweeps;
            converged = change < limit;
        } while (!converged && sweeps < maxIterations);
        result.iterations = std::max(result.iterations, sweeps);
        result.converged = result.converged && converged;
    }
    double total = 0;
    for (double v : y) total += v;
    result.score.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) result.score[order[i]] = y[i] / total;
    return result;
}

}  // namespace cg::queries
