// SPDX-License-Identifier: MIT
#include "queries/denials.hpp"

#include "graph/error.hpp"
#include "queries/relation_set.hpp"

namespace cg::queries {

QueryResult denials(const graph::GraphView& view, const DenialParams& params) {
    const auto& schema = view.schema();
    std::uint64_t typeMask = params.types.empty() ? ~0ull : 0;
    for (const auto& name : params.types) {
        auto t = schema.entityTypeId(name);
        if (!t) throw QueryError("unknown entity type '" + name + "' (expected " + schema.entityTypeList() + ")");
        for (const auto& et : schema.entityTypes()) {
            auto id = *schema.entityTypeId(et.name);
            if (schema.isA(id, *t)) typeMask |= 1ull << id;
        }
    }
    RelationSet relations = RelationSet::named(schema, params.relations);
    QueryResult result;
    result.kind = "denials";
    result.table.columns = {"subject", "relation", "object", "asserting claims", "status", "confidence"};
    for (graph::GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
        if (!view.disputed(e) && view.supportCount(e) > 0) continue;
        if (!relations.contains(view.relationType(e))) continue;
        auto s = view.source(e);
        auto t = view.target(e);
        bool sideOk = ((typeMask >> view.nodeType(s)) & 1u) ||
                      (!view.directed(e) && ((typeMask >> view.nodeType(t)) & 1u));
        if (!sideOk) continue;
        result.table.rows.push_back({entityCell(s), textCell(view.relationTypeOf(e).name), entityCell(t),
                                     integerCell(view.supportCount(e)),
                                     textCell(view.supportCount(e) == 0 ? "denied outright" : "disputed"),
                                     numberCell(view.confidence(e))});
        result.subgraph.edges.push_back(e);
    }
    result.subgraph.normalize(view);
    if (result.table.rows.empty()) result.notes.push_back("no denied relation in this view");
    return result;
}

}  // namespace cg::queries
