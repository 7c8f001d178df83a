// SPDX-License-Identifier: MIT
// The owners and holdings tables: the trace's figures, the control credited beside them, the
// flags an investigator must see before publishing (denied interests, over-allocation).
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "graph/over_allocation.hpp"
#include "queries/ownership.hpp"
#include "queries/ownership_control.hpp"

namespace cg::queries {

namespace {

constexpr double kSlack = 1e-9;  // shares are sums of products: allow for rounding

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

// One row of the table: an owner's (holding's) figure, its control, or both.
struct Row {
    Node other = 0;
    const OwnershipFigure* figure = nullptr;
    const ControlledInterest* control = nullptr;
    bool controlled = false;  // owners: a controller stands behind it, so it is not ultimate
};

// The denying claims of an interest of `holder` in `held`, or nothing.
std::vector<std::string> denyingClaims(const std::vector<const graph::DeniedInterest*>& denials,
                                       Node holder, Node held) {
    std::vector<std::string> keys;
    for (const auto* d : denials) {
        bool match = (d->subject == holder && d->object == held) ||
                     (!d->directed && d->subject == held && d->object == holder);
        if (match) keys.insert(keys.end(), d->claims.begin(), d->claims.end());
    }
    return keys;
}

void addOverAllocation(const GraphView& view, Node entity, QueryResult& result) {
    auto over = graph::overAllocation(view, entity);
    result.flags.push_back({"over_allocated", over.has_value()});
    if (!over) {
        result.values.push_back({"allocated_share_min", Cell{}});
        return;
    }
    result.values.push_back({"allocated_share_min", numberCell(over->sum)});
    std::string parts;
    for (auto e : over->edges) {
        auto share = view.share(e);
        parts += (parts.empty() ? "" : ", ") + cellText(view, entityCell(view.source(e))) + " " +
                 shareText(decimal(share->first), decimal(share->second));
        result.subgraph.edges.push_back(e);
    }
    result.notes.push_back(
        "over-allocated: the minimum shares of " + cellText(view, entityCell(entity)) +
        "'s owners held at the same time add up to " + shareText(over->sum, over->sum) + " (" +
        parts + "): a figure is wrong or a holding is counted twice");
}

QueryResult ownershipResult(const GraphView& view, const OwnershipParams& params, bool upwards) {
    QueryResult result;
    result.kind = upwards ? "owners" : "holdings";
    const char* who = upwards ? "owner" : "holding";
    result.table.columns = {who,
                            "type",
                            "share min",
                            "share max",
                            "share",
                            "chains",
                            "unknown chains",
                            "hops",
                            "ultimate",
                            "via_control",
                            "controlled_share_min",
                            "controlled_share_max",
                            "controlled_share",
                            "denied_by"};
    result.detail.columns = {who,     "chain", "share min", "share max",
                             "share", "hops",  "route",     "via_nominee"};
    auto entity = nodeOrNote(view, params.entity, "traced", result);
    if (!entity) return result;
    OwnershipTrace trace = traceOwnership(view, *entity, upwards, params);
    std::vector<ControlledInterest> control = controlledInterests(view, trace, params);

    // Figures in the trace's order, then the rows of control alone, largest first.
    std::vector<Row> rows;
    std::map<Node, std::size_t> rowOf;
    for (const auto& figure : trace.figures) {
        rowOf[figure.other] = rows.size();
        rows.push_back({figure.other, &figure, nullptr, false});
    }
    for (const auto& c : control) {
        auto it = rowOf.find(c.other);
        if (it == rowOf.end()) {
            rowOf[c.other] = rows.size();
            rows.push_back({c.other, nullptr, &c, false});
        } else {
            rows[it->second].control = &c;
        }
        if (!upwards) continue;
        for (Node v : c.alsoVia) {
            if (auto r = rowOf.find(v); r != rowOf.end()) rows[r->second].controlled = true;
        }
        if (auto r = rowOf.find(c.via); r != rowOf.end()) rows[r->second].controlled = true;
    }
    const auto denials = view.ownershipFacts().denialsTouching(*entity);

    // The chains are already held; what the answer adds (a row, and a route for each chain it
    // lists) is counted before it is built, row by row, so that the answer stops within the
    // budget. A circle of n companies lists n chains of up to n hops: quadratic without it.
    MemoryBudget budget(params.maxMemory);
    budget.take(trace.chains.size() * (sizeof(OwnershipChain) + sizeof(std::uint32_t)) +
                trace.figures.size() * sizeof(OwnershipFigure));
    auto reaches = [&](const Row& row) {
        double reach =
            std::max(row.figure ? row.figure->max : 0.0, row.control ? row.control->max : 0.0);
        return reach + kSlack >= params.threshold;
    };
    const auto shown = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), reaches));
    std::optional<std::string> budgetNote;

    std::size_t hidden = 0;
    bool anyUnknown = false, anyComponent = false, anyControl = false;
    result.subgraph.nodes.push_back(*entity);
    for (const auto& row : rows) {
        const OwnershipFigure* figure = row.figure;
        const ControlledInterest* c = row.control;
        if (!reaches(row)) {
            ++hidden;
            continue;
        }
        std::size_t cost = sizeof(Cell) * result.table.columns.size() + 64;
        if (figure) {
            std::size_t listed = std::min(figure->chainIds.size(), params.chainsPerOwner);
            for (std::size_t k = 0; k < listed; ++k)
                cost += sizeof(Cell) * result.detail.columns.size() +
                        routeBytes(trace.chains[figure->chainIds[k]].hops);
        }
        if (c) cost += routeBytes(c->route.steps.size());
        if (!budget.take(cost)) {
            budgetNote =
                memoryNote(result.table.rows.size(), shown, std::string(who) + "s", budget);
            break;
        }
        const auto& type = view.schema().entityType(view.nodeType(row.other)).name;
        // Owners: nothing owns or controls it and it holds for no one; holdings: it owns nothing.
        bool ultimate = figure ? figure->ultimate : c->ultimate;
        if (upwards)
            ultimate = (!figure || !row.controlled) && (!figure || figure->ultimate) &&
                       (!c || c->ultimate);
        std::vector<Cell> cells;
        if (figure) {
            anyUnknown = anyUnknown || figure->unknownChains > 0;
            cells = {entityCell(row.other),
                     textCell(type),
                     numberCell(figure->min),
                     numberCell(figure->max),
                     textCell(shareText(figure->min, figure->max, figure->unknownChains > 0)),
                     integerCell(figure->chains),
                     integerCell(figure->unknownChains),
                     integerCell(figure->minHops)};
        } else {
            cells = {entityCell(row.other),
                     textCell(type),
                     numberCell(0),
                     numberCell(0),
                     textCell("none (control only)"),
                     integerCell(0),
                     integerCell(0),
                     integerCell(c->hops)};
        }
        cells.push_back(textCell(ultimate ? "yes" : "no"));
        if (c) {
            anyControl = true;
            cells.push_back(entityCell(c->via));
            cells.push_back(numberCell(c->min));
            cells.push_back(numberCell(c->max));
            std::string text = shareText(c->min, c->max, c->unknown);
            if (!c->alsoVia.empty()) {
                std::vector<std::string> names;
                for (Node v : c->alsoVia) names.push_back(cellText(view, entityCell(v)));
                text += " (also through " + joined(names) + ")";
            }
            cells.push_back(textCell(text));
        } else {
            cells.insert(cells.end(), {Cell{}, Cell{}, Cell{}, Cell{}});
        }
        Node holder = upwards ? row.other : *entity;
        Node held = upwards ? *entity : row.other;
        auto denied = denyingClaims(denials, holder, held);
        if (denied.empty()) {
            cells.push_back(Cell{});
        } else {
            cells.push_back(textCell(joined(denied)));
            double lo = figure ? figure->min : c->min, hi = figure ? figure->max : c->max;
            result.notes.push_back(
                "denied: " + cellText(view, entityCell(holder)) + " denies an interest in " +
                cellText(view, entityCell(held)) + " (claim" + (denied.size() > 1 ? "s " : " ") +
                joined(denied) + "), yet the chains give " +
                shareText(lo, hi, figure ? figure->unknownChains > 0 : c->unknown) +
                (figure ? "" : " through control"));
        }
        result.table.rows.push_back(std::move(cells));

        std::size_t listed = 0;
        for (std::uint32_t id : figure ? figure->chainIds : std::vector<std::uint32_t>{}) {
            if (listed == params.chainsPerOwner) break;
            const OwnershipChain& chain = trace.chains[id];
            const PathCell route = chainRoute(trace, id);
            std::string share = shareText(chain.min, chain.max, chain.unknown);
            auto nominee = chainNominee(trace, id);
            if (nominee) share += " via nominee " + cellText(view, entityCell(*nominee));
            if (chain.component) {
                share += " (a component: not added)";
                anyComponent = true;
            }
            result.detail.rows.push_back(
                {entityCell(row.other), integerCell(static_cast<std::int64_t>(++listed)),
                 numberCell(chain.min), numberCell(chain.max), textCell(share),
                 integerCell(static_cast<std::int64_t>(chain.hops)), Cell{route},
                 nominee ? entityCell(*nominee) : Cell{}});
            addRoute(result.subgraph, view, route);
        }
        if (figure && figure->chainIds.size() > listed) {
            result.notes.push_back(std::to_string(figure->chainIds.size() - listed) +
                                   " more chains behind " + cellText(view, entityCell(row.other)) +
                                   " are not listed");
        }
        // The control route is no chain of the figure: it joins the subgraph only.
        if (c) addRoute(result.subgraph, view, c->route);
    }
    if (upwards) addOverAllocation(view, *entity, result);
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
    if (anyControl) {
        result.notes.push_back(
            upwards ? "controlled_share is the share of an owner that the entity controls "
                      "(controls, without a share of its own): it is not added to share"
                    : "controlled_share is the share held by an entity the traced one controls "
                      "(controls, without a share of its own): it is not added to share");
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
    if (trace.memoryCapped) {
        result.notes.push_back("stopped after " + std::to_string(trace.chains.size()) +
                               " chains, past half the memory budget of " +
                               std::to_string(params.maxMemory >> 20) +
                               " MB (raise --max-memory): the figures are partial");
    }
    if (budgetNote) result.notes.push_back(*budgetNote);
    result.partial = trace.chainsCapped || trace.memoryCapped || budgetNote.has_value();
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
