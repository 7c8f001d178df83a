// SPDX-License-Identifier: MIT
#include "queries/route.hpp"

namespace cg::queries {

PathCell routeThrough(const Walk& walk, const std::vector<Node>& nodes) {
    const GraphView& view = walk.view();
    PathCell route;
    if (nodes.empty()) return route;
    route.start = nodes.front();
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        Node u = nodes[i - 1];
        Node v = nodes[i];
        Step best{0, true};
        float bestConfidence = -1;
        auto consider = [&](Edge e, bool forward) {
            float c = view.confidence(e);
            if (c > bestConfidence ||
                (c == bestConfidence && view.relationId(e) < view.relationId(best.edge))) {
                bestConfidence = c;
                best = {e, forward};
            }
        };
        // Scan from whichever end has fewer relations: a hub may sit on either side.
        if (view.outDegree(u) + view.inDegree(u) <= view.outDegree(v) + view.inDegree(v)) {
            walk.forEachStep(u, [&](Edge e, Node next, bool forward) {
                if (next == v) consider(e, forward);
            });
        } else {
            walk.forEachStepInto(v, [&](Edge e, Node previous, bool forward) {
                if (previous == u) consider(e, forward);
            });
        }
        route.steps.push_back(best);
    }
    return route;
}

QueryResult pathsResult(const char* kind, const GraphView& view,
                        const std::vector<PathCell>& routes) {
    QueryResult result;
    result.kind = kind;
    result.table.columns = {"path", "hops", "confidence", "route"};
    std::int64_t number = 0;
    for (const auto& route : routes) {
        result.table.rows.push_back({integerCell(++number),
                                     integerCell(static_cast<std::int64_t>(route.steps.size())),
                                     numberCell(routeConfidence(view, route)), Cell{route}});
        addRoute(result.subgraph, view, route);
    }
    result.subgraph.normalize(view);
    return result;
}

}  // namespace cg::queries
