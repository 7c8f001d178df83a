// SPDX-License-Identifier: MIT
#include "queries/cycles.hpp"

#include <algorithm>

#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

using Local = std::uint32_t;
constexpr Local kUnset = ~Local{0};

// The subgraph as compact adjacency lists over local ids, without parallel relations.
struct Compact {
    std::vector<Node> nodes;              // local id -> view node, in view order
    std::vector<std::vector<Local>> out;  // sorted, unique, no self loops
    std::vector<Local> selfLoops;
};

Compact compact(const GraphView& view, const RelationSet& relations) {
    Compact g;
    NodeMarks<Local> local;
    local.reset(view.nodeCount());
    auto allowed = [&](Edge e) {
        return view.directed(e) && relations.contains(view.relationType(e));
    };
    for (Node v = 0; v < view.nodeCount(); ++v) {
        auto [b, e] = view.outEdges(v);
        for (Edge x = b; x < e; ++x) {
            if (!allowed(x)) continue;
            for (Node w : {v, view.target(x)}) {
                if (!local.has(w)) local.set(w, 0);
            }
        }
    }
    for (Node v = 0; v < view.nodeCount(); ++v) {
        if (!local.has(v)) continue;
        local.set(v, static_cast<Local>(g.nodes.size()));
        g.nodes.push_back(v);
    }
    g.out.resize(g.nodes.size());
    for (Local i = 0; i < g.nodes.size(); ++i) {
        auto [b, e] = view.outEdges(g.nodes[i]);
        auto& list = g.out[i];
        for (Edge x = b; x < e; ++x) {
            if (!allowed(x)) continue;
            Local j = local.get(view.target(x));
            if (j == i) {
                g.selfLoops.push_back(i);
            } else {
                list.push_back(j);
            }
        }
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    std::sort(g.selfLoops.begin(), g.selfLoops.end());
    g.selfLoops.erase(std::unique(g.selfLoops.begin(), g.selfLoops.end()), g.selfLoops.end());
    return g;
}

// Tarjan's strongly connected components of the nodes whose region is `region`, iteratively;
// only components of two or more nodes are returned.
class Components {
  public:
    explicit Components(const Compact& g)
        : g_(g), index_(g.out.size(), kUnset), low_(g.out.size()), onStack_(g.out.size()) {}

    std::vector<std::vector<Local>> of(const std::vector<Local>& nodes,
                                       const std::vector<std::uint32_t>& region,
                                       std::uint32_t token) {
        std::vector<std::vector<Local>> found;
        for (Local v : nodes) index_[v] = kUnset;
        Local counter = 0;
        struct Frame {
            Local v;
            std::size_t next;
        };
        std::vector<Frame> frames;
        for (Local root : nodes) {
            if (index_[root] != kUnset) continue;
            frames.push_back({root, 0});
            open(root, counter);
            while (!frames.empty()) {
                Frame& f = frames.back();
                const auto& out = g_.out[f.v];
                if (f.next < out.size()) {
                    Local w = out[f.next++];
                    if (region[w] != token) continue;
                    if (index_[w] == kUnset) {
                        open(w, counter);
                        frames.push_back({w, 0});
                    } else if (onStack_[w]) {
                        low_[f.v] = std::min(low_[f.v], index_[w]);
                    }
                    continue;
                }
                Local v = f.v;
                frames.pop_back();
                if (!frames.empty())
                    low_[frames.back().v] = std::min(low_[frames.back().v], low_[v]);
                if (low_[v] != index_[v]) continue;
                std::vector<Local> component;
                Local w;
                do {
                    w = stack_.back();
                    stack_.pop_back();
                    onStack_[w] = 0;
                    component.push_back(w);
                } while (w != v);
                if (component.size() > 1) found.push_back(std::move(component));
            }
        }
        return found;
    }

  private:
    void open(Local v, Local& counter) {
        index_[v] = low_[v] = counter++;
        stack_.push_back(v);
        onStack_[v] = 1;
    }
    const Compact& g_;
    std::vector<Local> index_, low_, stack_;
    std::vector<char> onStack_;
};

}  // namespace

std::size_t cycleBytes(std::size_t length) {
    return sizeof(std::vector<Node>) + length * sizeof(Node) + rowBytes(3) + routeBytes(length);
}

std::vector<std::vector<Node>> simpleCycles(const GraphView& view, const RelationSet& relations,
                                            std::size_t limit, bool& capped, MemoryBudget* budget) {
    capped = false;
    std::vector<std::vector<Node>> cycles;
    // The compact copy (a local id, a list and its entries: about 40 bytes an entity and 4 a
    // relation), and the search's marks, blocked lists, stacks and components (about 60 bytes
    // an entity and 8 a relation, the blocked lists holding at most one entry per relation).
    if (budget && !budget->take(workingBytes(view, 100, 12))) return cycles;
    auto fits = [budget](std::size_t length) {
        return !budget || budget->take(cycleBytes(length));
    };
    Compact g = compact(view, relations);
    std::size_t n = g.nodes.size();
    for (Local v : g.selfLoops) {
        if (cycles.size() == limit) {
            capped = true;
            return cycles;
        }
        if (!fits(1)) return cycles;
        cycles.push_back({g.nodes[v]});
    }

    std::vector<std::uint32_t> region(n, 0);
    std::uint32_t token = 1;
    std::vector<Local> all(n);
    for (Local i = 0; i < n; ++i) all[i] = i;
    std::fill(region.begin(), region.end(), token);
    Components components(g);
    std::vector<std::vector<Local>> pending = components.of(all, region, token);

    std::vector<char> blocked(n, 0);
    std::vector<std::vector<Local>> blockedBy(n);
    std::vector<Local> path, unblockStack;
    std::vector<char> closed;
    struct Frame {
        Local v;
        std::size_t next;
    };
    std::vector<Frame> frames;

    while (!pending.empty() && !capped) {
        std::vector<Local> comp = std::move(pending.back());
        pending.pop_back();
        ++token;
        for (Local v : comp) {
            region[v] = token;
            blocked[v] = 0;
            blockedBy[v].clear();
        }
        // Johnson's circuit search from the lowest node of the component.
        Local s = *std::min_element(comp.begin(), comp.end());
        auto unblock = [&](Local u) {
            unblockStack.assign(1, u);
            while (!unblockStack.empty()) {
                Local x = unblockStack.back();
                unblockStack.pop_back();
                if (!blocked[x]) continue;
                blocked[x] = 0;
                for (Local y : blockedBy[x]) unblockStack.push_back(y);
                blockedBy[x].clear();
            }
        };
        path.assign(1, s);
        closed.assign(1, 0);
        frames.assign(1, {s, 0});
        blocked[s] = 1;
        while (!frames.empty()) {
            Frame& f = frames.back();
            const auto& out = g.out[f.v];
            if (f.next < out.size()) {
                Local w = out[f.next++];
                if (region[w] != token) continue;
                if (w == s) {
                    if (cycles.size() == limit) {
                        capped = true;
                        break;
                    }
                    if (!fits(path.size())) break;
                    std::vector<Node> cycle;
                    cycle.reserve(path.size());
                    for (Local x : path) cycle.push_back(g.nodes[x]);
                    cycles.push_back(std::move(cycle));
                    closed.back() = 1;
                } else if (!blocked[w]) {
                    path.push_back(w);
                    closed.push_back(0);
                    blocked[w] = 1;
                    frames.push_back({w, 0});
                }
                continue;
            }
            Local v = f.v;
            frames.pop_back();
            path.pop_back();
            bool wasClosed = closed.back();
            closed.pop_back();
            if (wasClosed) {
                unblock(v);
                if (!closed.empty()) closed.back() = 1;
            } else {
                for (Local w : out) {
                    if (region[w] != token) continue;
                    auto& list = blockedBy[w];
                    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
                }
            }
        }
        if (capped || (budget && budget->exceeded())) break;
        // Then the cycles of what remains of the component without s.
        region[s] = 0;
        comp.erase(std::find(comp.begin(), comp.end(), s));
        for (auto& c : components.of(comp, region, token)) pending.push_back(std::move(c));
    }
    std::sort(cycles.begin(), cycles.end(), [](const auto& a, const auto& b) {
        if (a.size() != b.size()) return a.size() < b.size();
        return a < b;
    });
    return cycles;
}

QueryResult cycles(const GraphView& view, const CycleParams& params) {
    RelationSet relations = RelationSet::named(view.schema(), params.relations);
    bool capped = false;
    MemoryBudget budget(params.maxMemory);
    auto found = simpleCycles(view, relations, params.limit, capped, &budget);
    Walk walk(view, relations, true);
    QueryResult result;
    result.kind = "cycles";
    result.table.columns = {"cycle", "length", "route"};
    std::int64_t number = 0;
    for (const auto& cycle : found) {
        std::vector<Node> around = cycle;
        around.push_back(cycle.front());
        PathCell route = routeThrough(walk, around);
        addRoute(result.subgraph, view, route);
        result.table.rows.push_back({integerCell(++number),
                                     integerCell(static_cast<std::int64_t>(cycle.size())),
                                     Cell{std::move(route)}});
    }
    result.subgraph.normalize(view);
    if (budget.exceeded()) {
        result.notes.push_back(memoryNote(std::to_string(found.size()) + " cycles", budget));
        result.partial = true;
    } else if (found.empty()) {
        result.notes.push_back("no circular ownership");
    }
    if (capped) result.notes.push_back("stopped after " + std::to_string(params.limit) + " cycles");
    return result;
}

KindDef cyclesKind() {
    KindDef kind;
    kind.name = "cycles";
    kind.description = "Circular ownership: chains of owns and controls that come back";
    kind.args = {
        arg("relations", ArgType::Relations,
            "Directed relation types to follow; empty: owns and controls")
            .savedQueryOnly(),
        arg("limit", ArgType::Integer, "At most this many cycles").byDefault("1000"),
    };
    kind.columns = {{"cycle", ColumnType::Integer},
                    {"length", ColumnType::Integer},
                    {"route", ColumnType::Route}};
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder&,
                  const QueryHooks&) {
        CycleParams p;
        if (auto r = argList(args, "relations"); !r.empty()) p.relations = r;
        p.limit = static_cast<std::size_t>(
            argValue<std::int64_t>(args, "limit").value_or(static_cast<std::int64_t>(p.limit)));
        p.maxMemory = argMaxMemory(args);
        return cycles(view, p);
    };
    return kind;
}

}  // namespace cg::queries
