// SPDX-License-Identifier: MIT
#include "queries/all_shortest_paths.hpp"

#include <algorithm>

#include "queries/best_shortest_route.hpp"
#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

struct Search {
    NodeMarks<std::uint32_t> dist;     // hops from the start
    NodeMarks<std::uint32_t> dagSlot;  // index into preds for nodes on a shortest route
    std::vector<Node> frontier, next;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

}  // namespace

std::vector<PathCell> allShortestRoutes(const Walk& walk, Node from, Node to, int maxHops,
                                        std::size_t limit, bool& capped, MemoryBudget* budget) {
    const GraphView& view = walk.view();
    capped = false;
    std::vector<PathCell> routes;
    if (limit == 0) return routes;
    if (from == to) {
        routes.push_back({from, {}});
        return routes;
    }
    // Counted as the search grows: two marks (a stamp and a value) per node up front, then each
    // node found (in a frontier), each node of the predecessor graph and each route. Without
    // a budget everything fits.
    auto fits = [budget](std::size_t bytes) { return !budget || budget->take(bytes); };
    if (!fits(workingBytes(view, 4 * sizeof(std::uint32_t), 0))) return routes;
    Search& s = threadSearch();
    s.dist.reset(view.nodeCount());
    s.dist.set(from, 0);
    s.frontier.assign(1, from);
    std::uint32_t level = 0;
    bool found = false;
    const bool endsOnly = walk.hasEndsOnly();
    while (!s.frontier.empty() && !found) {
        if (maxHops > 0 && level + 1 > static_cast<std::uint32_t>(maxHops)) break;
        s.next.clear();
        for (Node u : s.frontier) {
            walk.forEachStep(u, [&](Edge, Node w, bool) {
                if (s.dist.has(w)) return;
                // A place or a post may end a route but is never a hop on one.
                if (endsOnly && w != to && !walk.passesThrough(w)) return;
                s.dist.set(w, level + 1);
                if (!fits(sizeof(Node))) return;
                s.next.push_back(w);
                if (w == to) found = true;
            });
        }
        ++level;
        s.frontier.swap(s.next);
        if (budget && budget->exceeded()) return routes;
    }
    if (!found) return routes;

    // The predecessor graph: for each node on a shortest route, its distinct neighbours one
    // hop closer to the start, sorted so that routes come out in a stable order.
    s.dagSlot.reset(view.nodeCount());
    std::vector<std::vector<Node>> preds;
    std::vector<Node> pending{to};
    s.dagSlot.set(to, 0);
    preds.emplace_back();
    for (std::size_t i = 0; i < pending.size(); ++i) {
        Node w = pending[i];
        std::uint32_t d = s.dist.get(w);
        if (d == 0) continue;
        std::vector<Node> list;
        walk.forEachStepInto(w, [&](Edge, Node u, bool) {
            if (s.dist.has(u) && s.dist.get(u) + 1 == d) list.push_back(u);
        });
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        if (!fits(sizeof(std::vector<Node>) + list.size() * sizeof(Node))) return routes;
        for (Node u : list) {
            if (!s.dagSlot.has(u)) {
                s.dagSlot.set(u, static_cast<std::uint32_t>(preds.size()));
                preds.emplace_back();
                pending.push_back(u);
            }
        }
        preds[s.dagSlot.get(w)] = std::move(list);
    }

    // Depth-first from the end over predecessors; every branch reaches the start in exactly
    // `level` hops, so the stack depth is bounded by the distance.
    std::vector<Node> path{to};
    std::vector<std::size_t> cursor{0};
    while (!cursor.empty()) {
        Node w = path.back();
        if (w == from) {
            if (routes.size() == limit) {
                capped = true;
                break;
            }
            if (!fits(routeBytes(level) + rowBytes(3))) break;
            std::vector<Node> nodes(path.rbegin(), path.rend());
            routes.push_back(routeThrough(walk, nodes));
            path.pop_back();
            cursor.pop_back();
            continue;
        }
        const auto& list = preds[s.dagSlot.get(w)];
        if (cursor.back() == list.size()) {
            path.pop_back();
            cursor.pop_back();
            continue;
        }
        path.push_back(list[cursor.back()++]);
        cursor.push_back(0);
    }
    std::sort(routes.begin(), routes.end(), [&](const PathCell& a, const PathCell& b) {
        return routeNodes(view, a) < routeNodes(view, b);
    });
    return routes;
}

QueryResult allShortestPaths(const GraphView& view, const PathParams& params) {
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    QueryResult empty;
    empty.kind = "path";
    auto from = nodeOrNote(view, params.from, "start", empty);
    auto to = nodeOrNote(view, params.to, "end", empty);
    if (!from || !to) return empty;
    bool capped = false;
    MemoryBudget budget(params.maxMemory);
    auto routes =
        allShortestRoutes(walk, *from, *to, params.maxHops, params.limit, capped, &budget);
    // Numbered 1..k from the most credible, so that route 1 is the one `path` gives.
    std::sort(routes.begin(), routes.end(),
              [&](const PathCell& a, const PathCell& b) { return moreCredibleRoute(view, a, b); });
    QueryResult result = pathsResult("path", view, routes);
    if (budget.exceeded()) {
        std::size_t hops = routes.empty() ? 0 : routes.front().steps.size();
        result.notes.push_back(
            memoryNote(routes.empty() ? std::string("the search for the shortest paths")
                                      : std::to_string(routes.size()) + " shortest paths of " +
                                            std::to_string(hops) + " hops",
                       budget));
        result.partial = true;
    } else if (routes.empty()) {
        result.notes.push_back(params.maxHops > 0
                                   ? "no path within " + std::to_string(params.maxHops) + " hops"
                                   : std::string("no path"));
    }
    if (capped) {
        result.notes.push_back("more than " + std::to_string(params.limit) +
                               " shortest paths; showing the first " +
                               std::to_string(params.limit));
    }
    return result;
}

}  // namespace cg::queries
