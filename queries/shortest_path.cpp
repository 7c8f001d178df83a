// SPDX-License-Identifier: MIT
#include "queries/shortest_path.hpp"

#include <algorithm>
#include <limits>

#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

// What the two searches know of a node, side by side so that checking both costs one cache
// miss: its distance from each end and the relation towards its parent on that side (walked
// towards the node on the start side, away from it on the end side).
struct Visit {
    Edge frontEdge = 0;
    Edge backEdge = 0;
    std::uint32_t frontDist = 0;
    std::uint32_t backDist = 0;
    std::uint8_t flags = 0;
};
constexpr std::uint8_t kFront = 1, kBack = 2, kFrontForward = 4, kBackForward = 8;

struct Search {
    NodeMarks<Visit> visits;
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
    s.visits.reset(view.nodeCount());
    s.visits.set(from, Visit{0, 0, 0, 0, kFront});
    s.visits.set(to, Visit{0, 0, 0, 0, kBack});
    s.frontier.assign(1, from);
    s.backFrontier.assign(1, to);
    // The relations the next level of each side would scan: grow the cheaper side.
    std::uint64_t frontCost = walk.degree(from), backCost = walk.degree(to);
    std::uint32_t frontLevel = 0, backLevel = 0;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t best = kNone;
    Node meetFront = 0, meetBack = 0;  // the two ends of the relation joining the searches
    auto limit = static_cast<std::uint32_t>(maxHops);

    while (!s.frontier.empty() && !s.backFrontier.empty() && best == kNone) {
        if (maxHops > 0 && frontLevel + backLevel + 1 > limit) break;
        s.next.clear();
        std::uint64_t cost = 0;
        // Grow one side by a level. Before a level the searches have not met, so every path
        // is longer than frontLevel + backLevel; a meeting found while growing a level has
        // length frontLevel + backLevel + 1 and is therefore shortest: the search stops at the
        // first one (the rest of the level, often the largest, is never scanned).
        if (frontCost <= backCost) {
            for (Node u : s.frontier) {
                if (best != kNone) break;
                walk.forEachStep(u, [&](Edge e, Node w, bool forward) {
                    if (best != kNone) return;
                    bool seen = s.visits.has(w);
                    if (seen && (s.visits.get(w).flags & kFront)) return;
                    if (seen) {
                        best = frontLevel + 1 + s.visits.get(w).backDist;
                        meetFront = u;
                        meetBack = w;
                        return;
                    }
                    s.visits.set(
                        w,
                        Visit{e, 0, frontLevel + 1, 0,
                              static_cast<std::uint8_t>(kFront | (forward ? kFrontForward : 0))});
                    s.next.push_back(w);
                    cost += walk.degree(w);
                });
            }
            ++frontLevel;
            s.frontier.swap(s.next);
            frontCost = cost;
        } else {
            for (Node w : s.backFrontier) {
                if (best != kNone) break;
                walk.forEachStepInto(w, [&](Edge e, Node u, bool forward) {
                    if (best != kNone) return;
                    bool seen = s.visits.has(u);
                    if (seen && (s.visits.get(u).flags & kBack)) return;
                    if (seen) {
                        best = s.visits.get(u).frontDist + 1 + backLevel;
                        meetFront = u;
                        meetBack = w;
                        return;
                    }
                    s.visits.set(
                        u, Visit{0, e, 0, backLevel + 1,
                                 static_cast<std::uint8_t>(kBack | (forward ? kBackForward : 0))});
                    s.next.push_back(u);
                    cost += walk.degree(u);
                });
            }
            ++backLevel;
            s.backFrontier.swap(s.next);
            backCost = cost;
        }
    }
    if (best == kNone) return std::nullopt;

    std::vector<Node> nodes;
    nodes.reserve(best + 1);
    for (Node v = meetFront; v != from;) {
        nodes.push_back(v);
        const Visit& visit = s.visits.get(v);
        v = (visit.flags & kFrontForward) ? view.source(visit.frontEdge)
                                          : view.target(visit.frontEdge);
    }
    nodes.push_back(from);
    std::reverse(nodes.begin(), nodes.end());
    for (Node v = meetBack;;) {
        nodes.push_back(v);
        if (v == to) break;
        const Visit& visit = s.visits.get(v);
        v = (visit.flags & kBackForward) ? view.target(visit.backEdge)
                                         : view.source(visit.backEdge);
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
