// SPDX-License-Identifier: MIT
#include "queries/ownership.hpp"

#include <algorithm>

#include "queries/node_marks.hpp"

namespace cg::queries {

namespace {

// One step a chain can take from a node: the strongest of the eligible relations between the
// node and one neighbour (an owner when walking up, a holding when walking down).
struct Link {
    Edge edge;  // the relation the route shows
    Node other;
    double lo, hi;  // the link's share interval, as fractions
    bool unknown;   // the interval's top comes from a relation without a share
};

struct Frame {
    Node node;
    std::uint32_t cursor, end;  // into the steps pool
    double min, max;            // the chain so far, as fractions
    bool unknown;
    bool component;  // the chain so far is a component of a declared indirect interest
    std::uint32_t chain;  // the chain that reached `node` (kNoChain at the traced entity)
    std::uint32_t hops;   // its links
};

struct Search {
    NodeMarks<bool> onPath;
    NodeMarks<std::uint32_t> figureOf;
    std::vector<Link> steps;  // the steps of every frame on the stack, frame after frame
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
    /// The node across the relation in slot or edge `i` of range(): read from the in-edge
    /// slot itself when walking up (a subject costs a search otherwise).
    Node across(std::uint32_t i, Edge e) const {
        return upwards_ ? view_.inEdgeSource(i) : view_.target(e);
    }
    bool hasAny(Node v) const {
        auto [b, e] = range(v);
        for (auto i = b; i < e; ++i) {
            if (eligible(at(i))) return true;
        }
        return false;
    }

    /// Appends v's steps to `out`: parallel relations to one neighbour (two `owns` records
    /// from different years, `owns` and `controls` from one registry entry) are one link
    /// whose share is the largest of theirs, never their sum.
    void appendSteps(Node v, std::vector<Link>& out) const {
        auto first = out.size();
        auto [b, e] = range(v);
        for (auto i = b; i < e; ++i) {
            Edge edge = at(i);
            if (!eligible(edge)) continue;
            Link step{edge, across(i, edge), 0, 1, true};
            if (auto share = view_.share(edge)) {
                step.lo = std::clamp(decimal(share->first), 0.0, 100.0) / 100;
                step.hi = std::clamp(decimal(share->second), 0.0, 100.0) / 100;
                step.unknown = false;
            }
            out.push_back(step);
        }
        auto begin = out.begin() + static_cast<std::ptrdiff_t>(first);
        if (out.size() - first < 2) return;
        // Strongest first within each neighbour: known lower bound, then upper, then edge.
        std::sort(begin, out.end(), [](const Link& a, const Link& c) {
            if (a.other != c.other) return a.other < c.other;
            if (a.lo != c.lo) return a.lo > c.lo;
            if (a.hi != c.hi) return a.hi > c.hi;
            return a.edge < c.edge;
        });
        // One step per neighbour: the interval [largest lower bound, largest upper bound],
        // unknown when only relations without a share reach that upper bound.
        auto keep = begin;
        for (auto run = begin; run != out.end();) {
            Link merged = *run;
            bool known = !run->unknown && run->hi >= 1, unknown = run->unknown;
            auto it = run + 1;
            for (; it != out.end() && it->other == run->other; ++it) {
                merged.hi = std::max(merged.hi, it->hi);
                known = known || (!it->unknown && it->hi >= 1);
                unknown = unknown || it->unknown;
            }
            merged.unknown = unknown && !known;
            *keep++ = merged;
            run = it;
        }
        out.erase(keep, out.end());
        // Back to the order of the relations, so that chains come out as before.
        std::sort(begin, out.end(), [](const Link& a, const Link& c) { return a.edge < c.edge; });
    }

    /// Whether `next` declares an indirect interest that spans a longer stretch of the current
    /// chain than the step from `from`: the chain is then one of the components that interest
    /// already sums up, and counting it too would count the same shares twice.
    bool summedByIndirect(Node next, Node from, const NodeMarks<bool>& onPath) const {
        auto [b, e] = upwards_ ? view_.outEdges(next) : view_.inEdgeSlots(next);
        for (auto i = b; i < e; ++i) {
            Edge edge = upwards_ ? i : view_.inEdgeAt(i);
            if (!view_.indirect(edge) || !eligible(edge)) continue;
            Node y = upwards_ ? view_.target(edge) : view_.inEdgeSource(i);
            if (y != from && onPath.has(y) && onPath.get(y)) return true;
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
    trace.entity = entity;
    trace.upwards = upwards;
    Search& s = threadSearch();
    s.onPath.reset(view.nodeCount());
    s.figureOf.reset(view.nodeCount());
    s.onPath.set(entity, true);
    s.steps.clear();
    const bool indirectLinks = view.indirectCount() > 0;
    constexpr std::uint32_t kNoChain = OwnershipChain::kNoChain;
    std::vector<Frame> stack;
    links.appendSteps(entity, s.steps);
    stack.push_back(
        {entity, 0, static_cast<std::uint32_t>(s.steps.size()), 1, 1, false, false, kNoChain, 0});
    auto maxDepth = static_cast<std::size_t>(std::max(params.maxDepth, 0));

    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.cursor == f.end) {
            s.onPath.set(f.node, false);
            // This frame's steps are the last in the pool; the one below ends where they begin.
            s.steps.resize(stack.size() == 1 ? 0 : stack[stack.size() - 2].end);
            stack.pop_back();
            continue;
        }
        const Link step = s.steps[f.cursor++];
        Node next = step.other;
        if (s.onPath.has(next) && s.onPath.get(next)) {
            trace.cycleMet = true;
            continue;
        }
        bool component = f.component || (indirectLinks && f.hops > 0 &&
                                         links.summedByIndirect(next, f.node, s.onPath));
        if (trace.chains.size() == params.maxChains) {
            trace.chainsCapped = true;
            break;
        }
        Edge e = step.edge;
        OwnershipChain chain;
        chain.other = next;
        chain.min = f.min * step.lo;
        chain.max = f.max * step.hi;
        chain.unknown = f.unknown || step.unknown;
        chain.component = component;
        chain.parent = f.chain;
        chain.edge = e;
        chain.hops = f.hops + 1;

        if (!s.figureOf.has(next)) {
            s.figureOf.set(next, static_cast<std::uint32_t>(trace.figures.size()));
            OwnershipFigure figure;
            figure.other = next;
            figure.minHops = UINT32_MAX;
            trace.figures.push_back(std::move(figure));
        }
        OwnershipFigure& figure = trace.figures[s.figureOf.get(next)];
        if (component) {
            ++figure.componentChains;
        } else {
            figure.min += chain.min * 100;
            figure.max += chain.max * 100;
            ++figure.chains;
            if (chain.unknown) ++figure.unknownChains;
            figure.minHops = std::min(figure.minHops, chain.hops);
        }
        const auto id = static_cast<std::uint32_t>(trace.chains.size());
        figure.chainIds.push_back(id);
        const double cmin = chain.min, cmax = chain.max;
        const bool cunknown = chain.unknown;
        const std::uint32_t hops = chain.hops;
        chain.min *= 100;
        chain.max *= 100;
        trace.chains.push_back(chain);

        if (hops >= maxDepth) {
            if (links.hasAny(next)) trace.depthCut = true;
            continue;
        }
        s.onPath.set(next, true);
        auto begin = static_cast<std::uint32_t>(s.steps.size());
        links.appendSteps(next, s.steps);
        // (push_back may move the stack: `f` is not used after this.)
        stack.push_back({next, begin, static_cast<std::uint32_t>(s.steps.size()), cmin, cmax,
                         cunknown, component, id, hops});
    }
    for (const auto& f : stack) s.onPath.set(f.node, false);

    // An entity reached only through components has no figure of its own: the declared
    // interest its chains belong to is counted at its holder.
    std::erase_if(trace.figures, [](const OwnershipFigure& f) { return f.chains == 0; });
    for (auto& figure : trace.figures) {
        figure.min = std::min(figure.min, 100.0);
        figure.max = std::min(figure.max, 100.0);
        figure.ultimate = !links.hasAny(figure.other);
        std::stable_sort(figure.chainIds.begin(), figure.chainIds.end(),
                         [&](std::uint32_t a, std::uint32_t b) {
                             const auto& ca = trace.chains[a];
                             const auto& cb = trace.chains[b];
                             if (ca.component != cb.component) return cb.component;
                             return ca.max > cb.max;
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

PathCell chainRoute(const OwnershipTrace& trace, std::uint32_t id) {
    PathCell route;
    const OwnershipChain& last = trace.chains[id];
    // Parent links run from the far end back to the traced entity: that is already "from the
    // upper entity down" when tracing owners, and reversed for holdings.
    route.steps.reserve(last.hops);
    for (std::uint32_t k = id; k != OwnershipChain::kNoChain; k = trace.chains[k].parent)
        route.steps.push_back({trace.chains[k].edge, true});
    if (!trace.upwards) std::reverse(route.steps.begin(), route.steps.end());
    route.start = trace.upwards ? last.other : trace.entity;
    return route;
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
    bool anyUnknown = false, anyComponent = false;
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
            const PathCell route = chainRoute(trace, id);
            std::string share = shareText(chain.min, chain.max, chain.unknown);
            if (chain.component) {
                share += " (a component: not added)";
                anyComponent = true;
            }
            result.detail.rows.push_back(
                {entityCell(figure.other), integerCell(static_cast<std::int64_t>(++listed)),
                 numberCell(chain.min), numberCell(chain.max), textCell(share),
                 integerCell(static_cast<std::int64_t>(chain.hops)), Cell{route}});
            addRoute(result.subgraph, view, route);
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
    if (anyComponent) {
        result.notes.push_back(
            "a chain marked 'a component' runs through the entities that a declared indirect "
            "interest already sums up: it shows where the declared figure comes from and is not "
            "added to it");
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
