// SPDX-License-Identifier: MIT
#include "queries/denials.hpp"

#include <algorithm>
#include <string>

#include "graph/error.hpp"
#include "queries/ownership.hpp"
#include "queries/ownership_control.hpp"
#include "queries/relation_set.hpp"

namespace cg::queries {

namespace {

// What the ownership walk computes for `holder` in `held` through relations some claim
// asserts: the figure of its holdings, else the share it controls; empty when neither.
// The denied relation itself, when some claim asserts it too, is left out: it is disputed,
// which the status says already.
std::string computedHolding(const graph::GraphView& view, graph::GraphView::Node holder,
                            graph::GraphView::Node held, graph::GraphView::Edge denied,
                            std::size_t maxMemory, bool& cut) {
    OwnershipParams params;
    params.assertedOnly = true;
    params.maxMemory = maxMemory;
    OwnershipTrace trace = traceOwnership(view, holder, false, params);
    cut = cut || trace.memoryCapped || trace.chainsCapped;
    for (const auto& f : trace.figures) {
        if (f.other != held) continue;
        double lo = 0, hi = 0;
        bool unknown = false, any = false;
        for (auto id : f.chainIds) {
            const auto& chain = trace.chains[id];
            if (chain.component || (chain.hops == 1 && chain.edge == denied)) continue;
            lo += chain.min;
            hi += chain.max;
            unknown = unknown || chain.unknown;
            any = true;
        }
        if (any)
            return "computed holding " +
                   shareText(std::min(lo, 100.0), std::min(hi, 100.0), unknown);
    }
    for (const auto& c : controlledInterests(view, trace, params)) {
        if (c.other == held)
            return "computed holding " + shareText(c.min, c.max, c.unknown) +
                   " through control of " + cellText(view, entityCell(c.via));
    }
    return {};
}

bool speaksOfInterest(const std::string& type) {
    return type == "owns" || type == "controls" || type == "linked_to";
}

}  // namespace

QueryResult denials(const graph::GraphView& view, const graph::EntityFinder& finder,
                    const DenialParams& params) {
    const auto& schema = view.schema();
    std::uint64_t typeMask = params.types.empty() ? ~0ull : 0;
    for (const auto& name : params.types) {
        auto t = schema.entityTypeId(name);
        if (!t)
            throw QueryError("unknown entity type '" + name + "' (expected " +
                             schema.entityTypeList() + ")");
        for (const auto& et : schema.entityTypes()) {
            auto id = *schema.entityTypeId(et.name);
            if (schema.isA(id, *t)) typeMask |= 1ull << id;
        }
    }
    RelationSet relations = RelationSet::named(schema, params.relations);
    QueryResult result;
    result.kind = "denials";
    result.table.columns = {"subject", "relation",   "object",          "asserting claims",
                            "status",  "confidence", "contradicted_by", "denied_by"};
    result.detailTitle = "the denying claims";
    result.detail.columns = {"denial", "claim", "source", "source_title", "source_url", "quote"};
    bool anyContradicted = false;
    // Each row and each denying claim (its quote, title and URL held and printed, escaped in
    // JSON: twice their bytes) are counted before they are added; each ownership trace takes
    // at most half the budget and is freed before the next.
    MemoryBudget budget(params.maxMemory);
    bool traceCut = false;
    for (graph::GraphView::Edge e = 0; e < view.edgeCount() && !budget.exceeded(); ++e) {
        if (!view.disputed(e) && view.supportCount(e) > 0) continue;
        if (!relations.contains(view.relationType(e))) continue;
        auto s = view.source(e);
        auto t = view.target(e);
        bool sideOk = ((typeMask >> view.nodeType(s)) & 1u) ||
                      (!view.directed(e) && ((typeMask >> view.nodeType(t)) & 1u));
        if (!sideOk) continue;
        if (!budget.take(rowBytes(8) + subgraphEntryBytes())) break;
        result.table.rows.push_back(
            {entityCell(s), textCell(view.relationTypeOf(e).name), entityCell(t),
             integerCell(view.supportCount(e)),
             textCell(view.supportCount(e) == 0 ? "denied outright" : "disputed"),
             numberCell(view.confidence(e)), Cell{}, Cell{}});
        auto& row = result.table.rows.back();
        const auto& type = view.relationTypeOf(e).name;
        if (speaksOfInterest(type)) {
            std::string holding = computedHolding(view, s, t, e, params.maxMemory, traceCut);
            if (holding.empty() && !view.directed(e))
                holding = computedHolding(view, t, s, e, params.maxMemory, traceCut);
            if (!holding.empty()) {
                row[6] = textCell(holding);
                anyContradicted = true;
            }
        }
        std::string deniedBy;
        for (const auto& c : finder.claimsOfRelation(view.relationId(e))) {
            if (c.stance != graph::Stance::Denies) continue;
            const std::string& url = c.sourceUrl;
            if (!budget.take(rowBytes(6) + routeBytes(1) +
                             2 * (c.quote.size() + c.sourceTitle.size() + url.size() +
                                  2 * (c.key.size() + c.sourceKey.size()))))
                break;
            deniedBy += (deniedBy.empty() ? "" : "; ") + c.key + " (" + c.sourceKey + ")";
            result.detail.rows.push_back({Cell{PathCell{s, {{e, true}}}}, textCell(c.key),
                                          textCell(c.sourceKey), textCell(c.sourceTitle),
                                          url.empty() ? Cell{} : textCell(url),
                                          c.quote.empty() ? Cell{} : textCell(c.quote)});
        }
        if (!deniedBy.empty()) row[7] = textCell(deniedBy);
        result.subgraph.edges.push_back(e);
    }
    result.subgraph.normalize(view);
    if (budget.exceeded()) {
        result.notes.push_back(
            memoryNote(std::to_string(result.table.rows.size()) + " denied relations and " +
                           std::to_string(result.detail.rows.size()) + " denying claims",
                       budget));
    } else if (result.table.rows.empty()) {
        result.notes.push_back("no denied relation in this view");
    }
    if (traceCut) {
        result.notes.push_back(
            "a computed holding stopped at its chain cap or half the memory budget of " +
            std::to_string(params.maxMemory >> 20) +
            " MB (raise --max-memory): contradicted_by may be incomplete");
    }
    result.partial = budget.exceeded() || traceCut;
    if (anyContradicted) {
        result.notes.push_back(
            "contradicted_by: the ownership chains (through relations some claim asserts) give "
            "the denying side a holding in the other");
    }
    return result;
}

KindDef denialsKind() {
    KindDef kind;
    kind.name = "denials";
    kind.description =
        "Relations some claim denies, and the holdings the chains compute against a denial";
    kind.args = {
        arg("denying_types", ArgType::Types,
            "Only denials by entities of these types and their subtypes (T,...)")
            .formerly("types"),
        arg("relations", ArgType::Relations, "Only denials of these relation types (R,...)")
            .savedQueryOnly(),
    };
    kind.columns = {
        {"subject", ColumnType::Entity},       {"relation", ColumnType::Text},
        {"object", ColumnType::Entity},        {"asserting claims", ColumnType::Integer},
        {"status", ColumnType::Text},          {"confidence", ColumnType::Number},
        {"contradicted_by", ColumnType::Text}, {"denied_by", ColumnType::Text}};
    kind.needsDenied = true;
    kind.run = [](const graph::GraphView& view, const Args& args, const graph::EntityFinder& finder,
                  const QueryHooks&) {
        DenialParams p;
        p.types = argList(args, "denying_types");
        p.relations = argList(args, "relations");
        p.maxMemory = argMaxMemory(args);
        return denials(view, finder, p);
    };
    return kind;
}

}  // namespace cg::queries
