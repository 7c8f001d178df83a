// SPDX-License-Identifier: MIT
#include "queries/shortest_path.hpp"

#include <algorithm>
#include <limits>

#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

// How a search reached a node: its distance from its own end, and the relation between it and
// its parent (walked towards the node on the start side, away from it on the end side).
struct Visit {
    std::uint32_t dist = 0;
    Edge edge = 0;
    bool forward = true;
};

struct Search {
    NodeMarks<Visit> front, back;
    std::vector<Node> frontier, backFrontier, next;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

}  // namespace

std::optional<PathCell> shortestRoute(const Walk& walk, Node from, Node to, int maxHops) {
    const GraphView& view = walk.view();
    if (from == to) return PathCell{from, {}};
    Search& s = threadSearch();
    s.front.reset(view.nodeCount());
    s.back.reset(view.nodeCount());
    s.front.set(from, {});
    s.back.set(to, {});
    s.frontier.assign(1, from);
    s.backFrontier.assign(1, to);
    std::uint32_t frontLevel = 0, backLevel = 0;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t best = kNone;
    Node meetFront = 0, meetBack = 0;  // the two ends of the relation joining the searches
    auto limit = static_cast<std::uint32_t>(maxHops);

    while (!s.frontier.empty() && !s.backFrontier.empty() && best == kNone) {
        if (maxHops > 0 && frontLevel + backLevel + 1 > limit) break;
        s.next.clear();
        // Grow the smaller frontier by one whole level, so that the first level on which the
        // searches meet holds a shortest path.
        if (s.frontier.size() <= s.backFrontier.size()) {
            for (Node u : s.frontier) {
                walk.forEachStep(u, [&](Edge e, Node w, bool forward) {
                    if (s.front.has(w)) return;
                    if (s.back.has(w)) {
                        std::uint32_t length = frontLevel + 1 + s.back.get(w).dist;
                        if (length < best) {
                            best = length;
                            meetFront = u;
                            meetBack = w;
                        }
                        return;
                    }
                    s.front.set(w, {frontLevel + 1, e, forward});
                    s.next.push_back(w);
                });
            }
            ++frontLevel;
            s.frontier.swap(s.next);
        } else {
            for (Node w : s.backFrontier) {
                walk.forEachStepInto(w, [&](Edge e, Node u, bool forward) {
                    if (s.back.has(u)) return;
                    if (s.front.has(u)) {
                        std::uint32_t length = s.front.get(u).dist + 1 + backLevel;
                        if (length < best) {
                            best = length;
                            meetFront = u;
                            meetBack = w;
                        }
                        return;
                    }
                    s.back.set(u, {backLevel + 1, e, forward});
                    s.next.push_back(u);
                });
            }
            ++backLevel;
            s.backFrontier.swap(s.next);
        }
    }
    if (best == kNone) return std::nullopt;

    std::vector<Node> nodes;
    nodes.reserve(best + 1);
    for (Node v = meetFront; v != from;) {
        nodes.push_back(v);
        const Visit& visit = s.front.get(v);
        v = visit.forward ? view.source(visit.edge) : view.target(visit.edge);
    }
    nodes.push_back(from);
    std::reverse(nodes.begin(), nodes.end());
    for (Node v = meetBack;;) {
        nodes.push_back(v);
        if (v == to) break;
        const Visit& visit = s.back.get(v);
        v = visit.forward ? view.target(visit.edge) : view.source(visit.edge);
    }
    return routeThrough(walk, nodes);
}

QueryResult shortestPath(const GraphView& view, const PathParams& params) {
    Walk walk(view, RelationSet::named(view.schema(), params.relations), params.directed);
    QueryResult empty;
    empty.kind = "path";
    auto from = nodeOrNote(view, params.from, "start", empty);
    auto to = nodeOrNote(view, params.to, "end", empty);
    if (!from || !to) return empty;
    auto route = shortestRoute(walk, *from, *to, params.maxHops);
    if (!route) {
        empty.table.columns = {"path", "hops", "confidence", "route"};
        empty.notes.push_back(params.maxHops > 0
                                  ? "no path within " + std::to_string(params.maxHops) + " hops"
                                  : std::string("no path"));
        return empty;
    }
    return pathsResult("path", view, {*route});
}

}  // namespace cg::queries
