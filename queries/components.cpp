// SPDX-License-Identifier: MIT
#include "queries/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace cg::queries {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Weak components by union-find: every allowed relation joins its two ends once (undirected
// relations are stored once, so out-edges cover them all). Returns the component count.
std::uint32_t weakComponents(const Walk& walk, std::vector<std::uint32_t>& component) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount();
    std::vector<Node> parent(n);
    std::iota(parent.begin(), parent.end(), Node{0});
    auto find = [&](Node v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    };
    for (Node v = 0; v < n; ++v) {
        auto [first, last] = view.outEdges(v);
        for (Edge e = first; e < last; ++e) {
            if (!walk.allows(e)) continue;
            Node a = find(v), b = find(view.target(e));
            // The lower root wins, so that a root is always the lowest node linked to it so far.
            if (a < b) {
                parent[b] = a;
            } else if (b < a) {
                parent[a] = b;
            }
        }
    }
    std::uint32_t count = 0;
    for (Node v = 0; v < n; ++v) {
        Node root = find(v);
        component[v] = root == v ? count++ : component[root];
    }
    return count;
}

// Strong components by Tarjan's algorithm, iterative: each frame remembers where it is in its
// node's out-edges and then in-edges (an undirected relation is a step both ways).
std::uint32_t strongComponents(const Walk& walk, std::vector<std::uint32_t>& component) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount();
    struct Frame {
        Node node;
        Edge out, outEnd;
        std::uint32_t in, inEnd;
    };
    // What the search knows of a node, side by side: one cache miss per step looked at.
    struct State {
        std::uint32_t order = kNone;  // visit number
        std::uint32_t low = 0;        // lowest visit number reachable through the stack
        std::uint32_t component = kNone;
    };
    std::vector<State> state(n);
    std::vector<Node> stack;
    std::vector<Frame> calls;
    std::uint32_t counter = 0, count = 0;
    auto enter = [&](Node v) {
        state[v].order = state[v].low = counter++;
        stack.push_back(v);
        auto [ob, oe] = view.outEdges(v);
        auto [ib, ie] = view.inEdgeSlots(v);
        calls.push_back({v, ob, oe, ib, ie});
    };
    for (Node root = 0; root < n; ++root) {
        if (state[root].order != kNone) continue;
        enter(root);
        while (!calls.empty()) {
            Frame& f = calls.back();
            Node next = kNone;
            while (f.out < f.outEnd && next == kNone) {
                Edge e = f.out++;
                if (walk.allows(e)) next = view.target(e);
            }
            while (f.in < f.inEnd && next == kNone) {
                std::uint32_t slot = f.in++;
                Edge e = view.inEdgeAt(slot);
                if (walk.allows(e) && !view.directed(e)) next = view.inEdgeSource(slot);
            }
            Node v = f.node;
            if (next != kNone) {
                const State& w = state[next];
                if (w.order == kNone) {
                    enter(next);  // invalidates f
                } else if (w.component == kNone) {
                    state[v].low = std::min(state[v].low, w.order);  // still on the stack
                }
                continue;
            }
            if (state[v].low == state[v].order) {
                Node w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    state[w].component = count;
                } while (w != v);
                ++count;
            }
            calls.pop_back();
            if (!calls.empty()) {
                Node parent = calls.back().node;
                state[parent].low = std::min(state[parent].low, state[v].low);
            }
        }
    }
    for (Node v = 0; v < n; ++v) component[v] = state[v].component;
    return count;
}

}  // namespace

std::vector<std::uint32_t> componentOf(const GraphView& view, const RelationSet& relations,
                                       bool strong) {
    std::uint32_t n = view.nodeCount();
    std::vector<std::uint32_t> raw(n, 0);
    if (n == 0) return raw;
    Walk walk(view, relations, strong);
    std::uint32_t count = strong ? strongComponents(walk, raw) : weakComponents(walk, raw);
    // Renumber: largest first, then by the lowest node, so the numbers do not depend on the
    // order in which the search found the components. A counting sort on the size, fed the
    // components in order of their lowest node, does it in O(n).
    std::vector<std::uint32_t> size(count, 0);
    for (Node v = 0; v < n; ++v) ++size[raw[v]];
    std::uint32_t largest = *std::max_element(size.begin(), size.end());
    std::vector<std::uint32_t> next(static_cast<std::size_t>(largest) + 2, 0);
    for (std::uint32_t c = 0; c < count; ++c) ++next[largest - size[c] + 1];
    for (std::size_t k = 1; k < next.size(); ++k) next[k] += next[k - 1];
    std::vector<std::uint32_t> number(count, kNone);
    for (Node v = 0; v < n; ++v) {
        std::uint32_t c = raw[v];
        if (number[c] == kNone) number[c] = next[largest - size[c]]++;
    }
    for (auto& c : raw) c = number[c];
    return raw;
}

QueryResult components(const GraphView& view, const ComponentParams& params) {
    RelationSet relations = RelationSet::named(view.schema(), params.relations);
    auto component = componentOf(view, relations, params.strong);
    QueryResult result;
    result.kind = "components";
    result.table.columns = {"component", "size", "members"};
    std::uint32_t count = 0;
    for (auto c : component) count = std::max(count, c + 1);
    std::vector<std::vector<Node>> members(count);
    for (Node v = 0; v < view.nodeCount(); ++v) members[component[v]].push_back(v);

    std::size_t listed = 0, small = 0;
    std::vector<char> inListed(count, 0);
    for (std::uint32_t c = 0; c < count; ++c) {
        if (members[c].size() < params.minSize) {
            ++small;
            continue;
        }
        if (params.top > 0 && listed == params.top) continue;
        ++listed;
        inListed[c] = 1;
        std::string names;
        for (std::size_t i = 0; i < members[c].size() && i < params.membersShown; ++i) {
            names += (i ? ", " : "") + cellText(view, entityCell(members[c][i]));
        }
        if (members[c].size() > params.membersShown) names += ", …";
        result.table.rows.push_back({integerCell(c + 1),
                                     integerCell(static_cast<std::int64_t>(members[c].size())),
                                     textCell(names)});
        result.subgraph.nodes.insert(result.subgraph.nodes.end(), members[c].begin(),
                                     members[c].end());
    }
    Walk walk(view, relations, params.strong);
    for (Node v = 0; v < view.nodeCount(); ++v) {
        if (!inListed[component[v]]) continue;
        auto [b, e] = view.outEdges(v);
        for (Edge x = b; x < e; ++x) {
            if (walk.allows(x) && component[view.target(x)] == component[v])
                result.subgraph.edges.push_back(x);
        }
    }
    result.subgraph.normalize(view);
    result.notes.push_back(std::to_string(count) + (params.strong ? " strongly" : " weakly") +
                           " connected components; " + std::to_string(small) + " of fewer than " +
                           std::to_string(params.minSize) + " entities not listed");
    if (count - small > listed) {
        result.notes.push_back("only the " + std::to_string(listed) +
                               " largest components are listed (--top)");
    }
    return result;
}

}  // namespace cg::queries
