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
    double lo, hi;                // the link's share interval, as fractions
    bool unknown;                 // the interval's top comes from a relation without a share
    bool nominee = false;         // a nominee's `represents` relation, walked against its direction
    bool nomineeHolding = false;  // an `owns` relation a nominee holds for someone else
};

// How a chain reached a node, which decides where it may go next when nominees hold shares.
enum class Arrival : std::uint8_t {
    Plain,
    NomineeHolding,  // owners: up a nominee holding, so on to the nominee's principals only
    NomineeLink,     // holdings: down to a nominee from its principal, so its holdings for them
};

struct Frame {
    Node node;
    std::uint32_t cursor, end;  // into the steps pool
    double min, max;            // the chain so far, as fractions
    bool unknown;
    bool component;       // the chain so far is a component of a declared indirect interest
    std::uint32_t chain;  // the chain that reached `node` (kNoChain at the traced entity)
    std::uint32_t hops;   // its links
    Arrival arrival;
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
          facts_(view.ownershipFacts()),
          carriers_(RelationSet::named(view.schema(), params.relations)),
          upwards_(upwards),
          nominees_(facts_.hasNominees()),
          assertedOnly_(params.assertedOnly) {
        if (const auto* owns = view.schema().relationType("owns")) {
            owns_ = static_cast<int>(owns - view.schema().relationTypes().data());
        }
    }
    bool eligible(Edge e) const {
        if (!view_.directed(e)) return false;
        auto type = view_.relationType(e);
        if (!carriers_.contains(type)) return false;
        if (assertedOnly_ && view_.supportCount(e) == 0) return false;
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
    /// whose share is the largest of theirs, never their sum. A share a nominee holds for
    /// someone else belongs to them: walking up, a chain that reached the nominee through it
    /// goes on to the principals only (at the full share); walking down, a principal's steps
    /// include its nominees, from whom only the holdings kept for others lead on, and no one
    /// else's chain runs through such a holding.
    void appendSteps(Node v, Arrival arrival, bool root, std::vector<Link>& out) const {
        auto first = out.size();
        if (nominees_ && upwards_ && arrival == Arrival::NomineeHolding) {
            auto principals = facts_.principalsOf(v);
            if (!principals.empty()) {
                for (const auto& link : principals)
                    out.push_back({link.represents, link.principal, 1, 1, false, true, false});
                return;
            }
        }
        auto [b, e] = range(v);
        for (auto i = b; i < e; ++i) {
            Edge edge = at(i);
            if (!eligible(edge)) continue;
            Link step{edge, across(i, edge), 0, 1, true};
            if (nominees_) {
                step.nomineeHolding = facts_.nomineeHolding(edge);
                if (!upwards_ && step.nomineeHolding != (arrival == Arrival::NomineeLink) &&
                    !(root && step.nomineeHolding))
                    continue;
            }
            if (auto share = view_.share(edge)) {
                step.lo = std::clamp(decimal(share->first), 0.0, 100.0) / 100;
                step.hi = std::clamp(decimal(share->second), 0.0, 100.0) / 100;
                step.unknown = false;
            }
            out.push_back(step);
        }
        auto begin = out.begin() + static_cast<std::ptrdiff_t>(first);
        if (out.size() - first < 2) {
            appendNominees(v, arrival, out);
            return;
        }
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
        appendNominees(v, arrival, out);
    }

    /// Walking down from a principal: its nominees, each reached at the full share.
    void appendNominees(Node v, Arrival arrival, std::vector<Link>& out) const {
        if (!nominees_ || upwards_ || arrival == Arrival::NomineeLink) return;
        for (const auto& link : facts_.nomineesOf(v))
            out.push_back({link.represents, link.nominee, 1, 1, false, true, false});
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

    /// Whether a chain that reached `v` arriving this way is held for someone else: a
    /// nominee's holding whose principals are known.
    bool heldForOthers(Node v, const Link& step) const {
        return nominees_ && upwards_ && step.nomineeHolding && !facts_.principalsOf(v).empty();
    }

  private:
    const GraphView& view_;
    const graph::OwnershipFacts& facts_;
    RelationSet carriers_;
    bool upwards_;
    bool nominees_;
    bool assertedOnly_;
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
    links.appendSteps(entity, Arrival::Plain, true, s.steps);
    stack.push_back({entity, 0, static_cast<std::uint32_t>(s.steps.size()), 1, 1, false, false,
                     kNoChain, 0, Arrival::Plain});
    auto maxDepth = static_cast<std::size_t>(std::max(params.maxDepth, 0));
    // A chain costs its record, its id in a figure and at most one figure: half the budget at
    // most, the rest is for the answer built from them.
    const std::size_t chainsInMemory =
        params.maxMemory / 2 /
        (sizeof(OwnershipChain) + sizeof(std::uint32_t) + sizeof(OwnershipFigure));

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
        bool component = f.component || (indirectLinks && f.hops > 0 && !step.nominee &&
                                         links.summedByIndirect(next, f.node, s.onPath));
        // Walking down, a nominee is a way to the holdings kept for the principal, not one.
        const bool passThrough = !upwards && step.nominee;
        if (trace.chains.size() == params.maxChains) {
            trace.chainsCapped = true;
            break;
        }
        if (trace.chains.size() == chainsInMemory) {
            trace.memoryCapped = true;
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
        chain.nominee = step.nominee;
        const Arrival arrival = step.nominee          ? Arrival::NomineeLink
                                : step.nomineeHolding ? Arrival::NomineeHolding
                                                      : Arrival::Plain;
        const auto id = static_cast<std::uint32_t>(trace.chains.size());

        if (!passThrough) {
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
            figure.chainIds.push_back(id);
            if (links.heldForOthers(next, step)) figure.nominee = true;
        }
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
        links.appendSteps(next, arrival, false, s.steps);
        // (push_back may move the stack: `f` is not used after this.)
        stack.push_back({next, begin, static_cast<std::uint32_t>(s.steps.size()), cmin, cmax,
                         cunknown, component, id, hops, arrival});
    }
    for (const auto& f : stack) s.onPath.set(f.node, false);

    // An entity reached only through components has no figure of its own: the declared
    // interest its chains belong to is counted at its holder.
    std::erase_if(trace.figures, [](const OwnershipFigure& f) { return f.chains == 0; });
    for (auto& figure : trace.figures) {
        figure.min = std::min(figure.min, 100.0);
        figure.max = std::min(figure.max, 100.0);
        figure.ultimate = !figure.nominee && !links.hasAny(figure.other);
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
        route.steps.push_back({trace.chains[k].edge, !trace.chains[k].nominee});
    if (!trace.upwards) std::reverse(route.steps.begin(), route.steps.end());
    route.start = trace.upwards ? last.other : trace.entity;
    return route;
}

std::optional<Node> chainNominee(const OwnershipTrace& trace, std::uint32_t id) {
    for (std::uint32_t k = id; k != OwnershipChain::kNoChain; k = trace.chains[k].parent) {
        const OwnershipChain& chain = trace.chains[k];
        if (!chain.nominee) continue;
        // Up the chain the nominee is where the link starts; down it, where it ends.
        if (!trace.upwards) return chain.other;
        return chain.parent == OwnershipChain::kNoChain ? trace.entity
                                                        : trace.chains[chain.parent].other;
    }
    return std::nullopt;
}

namespace {

std::vector<ArgDef> ownershipArgs(const char* entity) {
    return {
        arg("entity", ArgType::Entity, entity).mandatory().positionalOnCommandLine(),
        arg("threshold", ArgType::Number, "Show those whose share can reach this percentage")
            .byDefault("25")
            .atLeast(0)
            .atMost(100),
        arg("max_depth", ArgType::Integer, "Longest chain followed, in hops")
            .byDefault("10")
            .atLeast(1),
        arg("chains", ArgType::Integer, "Chains listed per figure")
            .byDefault("10")
            .commandLineOnly(),
    };
}

std::vector<ColumnDef> ownershipColumns(const char* who) {
    return {{who, ColumnType::Entity},
            {"type", ColumnType::Text},
            {"share min", ColumnType::Number},
            {"share max", ColumnType::Number},
            {"share", ColumnType::Text},
            {"chains", ColumnType::Integer},
            {"unknown chains", ColumnType::Integer},
            {"hops", ColumnType::Integer},
            {"ultimate", ColumnType::Boolean},
            {"via_control", ColumnType::Entity},
            {"controlled_share_min", ColumnType::Number},
            {"controlled_share_max", ColumnType::Number},
            {"controlled_share", ColumnType::Text},
            {"denied_by", ColumnType::Text}};
}

OwnershipParams ownershipParams(const Args& args, const graph::EntityFinder& finder) {
    OwnershipParams p;
    p.entity = argEntity(args, "entity", finder);
    p.threshold = argValue<double>(args, "threshold").value_or(p.threshold);
    p.maxDepth = static_cast<int>(argValue<std::int64_t>(args, "max_depth").value_or(p.maxDepth));
    p.chainsPerOwner =
        static_cast<std::size_t>(argValue<std::int64_t>(args, "chains")
                                     .value_or(static_cast<std::int64_t>(p.chainsPerOwner)));
    p.maxMemory = argMaxMemory(args);
    return p;
}

}  // namespace

KindDef ownersKind() {
    KindDef kind;
    kind.name = "owners";
    kind.description = "Who ultimately owns an entity, with the chains behind each share";
    kind.args = ownershipArgs("The owned entity: an id or a name");
    kind.columns = ownershipColumns("owner");
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder& finder,
                  const QueryHooks&) { return owners(view, ownershipParams(args, finder)); };
    return kind;
}

KindDef holdingsKind() {
    KindDef kind;
    kind.name = "holdings";
    kind.description = "What an entity ultimately owns, with the chains behind each share";
    kind.args = ownershipArgs("The owner: an id or a name");
    kind.columns = ownershipColumns("holding");
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder& finder,
                  const QueryHooks&) { return holdings(view, ownershipParams(args, finder)); };
    return kind;
}

}  // namespace cg::queries
