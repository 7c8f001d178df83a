// SPDX-License-Identifier: MIT
#include "queries/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <span>

#include "queries/strong_components.hpp"

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
        if (first == last) continue;
        Node a = find(v);  // v's root, kept up to date across its relations
        for (Edge e = first; e < last; ++e) {
            if (!walk.allows(e)) continue;
            Node b = find(view.target(e));
            // The lower root wins, so that a root is always the lowest node linked to it so far.
            if (a < b) {
                parent[b] = a;
            } else if (b < a) {
                parent[a] = b;
                a = b;
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

// Strong components (strongComponents): a step follows a relation from subject to object, and
// an undirected relation both ways.
std::uint32_t strongComponents(const Walk& walk, std::vector<std::uint32_t>& component) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount();
    // The reverse steps of undirected relations, gathered in one pass over the relations in
    // order (node v's are back[backStart[v] .. backStart[v+1])), so that the search never
    // looks up the direction of an in-edge; `undirectedOut` marks nodes that are the subject
    // of an allowed undirected relation.
    std::vector<std::uint32_t> backStart(static_cast<std::size_t>(n) + 1, 0);
    std::vector<char> undirectedOut(n, 0);
    for (Node v = 0; v < n; ++v) {
        auto [b, e] = view.outEdges(v);
        for (Edge x = b; x < e; ++x) {
            if (view.directed(x) || !walk.allows(x)) continue;
            ++backStart[view.target(x) + 1];
            undirectedOut[v] = 1;
        }
    }
    for (Node v = 0; v < n; ++v) backStart[v + 1] += backStart[v];
    std::vector<Node> back(backStart[n]);
    {
        std::vector<std::uint32_t> fill(backStart.begin(), backStart.end() - 1);
        for (Node v = 0; v < n; ++v) {
            if (!undirectedOut[v]) continue;
            auto [b, e] = view.outEdges(v);
            for (Edge x = b; x < e; ++x) {
                if (!view.directed(x) && walk.allows(x)) back[fill[view.target(x)]++] = v;
            }
        }
    }
    struct Arcs {
        const Walk* walk;
        const std::vector<std::uint32_t>* backStart;
        const std::vector<Node>* back;
        struct Cursor {
            Edge out, outEnd;
            std::uint32_t back, backEnd;
        };
        Cursor open(Node v) const {
            auto [ob, oe] = walk->view().outEdges(v);
            return {ob, oe, (*backStart)[v], (*backStart)[v + 1]};
        }
        bool next(Cursor& c, Node& w) const {
            while (c.out < c.outEnd) {
                Edge e = c.out++;
                if (walk->allows(e)) {
                    w = walk->view().target(e);
                    return true;
                }
            }
            if (c.back == c.backEnd) return false;
            w = (*back)[c.back++];
            return true;
        }
    };
    ComponentMarks marks;
    marks.mark.assign(n, ComponentMarks::kUnseen);
    std::uint32_t count = 0;
    // A node with no step out or no step in lies on no cycle: its own component, settled
    // without a search (about a third of the nodes of an ownership graph).
    auto anyAllowed = [&](auto first, auto last, auto edgeAt) {
        for (auto i = first; i < last; ++i)
            if (walk.allows(edgeAt(i))) return true;
        return false;
    };
    for (Node v = 0; v < n; ++v) {
        auto [ob, oe] = view.outEdges(v);
        auto [ib, ie] = view.inEdgeSlots(v);
        bool stepOut = backStart[v + 1] > backStart[v] || anyAllowed(ob, oe, [](Edge e) { return e; });
        bool stepIn = stepOut && (undirectedOut[v] || anyAllowed(ib, ie, [&](std::uint32_t slot) {
                                      return view.inEdgeAt(slot);
                                  }));
        if (!stepIn) {
            marks.mark[v] = ComponentMarks::kSettled;
            component[v] = count++;
        }
    }
    queries::strongComponents(n, marks, Arcs{&walk, &backStart, &back},
                              [&](std::span<const Node> members) {
                                  for (Node v : members) component[v] = count;
                                  ++count;
                              });
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
