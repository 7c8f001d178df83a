// SPDX-License-Identifier: MIT
#include "queries/ownership_control.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace cg::queries {

namespace {

int typeIndex(const GraphView& view, const char* name) {
    const auto* t = view.schema().relationType(name);
    return t ? static_cast<int>(t - view.schema().relationTypes().data()) : -1;
}

// Whether a chain passes through one of `nodes` before its end (its end not included).
bool runsThrough(const OwnershipTrace& trace, std::uint32_t id, const std::vector<Node>& nodes) {
    for (auto k = trace.chains[id].parent; k != OwnershipChain::kNoChain;
         k = trace.chains[k].parent) {
        if (std::find(nodes.begin(), nodes.end(), trace.chains[k].other) != nodes.end())
            return true;
    }
    return false;
}

// A directed `controls` relation without a share (one with a share counts as ownership).
class ControlLinks {
  public:
    ControlLinks(const GraphView& view, bool assertedOnly)
        : view_(view), controls_(typeIndex(view, "controls")), assertedOnly_(assertedOnly) {}
    bool is(Edge e) const {
        return static_cast<int>(view_.relationType(e)) == controls_ && view_.directed(e) &&
               !view_.share(e) && (!assertedOnly_ || view_.supportCount(e) > 0);
    }

  private:
    const GraphView& view_;
    int controls_;
    bool assertedOnly_;
};

// An entity found through control links: the link that leads on towards where the search
// began, and how many links away it is.
struct Found {
    Node node;
    Edge edge;
    std::uint32_t depth;
};

// The entities that control `v` through control links, transitively, each once, with its
// link down towards v; nearest first, at most `maxDepth` links away.
std::vector<Found> controllersOf(const GraphView& view, const ControlLinks& links, Node v,
                                 std::uint32_t maxDepth) {
    std::vector<Found> found;
    std::vector<Node> queue{v};
    std::vector<std::uint32_t> depth{0};
    for (std::size_t head = 0; head < queue.size(); ++head) {
        if (depth[head] == maxDepth) continue;
        auto [b, e] = view.inEdgeSlots(queue[head]);
        for (auto slot = b; slot < e; ++slot) {
            Edge edge = view.inEdgeAt(slot);
            if (!links.is(edge)) continue;
            Node c = view.inEdgeSource(slot);
            if (std::find(queue.begin(), queue.end(), c) != queue.end()) continue;
            queue.push_back(c);
            depth.push_back(depth[head] + 1);
            found.push_back({c, edge, depth[head] + 1});
        }
    }
    return found;
}

// The entities `v` controls through control links, transitively, each with its link in;
// nearest first, at most `maxDepth` links away.
std::vector<Found> controlledBy(const GraphView& view, const ControlLinks& links, Node v,
                                std::uint32_t maxDepth) {
    std::vector<Found> found;
    std::vector<Node> queue{v};
    std::vector<std::uint32_t> depth{0};
    for (std::size_t head = 0; head < queue.size(); ++head) {
        if (depth[head] == maxDepth) continue;
        auto [b, e] = view.outEdges(queue[head]);
        for (Edge edge = b; edge < e; ++edge) {
            if (!links.is(edge)) continue;
            Node c = view.target(edge);
            if (std::find(queue.begin(), queue.end(), c) != queue.end()) continue;
            queue.push_back(c);
            depth.push_back(depth[head] + 1);
            found.push_back({c, edge, depth[head] + 1});
        }
    }
    return found;
}

// The control links from `from` down to `to`, out of a search's findings: up from `to` when
// the search went up (each controller's link leads down towards it), else back from `to`.
std::vector<Step> controlSteps(const GraphView& view, const std::vector<Found>& found, Node from,
                               Node to, bool searchedUp) {
    auto at = [&](Node v) {
        return std::find_if(found.begin(), found.end(),
                            [&](const Found& f) { return f.node == v; });
    };
    std::vector<Step> steps;
    if (searchedUp) {
        for (Node v = from; v != to; v = view.target(at(v)->edge))
            steps.push_back({at(v)->edge, true});
        return steps;
    }
    for (Node v = to; v != from; v = view.source(at(v)->edge)) steps.push_back({at(v)->edge, true});
    std::reverse(steps.begin(), steps.end());
    return steps;
}

struct Part {
    const OwnershipTrace* trace;
    const OwnershipFigure* figure;
    std::uint32_t hops;  // control links plus the figure's shortest chain
};

// Sums the figures of `parts`, each chain once, and fills in the row's via and route start.
void sumParts(ControlledInterest& row, const std::vector<Part>& parts) {
    std::vector<Node> controlled;
    for (const auto& p : parts)
        controlled.push_back(p.trace->upwards ? p.figure->other : p.trace->entity);
    const Part* largest = nullptr;
    row.hops = UINT32_MAX;
    for (const auto& p : parts) {
        row.hops = std::min(row.hops, p.hops);
        for (auto id : p.figure->chainIds) {
            const auto& chain = p.trace->chains[id];
            if (chain.component || runsThrough(*p.trace, id, controlled)) continue;
            row.min += chain.min;
            row.max += chain.max;
            row.unknown = row.unknown || chain.unknown;
        }
        if (!largest || p.figure->max > largest->figure->max) largest = &p;
    }
    row.min = std::min(row.min, 100.0);
    row.max = std::min(row.max, 100.0);
    row.via = largest->trace->upwards ? largest->figure->other : largest->trace->entity;
    for (Node v : controlled) {
        if (v != row.via &&
            std::find(row.alsoVia.begin(), row.alsoVia.end(), v) == row.alsoVia.end())
            row.alsoVia.push_back(v);
    }
}

// Nothing owns `v` (an `owns` relation, or a carrier with a share) and nothing controls it.
bool ultimateController(const GraphView& view, const ControlLinks& links, Node v,
                        const OwnershipParams& params) {
    RelationSet carriers = RelationSet::named(view.schema(), params.relations);
    const int owns = typeIndex(view, "owns");
    auto [b, e] = view.inEdgeSlots(v);
    for (auto slot = b; slot < e; ++slot) {
        Edge edge = view.inEdgeAt(slot);
        if (!view.directed(edge)) continue;
        if (params.assertedOnly && view.supportCount(edge) == 0) continue;
        if (links.is(edge)) return false;
        auto type = view.relationType(edge);
        if (carriers.contains(type) && (static_cast<int>(type) == owns || view.share(edge)))
            return false;
    }
    return true;
}

void appendRoute(ControlledInterest& row, const OwnershipTrace& trace, const OwnershipFigure& f) {
    if (f.chainIds.empty()) return;
    PathCell chain = chainRoute(trace, f.chainIds.front());
    row.route.steps.insert(row.route.steps.end(), chain.steps.begin(), chain.steps.end());
}

void sortRows(std::vector<ControlledInterest>& rows) {
    std::sort(rows.begin(), rows.end(),
              [](const ControlledInterest& a, const ControlledInterest& b) {
                  if (a.max != b.max) return a.max > b.max;
                  return a.other < b.other;
              });
}

std::vector<ControlledInterest> controllersOfOwners(const GraphView& view,
                                                    const OwnershipTrace& trace,
                                                    const OwnershipParams& params) {
    ControlLinks links(view, params.assertedOnly);
    const auto maxDepth = static_cast<std::uint32_t>(std::max(params.maxDepth, 0));
    std::map<Node, std::vector<Part>> byController;
    std::map<Node, std::vector<Found>> searches;  // by controlled owner
    for (const auto& figure : trace.figures) {
        if (figure.minHops >= maxDepth) continue;
        auto found = controllersOf(view, links, figure.other, maxDepth - figure.minHops);
        for (const auto& f : found) {
            if (f.node == trace.entity) continue;
            byController[f.node].push_back({&trace, &figure, f.depth + figure.minHops});
        }
        if (!found.empty()) searches[figure.other] = std::move(found);
    }
    std::vector<ControlledInterest> rows;
    for (auto& [controller, parts] : byController) {
        ControlledInterest row;
        row.other = controller;
        sumParts(row, parts);
        row.route.start = controller;
        row.route.steps = controlSteps(view, searches[row.via], controller, row.via, true);
        const auto& via = *std::find_if(parts.begin(), parts.end(), [&](const Part& p) {
                               return p.figure->other == row.via;
                           })->figure;
        appendRoute(row, trace, via);
        row.ultimate = ultimateController(view, links, controller, params);
        rows.push_back(std::move(row));
    }
    sortRows(rows);
    return rows;
}

std::vector<ControlledInterest> holdingsOfControlled(const GraphView& view,
                                                     const OwnershipTrace& trace,
                                                     const OwnershipParams& params) {
    const auto maxDepth = static_cast<std::uint32_t>(std::max(params.maxDepth, 0));
    auto controlled =
        controlledBy(view, ControlLinks(view, params.assertedOnly), trace.entity, maxDepth);
    std::vector<ControlledInterest> rows;
    if (controlled.empty()) return rows;
    // Each controlled entity's own holdings, within what is left of the depth; kept whole
    // since the rows point into them.
    std::vector<OwnershipTrace> traces;
    traces.reserve(controlled.size());
    for (const auto& f : controlled) {
        OwnershipParams rest = params;
        rest.maxDepth = static_cast<int>(maxDepth - f.depth);
        traces.push_back(traceOwnership(view, f.node, false, rest));
    }
    std::map<Node, std::vector<Part>> byHolding;
    for (std::size_t i = 0; i < traces.size(); ++i) {
        for (const auto& figure : traces[i].figures) {
            if (figure.other == trace.entity) continue;
            byHolding[figure.other].push_back(
                {&traces[i], &figure, controlled[i].depth + figure.minHops});
        }
    }
    for (auto& [holding, parts] : byHolding) {
        ControlledInterest row;
        row.other = holding;
        sumParts(row, parts);
        row.route.start = trace.entity;
        row.route.steps = controlSteps(view, controlled, trace.entity, row.via, false);
        const auto& via = *std::find_if(parts.begin(), parts.end(),
                                        [&](const Part& p) { return p.trace->entity == row.via; });
        appendRoute(row, *via.trace, *via.figure);
        row.ultimate = via.figure->ultimate;
        rows.push_back(std::move(row));
    }
    sortRows(rows);
    return rows;
}

}  // namespace

std::vector<ControlledInterest> controlledInterests(const GraphView& view,
                                                    const OwnershipTrace& trace,
                                                    const OwnershipParams& params) {
    return trace.upwards ? controllersOfOwners(view, trace, params)
                         : holdingsOfControlled(view, trace, params);
}

}  // namespace cg::queries
