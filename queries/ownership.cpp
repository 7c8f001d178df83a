// SPDX-License-Identifier: MIT
#include "queries/ownership.hpp"

#include <algorithm>

#include "queries/node_marks.hpp"

namespace cg::queries {

namespace {

struct Frame {
    Node node;
    std::uint32_t cursor, end;  // in-edge slots (upwards) or out-edges (downwards)
    double min, max;            // the chain so far, as fractions
    bool unknown;
};

struct Search {
    NodeMarks<bool> onPath;
    NodeMarks<std::uint32_t> figureOf;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

// Which relations carry ownership, and which way the trace walks them.
class Links {
  public:
    Links(const GraphView& view, const OwnershipParams& params, bool upwards)
        : view_(view),
          carriers_(RelationSet::named(view.schema(), params.relations)),
          upwards_(upwards) {
        if (const auto* owns = view.schema().relationType("owns")) {
            owns_ = static_cast<int>(owns - view.schema().relationTypes().data());
        }
    }
    bool eligible(Edge e) const {
        if (!view_.directed(e)) return false;
        auto type = view_.relationType(e);
        if (!carriers_.contains(type)) return false;
        return static_cast<int>(type) == owns_ || view_.share(e).has_value();
    }
    std::pair<std::uint32_t, std::uint32_t> range(Node v) const {
        return upwards_ ? view_.inEdgeSlots(v) : view_.outEdges(v);
    }
    Edge at(std::uint32_t i) const { return upwards_ ? view_.inEdgeAt(i) : i; }
    Node across(Edge e) const { return upwards_ ? view_.source(e) : view_.target(e); }
    bool hasAny(Node v) const {
        auto [b, e] = range(v);
        for (auto i = b; i < e; ++i) {
            if (eligible(at(i))) return true;
        }
        return false;
    }

  private:
    const GraphView& view_;
    RelationSet carriers_;
    bool upwards_;
    int owns_ = -1;
};

}  // namespace

OwnershipTrace traceOwnership(const GraphView& view, Node entity, bool upwards,
                              const OwnershipParams& params) {
    Links links(view, params, upwards);
    OwnershipTrace trace;
    Search& s = threadSearch();
    s.onPath.reset(view.nodeCount());
    s.figureOf.reset(view.nodeCount());
    s.onPath.set(entity, true);
    std::vector<Frame> stack;
    std::vector<Edge> edges;  // the chain being followed, from `entity` outwards
    auto [b0, e0] = links.range(entity);
    stack.push_back({entity, b0, e0, 1, 1, false});
    auto maxDepth = static_cast<std::size_t>(std::max(params.maxDepth, 0));

    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.cursor == f.end) {
            s.onPath.set(f.node, false);
            stack.pop_back();
            if (!edges.empty()) edges.pop_back();
            continue;
        }
        Edge e = links.at(f.cursor++);
        if (!links.eligible(e)) continue;
        Node next = links.across(e);
        if (s.onPath.has(next) && s.onPath.get(next)) {
            trace.cycleMet = true;
            continue;
        }
        if (trace.chains.size() == params.maxChains) {
            trace.chainsCapped = true;
            break;
        }
        double lo = 0, hi = 1;
        bool unknownLink = true;
        if (auto share = view.share(e)) {
            lo = std::clamp(decimal(share->first), 0.0, 100.0) / 100;
            hi = std::clamp(decimal(share->second), 0.0, 100.0) / 100;
            unknownLink = false;
        }
        OwnershipChain chain;
        chain.other = next;
        chain.min = f.min * lo;
        chain.max = f.max * hi;
        chain.unknown = f.unknown || unknownLink;
        // Routes run from the upper entity down to the lower one.
        chain.route.start = upwards ? next : entity;
        chain.route.steps.reserve(edges.size() + 1);
        for (Edge x : edges) chain.route.steps.push_back({x, true});
        chain.route.steps.push_back({e, true});
        if (upwards) std::reverse(chain.route.steps.begin(), chain.route.steps.end());

        if (!s.figureOf.has(next)) {
            s.figureOf.set(next, static_cast<std::uint32_t>(trace.figures.size()));
            OwnershipFigure figure;
            figure.other = next;
            figure.minHops = static_cast<std::uint32_t>(edges.size() + 1);
            trace.figures.push_back(std::move(figure));
        }
        OwnershipFigure& figure = trace.figures[s.figureOf.get(next)];
        figure.min += chain.min * 100;
        figure.max += chain.max * 100;
        ++figure.chains;
        if (chain.unknown) ++figure.unknownChains;
        figure.minHops = std::min(figure.minHops, static_cast<std::uint32_t>(edges.size() + 1));
        figure.chainIds.push_back(static_cast<std::uint32_t>(trace.chains.size()));
        double cmin = chain.min, cmax = chain.max;
        bool cunknown = chain.unknown;
        chain.min *= 100;
        chain.max *= 100;
        trace.chains.push_back(std::move(chain));

        if (edges.size() + 1 >= maxDepth) {
            if (links.hasAny(next)) trace.depthCut = true;
            continue;
        }
        edges.push_back(e);
        s.onPath.set(next, true);
        auto [b, end] = links.range(next);
        stack.push_back({next, b, end, cmin, cmax, cunknown});
    }
    for (const auto& f : stack) s.onPath.set(f.node, false);

    for (auto& figure : trace.figures) {
        figure.min = std::min(figure.min, 100.0);
        figure.max = std::min(figure.max, 100.0);
        figure.ultimate = !links.hasAny(figure.other);
        std::stable_sort(figure.chainIds.begin(), figure.chainIds.end(),
                         [&](std::uint32_t a, std::uint32_t b) {
                             return trace.chains[a].max > trace.chains[b].max;
                         });
    }
    std::sort(trace.figures.begin(), trace.figures.end(),
              [](const OwnershipFigure& a, const OwnershipFigure& b) {
                  if (a.max != b.max) return a.max > b.max;
                  if (a.min != b.min) return a.min > b.min;
                  if (a.minHops != b.minHops) return a.minHops < b.minHops;
                  return a.other < b.other;
              });
    return trace;
}

namespace {

QueryResult ownershipResult(const GraphView& view, const OwnershipParams& params, bool upwards) {
    QueryResult result;
    result.kind = upwards ? "owners" : "holdings";
    const char* who = upwards ? "owner" : "holding";
    result.table.columns = {who,      "type",           "share min", "share max", "share",
                            "chains", "unknown chains", "hops",      "ultimate"};
    result.detail.columns = {who, "chain", "share min", "share max", "share", "hops", "route"};
    auto entity = nodeOrNote(view, params.entity, "traced", result);
    if (!entity) return result;
    OwnershipTrace trace = traceOwnership(view, *entity, upwards, params);

    constexpr double kSlack = 1e-9;  // shares are sums of products: allow for rounding
    std::size_t hidden = 0;
    bool anyUnknown = false;
    result.subgraph.nodes.push_back(*entity);
    for (const auto& figure : trace.figures) {
        if (figure.max + kSlack < params.threshold) {
            ++hidden;
            continue;
        }
        anyUnknown = anyUnknown || figure.unknownChains > 0;
        const auto& type = view.schema().entityType(view.nodeType(figure.other)).name;
        result.table.rows.push_back(
            {entityCell(figure.other), textCell(type), numberCell(figure.min),
             numberCell(figure.max),
             textCell(shareText(figure.min, figure.max, figure.unknownChains > 0)),
             integerCell(figure.chains), integerCell(figure.unknownChains),
             integerCell(figure.minHops), textCell(figure.ultimate ? "yes" : "no")});
        std::size_t listed = 0;
        for (std::uint32_t id : figure.chainIds) {
            if (listed == params.chainsPerOwner) break;
            const OwnershipChain& chain = trace.chains[id];
            result.detail.rows.push_back(
                {entityCell(figure.other), integerCell(static_cast<std::int64_t>(++listed)),
                 numberCell(chain.min), numberCell(chain.max),
                 textCell(shareText(chain.min, chain.max, chain.unknown)),
                 integerCell(static_cast<std::int64_t>(chain.route.steps.size())),
                 Cell{chain.route}});
            addRoute(result.subgraph, view, chain.route);
        }
        if (figure.chainIds.size() > listed) {
            result.notes.push_back(std::to_string(figure.chainIds.size() - listed) +
                                   " more chains behind " +
                                   cellText(view, entityCell(figure.other)) + " are not listed");
        }
    }
    result.subgraph.normalize(view);
    if (anyUnknown) {
        result.notes.push_back(
            "a link without a share counts as 0–100%: a figure with unknown chains runs from what "
            "the known "
            "shares guarantee to the most the other links allow");
    }
    if (hidden > 0) {
        std::string what = upwards ? " owner" : " holding";
        result.notes.push_back(
            std::to_string(hidden) + what +
            (hidden == 1 ? " whose share cannot" : "s whose shares cannot") +
            " reach the threshold of " + shareText(params.threshold, params.threshold) +
            (hidden == 1 ? " is" : " are") + " not shown (lower it with --threshold)");
    }
    if (trace.cycleMet) {
        result.notes.push_back(
            "ownership runs in a circle here: each chain stops before it would repeat an entity");
    }
    if (trace.depthCut) {
        result.notes.push_back("chains longer than " + std::to_string(params.maxDepth) +
                               " hops were not followed (raise --max-depth)");
    }
    if (trace.chainsCapped) {
        result.notes.push_back("stopped after " + std::to_string(params.maxChains) +
                               " chains: the figures are partial");
    }
    return result;
}

}  // namespace

QueryResult owners(const GraphView& view, const OwnershipParams& params) {
    return ownershipResult(view, params, true);
}

QueryResult holdings(const GraphView& view, const OwnershipParams& params) {
    return ownershipResult(view, params, false);
}

}  // namespace cg::queries
