// SPDX-License-Identifier: MIT
#include "queries/simple_paths.hpp"

#include <algorithm>

#include "graph/error.hpp"
#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

struct Search {
    NodeMarks<std::uint32_t> toEnd;  // hops from the node to the end, within maxHops
    NodeMarks<bool> onPath;
    std::vector<Node> frontier, next;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

}  // namespace

std::vector<PathCell> simpleRoutes(const Walk& walk, Node from, Node to, int maxHops,
                                   std::size_t limit, bool& capped, MemoryBudget* budget) {
    const GraphView& view = walk.view();
    capped = false;
    std::vector<PathCell> routes;
    if (limit == 0 || maxHops < 0) return routes;
    if (from == to) {
        routes.push_back({from, {}});
        return routes;
    }
    auto hops = static_cast<std::uint32_t>(maxHops);
    // Counted as the search grows: two marks per node up front, each node found by the search
    // from the end, each choice held on the stack (at most maxHops frames of a degree each)
    // and each route. Without a budget everything fits.
    auto fits = [budget](std::size_t bytes) { return !budget || budget->take(bytes); };
    if (!fits(workingBytes(view, 4 * sizeof(std::uint32_t), 0))) return routes;
    // Places and posts may end a route but are never hops on one: the distances to the end
    // and the routes themselves go around them.
    const bool endsOnly = walk.hasEndsOnly();
    Search& s = threadSearch();
    s.toEnd.reset(view.nodeCount());
    s.toEnd.set(to, 0);
    s.frontier.assign(1, to);
    for (std::uint32_t level = 0; level < hops && !s.frontier.empty(); ++level) {
        s.next.clear();
        for (Node w : s.frontier) {
            walk.forEachStepInto(w, [&](Edge, Node u, bool) {
                if (s.toEnd.has(u)) return;
                if (endsOnly && u != from && !walk.passesThrough(u)) return;
                s.toEnd.set(u, level + 1);
                if (!fits(sizeof(Node))) return;
                s.next.push_back(u);
            });
        }
        s.frontier.swap(s.next);
        if (budget && budget->exceeded()) return routes;
    }
    if (!s.toEnd.has(from)) return routes;

    // One depth-first pass per length, so that a capped answer holds the shortest routes.
    // Each frame keeps the distinct next nodes that can still reach the end in time.
    s.onPath.reset(view.nodeCount());
    std::vector<Node> path;
    std::vector<std::vector<Node>> choices;
    std::vector<std::size_t> cursor;
    auto nextNodes = [&](Node u, std::uint32_t depth, std::uint32_t length,
                         std::vector<Node>& out) {
        const std::size_t held = out.capacity();
        out.clear();
        walk.forEachStep(u, [&](Edge, Node w, bool) {
            if (s.onPath.has(w) && s.onPath.get(w)) return;
            if (!s.toEnd.has(w) || depth + 1 + s.toEnd.get(w) > length) return;
            if (w == to && depth + 1 != length) return;
            if (endsOnly && w != to && !walk.passesThrough(w)) return;
            out.push_back(w);
        });
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        if (out.capacity() > held) fits((out.capacity() - held) * sizeof(Node));
    };
    for (std::uint32_t length = s.toEnd.get(from); length <= hops && !capped; ++length) {
        path.assign(1, from);
        s.onPath.set(from, true);
        choices.resize(1);
        nextNodes(from, 0, length, choices[0]);
        cursor.assign(1, 0);
        while (!cursor.empty()) {
            std::size_t depth = cursor.size() - 1;
            if (cursor.back() == choices[depth].size()) {
                s.onPath.set(path.back(), false);
                path.pop_back();
                cursor.pop_back();
                continue;
            }
            Node w = choices[depth][cursor.back()++];
            if (w == to) {
                if (routes.size() == limit) {
                    capped = true;
                    break;
                }
                if (!fits(routeBytes(length) + rowBytes(3))) break;
                path.push_back(w);
                routes.push_back(routeThrough(walk, path));
                path.pop_back();
                continue;
            }
            path.push_back(w);
            s.onPath.set(w, true);
            if (choices.size() <= depth + 1) choices.emplace_back();
            nextNodes(w, static_cast<std::uint32_t>(depth + 1), length, choices[depth + 1]);
            cursor.push_back(0);
            if (budget && budget->exceeded()) break;
        }
        for (Node v : path) s.onPath.set(v, false);
        if (budget && budget->exceeded()) break;
    }
    return routes;
}

QueryResult simplePaths(const GraphView& view, const PathParams& params) {
    if (params.maxHops < 1)
        throw QueryError("simple paths need a hop limit of at least 1 (--max-hops)");
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    QueryResult empty;
    empty.kind = "paths";
    auto from = nodeOrNote(view, params.from, "start", empty);
    auto to = nodeOrNote(view, params.to, "end", empty);
    if (!from || !to) return empty;
    bool capped = false;
    MemoryBudget budget(params.maxMemory);
    auto routes = simpleRoutes(walk, *from, *to, params.maxHops, params.limit, capped, &budget);
    QueryResult result = pathsResult("paths", view, routes);
    if (budget.exceeded()) {
        result.notes.push_back(
            memoryNote(routes.empty() ? std::string("the search for paths")
                                      : std::to_string(routes.size()) + " paths of up to " +
                                            std::to_string(routes.back().steps.size()) + " hops",
                       budget));
        result.partial = true;
    } else if (routes.empty())
        result.notes.push_back("no path within " + std::to_string(params.maxHops) + " hops");
    if (capped) {
        result.notes.push_back("more than " + std::to_string(params.limit) +
                               " paths; showing the shortest " + std::to_string(params.limit));
    }
    return result;
}

}  // namespace cg::queries
