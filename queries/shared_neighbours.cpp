// SPDX-License-Identifier: MIT
#include "queries/shared_neighbours.hpp"

#include <algorithm>

namespace cg::queries {

std::vector<SharedGroup> sharedNeighbourGroups(const GraphView& view, const std::string& via,
                                               std::size_t minShared) {
    RelationSet relation = RelationSet::named(view.schema(), {via});
    bool directed = view.schema().relationType(via)->directed;
    // Walking into a node backwards lists the subjects of its relations; an undirected
    // relation is walked both ways.
    Walk walk(view, relation, directed);
    std::vector<SharedGroup> groups;
    std::vector<Node> members;
    for (Node v = 0; v < view.nodeCount(); ++v) {
        members.clear();
        if (directed) {
            auto [first, last] = view.inEdgeSlots(v);
            for (auto slot = first; slot < last; ++slot) {
                if (walk.allows(view.inEdgeAt(slot))) members.push_back(view.inEdgeSource(slot));
            }
        } else {
            walk.forEachStep(v, [&](Edge, Node w, bool) { members.push_back(w); });
        }
        if (members.size() < minShared) continue;
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        members.erase(std::remove(members.begin(), members.end(), v), members.end());
        if (members.size() < minShared) continue;
        groups.push_back({v, members});
    }
    std::stable_sort(groups.begin(), groups.end(), [](const SharedGroup& a, const SharedGroup& b) {
        return a.members.size() > b.members.size();
    });
    return groups;
}

QueryResult sharedNeighbours(const GraphView& view, const SharedParams& params) {
    QueryResult result;
    result.kind = "shared";
    result.table.columns = {"shared", "type", "count", "members"};
    // The groups: a list per entity (24 bytes) and a member per relation at most (4).
    MemoryBudget budget(params.maxMemory);
    if (!takeWorkingMemory(budget, view, sizeof(SharedGroup), sizeof(Node), result)) return result;
    auto groups =
        sharedNeighbourGroups(view, params.via, std::max<std::size_t>(params.minShared, 1));
    RelationSet relation = RelationSet::named(view.schema(), {params.via});
    std::size_t listed = 0;
    for (const auto& g : groups) {
        if (params.top > 0 && listed == params.top) break;
        // The row, the shared entity and a relation per member in the subgraph.
        if (!budget.take(rowBytes(4) + (g.members.size() + 1) * subgraphEntryBytes())) break;
        ++listed;
        std::string names;
        for (std::size_t i = 0; i < g.members.size() && i < params.membersShown; ++i) {
            names += (i ? ", " : "") + cellText(view, entityCell(g.members[i]));
        }
        if (g.members.size() > params.membersShown) names += ", …";
        result.table.rows.push_back(
            {entityCell(g.shared), textCell(view.schema().entityType(view.nodeType(g.shared)).name),
             integerCell(static_cast<std::int64_t>(g.members.size())), textCell(names)});
        result.subgraph.nodes.push_back(g.shared);
        Walk walk(view, relation, false);
        walk.forEachStep(g.shared, [&](Edge e, Node, bool) { result.subgraph.edges.push_back(e); });
    }
    result.subgraph.normalize(view);
    if (budget.exceeded()) {
        result.notes.push_back(
            memoryNote(listed, params.top > 0 ? std::min(params.top, groups.size()) : groups.size(),
                       "groups", budget));
        result.partial = true;
    } else if (groups.size() > listed) {
        result.notes.push_back(std::to_string(groups.size() - listed) +
                               " smaller groups not listed (--top)");
    }
    if (groups.empty()) {
        result.notes.push_back("no entity has " + std::to_string(params.minShared) +
                               " or more neighbours through " + params.via);
    }
    return result;
}

KindDef sharedKind() {
    KindDef kind;
    kind.name = "shared";
    kind.description = "Entities sharing a neighbour through a relation (companies at one address)";
    kind.args = {
        arg("via", ArgType::String, "The relation type shared (registered_at, director_of, ...)")
            .mandatory(),
        arg("min", ArgType::Integer, "Smallest group listed").byDefault("2"),
        arg("top", ArgType::Integer, "At most this many groups (0: all)").byDefault("50"),
    };
    kind.columns = {{"shared", ColumnType::Entity},
                    {"type", ColumnType::Text},
                    {"count", ColumnType::Integer},
                    {"members", ColumnType::Text}};
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder&,
                  const QueryHooks&) {
        SharedParams p;
        p.via = *argValue<std::string>(args, "via");
        p.minShared = static_cast<std::size_t>(
            argValue<std::int64_t>(args, "min").value_or(static_cast<std::int64_t>(p.minShared)));
        p.top = static_cast<std::size_t>(
            argValue<std::int64_t>(args, "top").value_or(static_cast<std::int64_t>(p.top)));
        p.maxMemory = argMaxMemory(args);
        return sharedNeighbours(view, p);
    };
    return kind;
}

}  // namespace cg::queries
