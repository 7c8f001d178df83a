// SPDX-License-Identifier: MIT
#include "queries/red_flags.hpp"

#include <algorithm>

#include "graph/over_allocation.hpp"
#include "queries/shared_neighbours.hpp"

namespace cg::queries {

namespace {

std::string memberNames(const GraphView& view, const std::vector<Node>& members,
                        std::size_t shown) {
    std::string names;
    for (std::size_t i = 0; i < members.size() && i < shown; ++i) {
        names += (i ? ", " : "") + cellText(view, entityCell(members[i]));
    }
    if (members.size() > shown) names += ", …";
    return names;
}

}  // namespace

QueryResult redFlags(const GraphView& view, const RedFlagParams& params) {
    QueryResult result;
    result.kind = "red-flags";
    result.table.columns = {"flag", "entity", "type", "count", "linked"};
    auto typeName = [&](Node v) { return view.schema().entityType(view.nodeType(v)).name; };
    // The address groups and the boards held (a list per entity and an entry per relation at
    // most, each), then every flag with its relations in the subgraph, counted before it is
    // added; past the budget the flags stop there.
    MemoryBudget budget(params.maxMemory);
    if (!takeWorkingMemory(budget, view, 2 * 32, 2 * sizeof(Node), result)) return result;
    auto admit = [&](std::size_t relations) {
        return budget.take(rowBytes(5) + relations * subgraphEntryBytes());
    };

    RelationSet address = RelationSet::named(view.schema(), {params.addressRelation});
    for (const auto& g : sharedNeighbourGroups(view, params.addressRelation,
                                               std::max<std::size_t>(params.minCompanies, 1))) {
        if (!admit(g.members.size())) break;
        result.table.rows.push_back({textCell("many entities registered at one address"),
                                     entityCell(g.shared), textCell(typeName(g.shared)),
                                     integerCell(static_cast<std::int64_t>(g.members.size())),
                                     textCell(memberNames(view, g.members, params.membersShown))});
        Walk(view, address, false).forEachStep(g.shared, [&](Edge e, Node, bool) {
            result.subgraph.edges.push_back(e);
        });
    }

    // Boards: the distinct objects of each entity's board relations.
    RelationSet board = RelationSet::named(view.schema(), {params.boardRelation});
    Walk boards(view, board, true);
    struct Holder {
        Node node;
        std::vector<Node> boards;
    };
    std::vector<Holder> holders;
    std::vector<Node> list;
    for (Node v = 0; v < view.nodeCount(); ++v) {
        list.clear();
        boards.forEachStep(v, [&](Edge, Node w, bool) { list.push_back(w); });
        if (list.size() < params.minBoards) continue;
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        if (list.size() < std::max<std::size_t>(params.minBoards, 1)) continue;
        holders.push_back({v, list});
    }
    std::stable_sort(holders.begin(), holders.end(), [](const Holder& a, const Holder& b) {
        return a.boards.size() > b.boards.size();
    });
    for (const auto& h : holders) {
        if (!admit(h.boards.size())) break;
        boards.forEachStep(h.node, [&](Edge e, Node, bool) { result.subgraph.edges.push_back(e); });
        result.table.rows.push_back({textCell("sits on many boards"), entityCell(h.node),
                                     textCell(typeName(h.node)),
                                     integerCell(static_cast<std::int64_t>(h.boards.size())),
                                     textCell(memberNames(view, h.boards, params.membersShown))});
    }
    for (const auto& over : graph::overAllocations(view)) {
        if (!admit(over.edges.size())) break;
        std::string owners;
        for (auto e : over.edges) {
            auto share = view.share(e);
            owners += (owners.empty() ? "" : ", ") + cellText(view, entityCell(view.source(e))) +
                      " " + shareText(decimal(share->first), decimal(share->second));
            result.subgraph.edges.push_back(e);
        }
        result.table.rows.push_back(
            {textCell("owners' minimum shares add up to more than 100%"), entityCell(over.entity),
             textCell(typeName(over.entity)),
             integerCell(static_cast<std::int64_t>(over.edges.size())),
             textCell(owners + " (" + shareText(over.sum, over.sum) + " in all)")});
    }
    result.subgraph.normalize(view);
    if (budget.exceeded()) {
        result.notes.push_back(
            memoryNote(std::to_string(result.table.rows.size()) + " flags", budget));
        result.partial = true;
    } else if (result.table.rows.empty()) {
        result.notes.push_back("no address with " + std::to_string(params.minCompanies) +
                               " or more registered entities, no one on " +
                               std::to_string(params.minBoards) +
                               " or more boards and no entity whose owners hold more than 100%");
    }
    return result;
}

KindDef redFlagsKind() {
    KindDef kind;
    kind.name = "red-flags";
    kind.description =
        "Addresses with many companies, people on many boards, owners holding over 100%";
    kind.args = {
        arg("min_companies", ArgType::Integer, "Flag an address with at least this many registered")
            .byDefault("5"),
        arg("min_boards", ArgType::Integer, "Flag an entity on at least this many boards")
            .byDefault("5")
            .formerly("min_directorships"),
    };
    kind.columns = {{"flag", ColumnType::Text},
                    {"entity", ColumnType::Entity},
                    {"type", ColumnType::Text},
                    {"count", ColumnType::Integer},
                    {"linked", ColumnType::Text}};
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder&,
                  const QueryHooks&) {
        RedFlagParams p;
        p.minCompanies =
            static_cast<std::size_t>(argValue<std::int64_t>(args, "min_companies")
                                         .value_or(static_cast<std::int64_t>(p.minCompanies)));
        p.minBoards =
            static_cast<std::size_t>(argValue<std::int64_t>(args, "min_boards")
                                         .value_or(static_cast<std::int64_t>(p.minBoards)));
        p.maxMemory = argMaxMemory(args);
        return redFlags(view, p);
    };
    return kind;
}

}  // namespace cg::queries
