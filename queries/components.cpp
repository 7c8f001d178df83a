// SPDX-License-Identifier: MIT
#include "queries/components.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>
#include <span>

#include "queries/strong_components.hpp"

namespace cg::queries {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// The subject of every relation, in relation order (one slot more, unused). The view keeps a
// node's relations contiguous, so a count at each row start and a running sum give it without
// a loop per node, whose end mispredicts once per node and cost more than the relations.
std::vector<Node> subjects(const GraphView& view) {
    std::uint32_t n = view.nodeCount(), m = view.edgeCount();
    std::vector<Node> subject(static_cast<std::size_t>(m) + 1, 0);
    for (Node v = 1; v < n; ++v) ++subject[view.outEdges(v).first];
    Node run = 0;
    for (Edge e = 0; e < m; ++e) subject[e] = run += subject[e];
    return subject;
}

// Weak components by union-find: every allowed relation joins its two ends once (undirected
// relations are stored once, so out-edges cover them all), read as one flat list of (subject,
// object). The lower root wins, so every node's parent comes before it: one ascending pass
// then turns the parents into component numbers in order of each component's lowest node,
// in place, counting the sizes. Returns the numbers; `size` gets each component's size.
std::vector<std::uint32_t> weakComponents(const Walk& walk, bool all,
                                          std::vector<std::uint32_t>& size) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount(), m = view.edgeCount();
    std::vector<Node> parent(n);
    std::iota(parent.begin(), parent.end(), Node{0});
    auto subject = subjects(view);
    Node* p = parent.data();
    auto find = [p](Node v) {
        while (p[v] != v) {
            p[v] = p[p[v]];
            v = p[v];
        }
        return v;
    };
    auto link = [&](auto allows) {
        for (Edge e = 0; e < m; ++e) {
            if (!allows(e)) continue;
            Node a = find(subject[e]), b = find(view.target(e));
            if (a < b) {
                p[b] = a;
            } else if (b < a) {
                p[a] = b;
            }
        }
    };
    if (all && !walk.hasEndsOnly()) {
        link([](Edge) { return true; });
    } else if (walk.hasEndsOnly()) {
        // A place or a post joins no component: it could only link the others through itself.
        link([&](Edge e) { return walk.links(e, subject[e], view.target(e)); });
    } else {
        link([&](Edge e) { return walk.allows(e); });
    }
    size.clear();
    for (Node v = 0; v < n; ++v) {
        Node u = p[v];  // u < v has its number already
        if (u == v) {
            p[v] = static_cast<std::uint32_t>(size.size());
            size.push_back(1);
        } else {
            p[v] = p[u];
            ++size[p[v]];
        }
    }
    return parent;
}

// Per node, what the strong search reads on entering it, side by side so that one cache line
// brings them: its mark, its first relation as subject (a copy of the view's row start) and
// its first reverse step (back[row.back .. next row's back): the subjects of the allowed
// undirected relations it is the object of).
struct StrongRow {
    Node mark;
    Edge out;
    std::uint32_t back;
};

struct StrongMarks {
    StrongRow* rows;
    Node& operator[](Node v) const { return rows[v].mark; }
};

// The steps of the strong search out of a node: its allowed relations as subject, then its
// reverse steps. With every relation allowed, no relation type is looked at.
template <bool All>
struct StrongArcs {
    const Walk* walk;
    const StrongRow* rows;
    const Node* back;
    struct Cursor {
        Edge out, outEnd;
        std::uint32_t back, backEnd;
    };
    Cursor open(Node v) const {
        return {rows[v].out, rows[v + 1].out, rows[v].back, rows[v + 1].back};
    }
    bool next(Cursor& c, Node& w) const {
        if constexpr (All) {
            if (c.out < c.outEnd) {
                w = walk->view().target(c.out++);
                return true;
            }
        } else {
            while (c.out < c.outEnd) {
                Edge e = c.out++;
                if (walk->allows(e)) {
                    w = walk->view().target(e);
                    return true;
                }
            }
        }
        if (c.back == c.backEnd) return false;
        w = back[c.back++];
        return true;
    }
};

// Strong components (strongComponents): a step follows a relation from subject to object, and
// an undirected relation both ways. A node alone in its component gets kNone; the others get
// the index of their component in `sizes` and `lowest` (its size and lowest node), in no
// particular order.
template <bool All>
void strongComponents(const Walk& walk, std::vector<std::uint32_t>& component,
                      std::vector<std::uint32_t>& sizes, std::vector<Node>& lowest) {
    const GraphView& view = walk.view();
    std::uint32_t n = view.nodeCount(), m = view.edgeCount();
    // The allowed undirected relations, listed without a branch per relation into a buffer
    // that is never cleared (only the listed part of it is touched), and their subjects found
    // by walking the row starts alongside, so that the search never looks up the direction of
    // an in-edge.
    std::unique_ptr<Edge[]> undirected(new Edge[static_cast<std::size_t>(m) + 1]);
    std::uint32_t k = 0;
    for (Edge e = 0; e < m; ++e) {
        undirected[k] = e;
        k += static_cast<std::uint32_t>(!view.directed(e) & (All || walk.allows(e)));
    }
    // Reverse steps counted at rows[v+2].back, so that placing them with rows[v+1].back++
    // leaves each row's start; rows[v].mark is 1 for now where v is the subject of one.
    std::vector<StrongRow> rows(static_cast<std::size_t>(n) + 2, StrongRow{0, 0, 0});
    std::vector<Node> subject(k);
    Node v = 0;
    for (std::uint32_t i = 0; i < k; ++i) {
        Edge e = undirected[i];
        while (view.outEdges(v).second <= e) ++v;
        subject[i] = v;
        rows[v].mark = 1;
        ++rows[view.target(e) + 2].back;
    }
    for (Node u = 0; u < n; ++u) rows[u + 2].back += rows[u + 1].back;
    std::vector<Node> back(rows[n + 1].back);
    for (std::uint32_t i = 0; i < k; ++i)
        back[rows[view.target(undirected[i]) + 1].back++] = subject[i];
    undirected.reset();
    // A node with no step out or no step in lies on no cycle: its own component, settled
    // without a search (about a third of the nodes of an ownership graph).
    for (Node u = 0; u < n; ++u) {
        auto [ob, oe] = view.outEdges(u);
        bool stepOut = rows[u + 1].back > rows[u].back;
        bool stepIn = rows[u].mark != 0;
        if constexpr (All) {
            stepOut = stepOut || ob < oe;
            stepIn = stepIn || view.inDegree(u) > 0;
        } else {
            for (Edge e = ob; e < oe && !stepOut; ++e) stepOut = walk.allows(e);
            auto [ib, ie] = view.inEdgeSlots(u);
            for (auto slot = ib; slot < ie && stepOut && !stepIn; ++slot)
                stepIn = walk.allows(view.inEdgeAt(slot));
        }
        // A place or a post lies on no cycle: it may end a route but is never passed through.
        bool alone = !(stepOut && stepIn) || !walk.passesThrough(u);
        rows[u].mark = alone ? ComponentMarks::kSettled : ComponentMarks::kUnseen;
        rows[u].out = ob;
        component[u] = kNone;  // the search numbers the others
    }
    rows[n].out = m;
    StrongMarks marks{rows.data()};
    queries::strongComponents(
        n, marks, StrongArcs<All>{&walk, rows.data(), back.data()},
        [&](std::span<const Node> members) {
            if (members.size() == 1) return;
            auto c = static_cast<std::uint32_t>(sizes.size());
            for (Node x : members) component[x] = c;
            sizes.push_back(static_cast<std::uint32_t>(members.size()));
            lowest.push_back(*std::min_element(members.begin(), members.end()));
        });
}

}  // namespace

std::vector<std::uint32_t> componentOf(const GraphView& view, const RelationSet& relations,
                                       bool strong) {
    std::uint32_t n = view.nodeCount();
    if (n == 0) return {};
    Walk walk(view, relations, strong);
    std::vector<std::uint32_t> component, size;
    if (strong) {
        component.resize(n);
        std::vector<Node> lowest;
        if (relations.all()) {
            strongComponents<true>(walk, component, size, lowest);
        } else {
            strongComponents<false>(walk, component, size, lowest);
        }
        // Most strong components are single nodes: those come last, in node order. The few
        // larger ones are sorted by size (decreasing) and lowest node, which names them.
        auto larger = static_cast<std::uint32_t>(size.size());
        std::vector<std::uint64_t> key(larger);
        for (std::uint32_t c = 0; c < larger; ++c)
            key[c] = static_cast<std::uint64_t>(n - size[c]) << 32 | lowest[c];
        std::sort(key.begin(), key.end());
        std::vector<std::uint32_t> number(static_cast<std::size_t>(larger) + 1, 0);
        for (std::uint32_t i = 0; i < larger; ++i) number[component[static_cast<Node>(key[i])]] = i;
        std::uint32_t single = larger;
        for (Node v = 0; v < n; ++v) {
            std::uint32_t c = component[v];
            bool alone = c == kNone;
            component[v] = alone ? single : number[std::min(c, larger)];
            single += alone;
        }
        return component;
    } else {
        component = weakComponents(walk, relations.all(), size);
    }
    // Renumber: largest first, then by the lowest node, so the numbers do not depend on the
    // order in which the search found the components. A counting sort on the size, fed the
    // components in order of their lowest node, does it in O(n).
    std::uint32_t count = static_cast<std::uint32_t>(size.size());
    std::uint32_t largest = *std::max_element(size.begin(), size.end());
    std::vector<std::uint32_t> next(static_cast<std::size_t>(largest) + 2, 0);
    for (std::uint32_t c = 0; c < count; ++c) ++next[largest - size[c] + 1];
    for (std::size_t k = 1; k < next.size(); ++k) next[k] += next[k - 1];
    std::vector<std::uint32_t>& number = size;  // reused: a component's size, then its number
    for (std::uint32_t c = 0; c < count; ++c) number[c] = next[largest - size[c]]++;
    for (auto& c : component) c = number[c];
    return component;
}

QueryResult components(const GraphView& view, const ComponentParams& params) {
    RelationSet relations = connectionRelations(view, params.relations, params.viaPlaces);
    QueryResult result;
    result.kind = "components";
    result.table.columns = {"component", "size", "members"};
    // What componentOf holds (at most 56 bytes an entity and 8 a relation, strong), the answer
    // per entity (4), its member lists (4, and a list per component: 24) and the marks.
    MemoryBudget budget(params.maxMemory);
    if (!takeWorkingMemory(budget, view, 96, 8, result)) return result;
    auto component = componentOf(view, relations, params.strong);
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
        if (budget.exceeded() ||
            !budget.take(rowBytes(3) + members[c].size() * subgraphEntryBytes()))
            continue;
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
            if (walk.allows(x) && component[view.target(x)] == component[v] &&
                budget.take(subgraphEntryBytes()))
                result.subgraph.edges.push_back(x);
        }
    }
    result.subgraph.normalize(view);
    result.notes.push_back(std::to_string(count) + (params.strong ? " strongly" : " weakly") +
                           " connected components; " + std::to_string(small) + " of fewer than " +
                           std::to_string(params.minSize) + " entities not listed");
    if (budget.exceeded()) {
        result.notes.push_back(
            memoryNote(std::to_string(listed) + " of " + std::to_string(count - small) +
                           " components listed and " +
                           std::to_string(result.subgraph.edges.size()) + " of their relations",
                       budget));
        result.partial = true;
    } else if (count - small > listed) {
        result.notes.push_back("only the " + std::to_string(listed) +
                               " largest components are listed (--top)");
    }
    return result;
}

KindDef componentsKind() {
    KindDef kind;
    kind.name = "components";
    kind.description = "Groups of entities linked to each other";
    kind.args = {
        arg("strong", ArgType::Boolean,
            "Strongly connected: following relations from subject to object"),
        connectionRelationsArg(),
        arg("min_size", ArgType::Integer, "List components of at least this many entities")
            .byDefault("2"),
        arg("top", ArgType::Integer, "List at most this many components (0: all)").byDefault("50"),
        viaPlacesArg(),
    };
    kind.columns = {{"component", ColumnType::Integer},
                    {"size", ColumnType::Integer},
                    {"members", ColumnType::Text}};
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder&,
                  const QueryHooks&) {
        ComponentParams p;
        p.strong = argValue<bool>(args, "strong").value_or(false);
        p.relations = argList(args, "relations");
        p.viaPlaces = argValue<bool>(args, "via_places").value_or(false);
        p.minSize = static_cast<std::size_t>(argValue<std::int64_t>(args, "min_size")
                                                 .value_or(static_cast<std::int64_t>(p.minSize)));
        p.top = static_cast<std::size_t>(
            argValue<std::int64_t>(args, "top").value_or(static_cast<std::int64_t>(p.top)));
        p.maxMemory = argMaxMemory(args);
        return components(view, p);
    };
    return kind;
}

}  // namespace cg::queries
