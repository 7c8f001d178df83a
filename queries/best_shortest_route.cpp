// SPDX-License-Identifier: MIT
#include "queries/best_shortest_route.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "queries/node_marks.hpp"

namespace cg::queries {

namespace {

constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

// The best way into one node of the graph of shortest routes: the credibility of the best
// route from the start, and its last step.
struct Best {
    Node node;
    double score;
    std::uint32_t parent;  // slot of the node the last step comes from; kNoSlot at the start
    Step step;
};

struct Search {
    NodeMarks<std::uint32_t> dist;  // hops from the start
    NodeMarks<std::uint32_t> slot;  // index into `best` for nodes on a shortest route
    std::vector<Node> frontier, next;
    std::vector<Best> best;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

// The relation ids of the best route into `slot`, from the start.
std::vector<graph::RelationId> relationIds(const GraphView& view, const std::vector<Best>& best,
                                           std::uint32_t slot) {
    std::vector<graph::RelationId> ids;
    for (std::uint32_t k = slot; best[k].parent != kNoSlot; k = best[k].parent)
        ids.push_back(view.relationId(best[k].step.edge));
    std::reverse(ids.begin(), ids.end());
    return ids;
}

std::vector<graph::RelationId> relationIds(const GraphView& view, const PathCell& route) {
    std::vector<graph::RelationId> ids;
    ids.reserve(route.steps.size());
    for (const auto& s : route.steps) ids.push_back(view.relationId(s.edge));
    return ids;
}

}  // namespace

bool moreCredibleRoute(const GraphView& view, const PathCell& a, const PathCell& b) {
    double ca = routeConfidence(view, a), cb = routeConfidence(view, b);
    if (ca != cb) return ca > cb;
    auto ia = relationIds(view, a), ib = relationIds(view, b);
    if (ia != ib) return ia < ib;
    return a.steps.size() < b.steps.size();
}

std::optional<PathCell> bestShortestRoute(const Walk& walk, Node from, Node to, int maxHops) {
    const GraphView& view = walk.view();
    if (from == to) return PathCell{from, {}};
    Search& s = threadSearch();
    s.dist.reset(view.nodeCount());
    s.dist.set(from, 0);
    s.frontier.assign(1, from);
    const bool endsOnly = walk.hasEndsOnly();
    std::uint32_t level = 0;
    bool found = false;
    while (!s.frontier.empty() && !found) {
        if (maxHops > 0 && level + 1 > static_cast<std::uint32_t>(maxHops)) break;
        s.next.clear();
        for (Node u : s.frontier) {
            walk.forEachStep(u, [&](Edge, Node w, bool) {
                if (s.dist.has(w)) return;
                // A place or a post may end the route but is never a hop on it.
                if (endsOnly && w != to && !walk.passesThrough(w)) return;
                s.dist.set(w, level + 1);
                s.next.push_back(w);
                if (w == to) found = true;
            });
        }
        ++level;
        s.frontier.swap(s.next);
    }
    if (!found) return std::nullopt;

    // The nodes on a shortest route, found backwards from the end; every one of them is
    // reached from a node one hop closer to the start, so sorting them by distance gives an
    // order in which each node's ways in are settled before it is left.
    s.slot.reset(view.nodeCount());
    std::vector<Node> onRoute{to};
    s.slot.set(to, 0);
    for (std::size_t i = 0; i < onRoute.size(); ++i) {
        Node w = onRoute[i];
        std::uint32_t d = s.dist.get(w);
        if (d == 0) continue;
        walk.forEachStepInto(w, [&](Edge, Node u, bool) {
            if (!s.dist.has(u) || s.dist.get(u) + 1 != d || s.slot.has(u)) return;
            s.slot.set(u, 0);
            onRoute.push_back(u);
        });
    }
    std::stable_sort(onRoute.begin(), onRoute.end(),
                     [&](Node a, Node b) { return s.dist.get(a) < s.dist.get(b); });
    auto& best = s.best;
    best.clear();
    for (Node v : onRoute) {
        s.slot.set(v, static_cast<std::uint32_t>(best.size()));
        best.push_back({v, v == from ? 1.0 : -1.0, kNoSlot, {}});
    }
    // Forward, in order of distance: a node's best way in extends the best route into the node
    // it comes from (any two routes into that node have the same length, so multiplying by
    // the same confidence and appending the same relation keeps their order).
    for (std::uint32_t k = 1; k < best.size(); ++k) {
        Node w = best[k].node;
        std::uint32_t d = s.dist.get(w);
        walk.forEachStepInto(w, [&](Edge e, Node u, bool forward) {
            if (!s.dist.has(u) || s.dist.get(u) + 1 != d) return;
            std::uint32_t previous = s.slot.get(u);
            double score = best[previous].score * decimal(view.confidence(e));
            Best& b = best[k];
            // The first way in always wins (scores start below any product).
            bool better = score > b.score;
            if (!better && score == b.score) {
                auto mine = relationIds(view, best, previous);
                mine.push_back(view.relationId(e));
                better = mine < relationIds(view, best, k);
            }
            if (better) {
                b.score = score;
                b.parent = previous;
                b.step = {e, forward};
            }
        });
    }
    PathCell route{from, {}};
    for (std::uint32_t k = s.slot.get(to); best[k].parent != kNoSlot; k = best[k].parent)
        route.steps.push_back(best[k].step);
    std::reverse(route.steps.begin(), route.steps.end());
    return route;
}

}  // namespace cg::queries
