// SPDX-License-Identifier: MIT
// The path kinds join the answers of one path query per pair of entities, so that a saved
// query can ask for the routes between two sets (every company of a list to every official).
#include "queries/path_kinds.hpp"

#include <algorithm>
#include <string>

#include "graph/error.hpp"
#include "queries/all_shortest_paths.hpp"
#include "queries/memory_budget.hpp"
#include "queries/most_credible_path.hpp"
#include "queries/shortest_path.hpp"
#include "queries/simple_paths.hpp"

namespace cg::queries {

namespace {

constexpr std::size_t kMaxPairs = 10000;

const std::vector<ColumnDef> kPathColumns = {{"path", ColumnType::Integer},
                                             {"hops", ColumnType::Integer},
                                             {"confidence", ColumnType::Number},
                                             {"route", ColumnType::Route}};

// What a joined answer holds so far: its rows and the routes in them, as the queries count.
std::size_t heldBytes(const QueryResult& result) {
    std::size_t bytes = 0;
    for (const auto& row : result.table.rows) {
        bytes += rowBytes(row.size());
        for (const auto& cell : row) {
            if (const auto* route = std::get_if<PathCell>(&cell))
                bytes += routeBytes(route->steps.size());
        }
    }
    return bytes;
}

void append(QueryResult& into, QueryResult&& part) {
    into.partial = into.partial || part.partial;
    if (into.table.columns.empty()) into.table.columns = part.table.columns;
    if (into.detail.columns.empty()) into.detail.columns = part.detail.columns;
    for (auto& row : part.table.rows) into.table.rows.push_back(std::move(row));
    for (auto& row : part.detail.rows) into.detail.rows.push_back(std::move(row));
    for (auto n : part.subgraph.nodes) into.subgraph.nodes.push_back(n);
    for (auto e : part.subgraph.edges) into.subgraph.edges.push_back(e);
    for (auto& note : part.notes) {
        if (std::find(into.notes.begin(), into.notes.end(), note) == into.notes.end())
            into.notes.push_back(std::move(note));
    }
}

// The path mode: `mode`, or the command line's --all and --credible.
std::string pathMode(const Args& args) {
    if (argValue<bool>(args, "credible").value_or(false)) return "credible";
    if (argValue<bool>(args, "all").value_or(false)) return "all";
    return argValue<std::string>(args, "mode").value_or("shortest");
}

QueryResult runPaths(const std::string& kind, const Args& args, const graph::GraphView& view,
                     const graph::EntityFinder& finder) {
    auto from = argEntitySet(args, "from", view, finder);
    auto to = argEntitySet(args, "to", view, finder);
    if (from.size() * to.size() > kMaxPairs) {
        throw QueryError(std::to_string(from.size() * to.size()) +
                         " pairs of entities: narrow 'from' or 'to' (at most " +
                         std::to_string(kMaxPairs) + ")");
    }
    PathParams p;
    p.relations = argList(args, "relations");
    p.maxHops = static_cast<int>(argValue<std::int64_t>(args, "max_hops").value_or(0));
    p.directed = argValue<bool>(args, "directed").value_or(false);
    p.viaPlaces = argValue<bool>(args, "via_places").value_or(false);
    if (auto limit = argValue<std::int64_t>(args, "limit"))
        p.limit = static_cast<std::size_t>(*limit);
    const std::size_t budget = argMaxMemory(args);
    const std::string mode = kind == "paths" ? "simple" : pathMode(args);
    auto runOne = [&](graph::EntityId a, graph::EntityId b, std::size_t maxMemory) {
        p.from = a;
        p.to = b;
        p.maxMemory = maxMemory;
        return mode == "simple"     ? simplePaths(view, p)
               : mode == "all"      ? allShortestPaths(view, p)
               : mode == "credible" ? mostCrediblePath(view, p)
                                    : shortestPath(view, p);
    };
    // One pair is the question as asked, even from an entity to itself.
    if (from.size() == 1 && to.size() == 1) return runOne(from[0], to[0], budget);
    QueryResult joined;
    joined.kind = kind;
    std::size_t found = 0;
    for (auto a : from) {
        for (auto b : to) {
            if (a == b) continue;
            // Each pair gets what the pairs before it left of the budget.
            std::size_t held = heldBytes(joined);
            if (held >= budget || joined.partial) {
                joined.partial = true;
                break;
            }
            QueryResult r = runOne(a, b, budget - held);
            found += r.table.rows.size();
            // With many pairs, the pairs without a path are the rule: say so once, at the end.
            r.notes.clear();
            append(joined, std::move(r));
        }
        if (joined.partial) break;
    }
    joined.notes.push_back(std::to_string(found) + " path(s) over " + std::to_string(from.size()) +
                           " x " + std::to_string(to.size()) + " entities");
    if (joined.partial) {
        joined.notes.push_back(memoryNote(std::to_string(found) + " paths", MemoryBudget(budget)));
    }
    joined.subgraph.normalize(view);
    return joined;
}

ArgDef fromArg() {
    return arg("from", ArgType::Entities,
               "Start: an entity id or name (saved queries: a list, or type:T for every entity "
               "of a type)")
        .mandatory()
        .positionalOnCommandLine();
}

ArgDef toArg() {
    return arg("to", ArgType::Entities, "End: an entity id or name, as for from")
        .mandatory()
        .positionalOnCommandLine();
}

}  // namespace

KindDef pathKind() {
    KindDef kind;
    kind.name = "path";
    kind.description = "Shortest path between two entities (or all shortest, or the most credible)";
    kind.args = {
        fromArg(),
        toArg(),
        connectionRelationsArg(),
        arg("max_hops", ArgType::Integer,
            "At most this many hops (0: no limit; not for --credible)")
            .byDefault("0")
            .atLeast(0),
        directedArg(),
        arg("mode", ArgType::Enum,
            "Which paths: the shortest, every shortest (all) or the most credible")
            .oneOf({"shortest", "all", "credible"})
            .byDefault("shortest"),
        arg("all", ArgType::Boolean, "Every shortest path, not just one (--mode all)")
            .commandLineOnly(),
        arg("credible", ArgType::Boolean,
            "The path whose claims are jointly the most credible (--mode credible)")
            .commandLineOnly(),
        arg("limit", ArgType::Integer, "With --all: at most this many paths").byDefault("100"),
        viaPlacesArg(),
    };
    kind.columns = kPathColumns;
    kind.run = [](const graph::GraphView& view, const Args& args, const graph::EntityFinder& finder,
                  const QueryHooks&) { return runPaths("path", args, view, finder); };
    return kind;
}

KindDef pathsKind() {
    KindDef kind;
    kind.name = "paths";
    kind.description = "Every simple path between two entities up to a number of hops";
    kind.args = {
        fromArg(),
        toArg(),
        arg("max_hops", ArgType::Integer, "At most this many hops").mandatory().atLeast(1),
        connectionRelationsArg(),
        directedArg(),
        arg("limit", ArgType::Integer, "At most this many paths, shortest first").byDefault("100"),
        viaPlacesArg(),
    };
    kind.columns = kPathColumns;
    kind.run = [](const graph::GraphView& view, const Args& args, const graph::EntityFinder& finder,
                  const QueryHooks&) { return runPaths("paths", args, view, finder); };
    return kind;
}

}  // namespace cg::queries
