// SPDX-License-Identifier: MIT
#include "queries/query_kinds.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "graph/date.hpp"
#include "graph/error.hpp"
#include "queries/all_shortest_paths.hpp"
#include "queries/centrality.hpp"
#include "queries/components.hpp"
#include "queries/cycles.hpp"
#include "queries/denials.hpp"
#include "queries/most_credible_path.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/ownership.hpp"
#include "queries/red_flags.hpp"
#include "queries/shared_neighbours.hpp"
#include "queries/shortest_path.hpp"
#include "queries/simple_paths.hpp"

namespace cg::queries {

namespace {

constexpr std::size_t kMaxPairs = 10000;

const std::vector<std::pair<ArgType, const char*>> kTypeNames = {
    {ArgType::Entity, "entity"}, {ArgType::Entities, "entities"}, {ArgType::String, "string"},
    {ArgType::Number, "number"}, {ArgType::Integer, "integer"},   {ArgType::Boolean, "boolean"},
    {ArgType::Date, "date"},     {ArgType::Enum, "enum"},         {ArgType::Relations, "relations"},
    {ArgType::Types, "types"},
};

ArgDef arg(const char* name, ArgType type, const char* description, bool required = false,
           std::vector<std::string> values = {}) {
    return ArgDef{name, type, required, std::move(values), description};
}

std::vector<KindDef> makeKinds() {
    auto relations = arg("relations", ArgType::Relations,
                         "relation types to follow; empty: all but location and mention");
    auto directed =
        arg("directed", ArgType::Boolean, "follow relations from subject to object only");
    auto viaPlaces = arg("via_places", ArgType::Boolean,
                         "also follow location relations and pass through places and positions");
    std::vector<KindDef> kinds = {
        {"path",
         "shortest, all shortest or most credible path between entities (or sets of them)",
         {arg("from", ArgType::Entities, "start entities", true),
          arg("to", ArgType::Entities, "end entities", true), relations,
          arg("max_hops", ArgType::Integer, "longest path, in relations; 0: no limit"), directed,
          arg("mode", ArgType::Enum, "which paths", false, {"shortest", "all", "credible"}),
          arg("limit", ArgType::Integer, "at most this many paths per pair (all shortest)"),
          viaPlaces},
         false},
        {"paths",
         "all simple paths up to a number of hops",
         {arg("from", ArgType::Entities, "start entities", true),
          arg("to", ArgType::Entities, "end entities", true),
          arg("max_hops", ArgType::Integer, "longest path, in relations", true), relations,
          directed, arg("limit", ArgType::Integer, "at most this many paths per pair"), viaPlaces},
         false},
        {"neighbours",
         "the entities within k hops, with a cap per node",
         {arg("entity", ArgType::Entity, "centre", true), arg("hops", ArgType::Integer, "how far"),
          arg("cap", ArgType::Integer, "at most this many new neighbours per node; 0: no cap"),
          relations, directed, viaPlaces},
         false},
        {"owners",
         "who ultimately owns an entity, with multiplied share intervals and the chains behind "
         "them",
         {arg("entity", ArgType::Entity, "the owned entity", true),
          arg("threshold", ArgType::Number, "percent an owner's upper bound must reach"),
          arg("max_depth", ArgType::Integer, "longest chain, in hops")},
         false},
        {"holdings",
         "what an entity ultimately owns",
         {arg("entity", ArgType::Entity, "the owner", true),
          arg("threshold", ArgType::Number, "percent a holding's upper bound must reach"),
          arg("max_depth", ArgType::Integer, "longest chain, in hops")},
         false},
        {"cycles",
         "circular ownership",
         {relations, arg("limit", ArgType::Integer, "at most this many cycles")},
         false},
        {"components",
         "connected groups of entities",
         {arg("strong", ArgType::Boolean, "strongly connected, following direction"), relations,
          arg("min_size", ArgType::Integer, "smallest component listed"),
          arg("top", ArgType::Integer, "components listed"), viaPlaces},
         false},
        {"centrality",
         "who sits at the centre",
         {arg("metric", ArgType::Enum, "the measure", false,
              {"degree", "betweenness", "pagerank", "closeness", "harmonic", "eigenvector"}),
          arg("top", ArgType::Integer, "rows shown"),
          arg("samples", ArgType::Integer, "betweenness: sampled sources; 0: exact"), relations,
          directed, viaPlaces},
         false},
        {"shared",
         "entities sharing a neighbour through one relation type (companies at one address)",
         {arg("via", ArgType::String, "the relation type", true),
          arg("min", ArgType::Integer, "smallest group"),
          arg("top", ArgType::Integer, "groups listed")},
         false},
        {"red-flags",
         "addresses with many companies, people on many boards, owners over 100%",
         {arg("min_companies", ArgType::Integer, "companies at one address"),
          arg("min_directorships", ArgType::Integer, "boards per person")},
         false},
        {"denials",
         "relations that some claim denies: who denies a link to what",
         {arg("types", ArgType::Types, "entity types of the denying side; empty: any"), relations},
         true},
    };
    // Every kind runs within a memory budget (MemoryBudget), which a saved query may set.
    for (auto& kind : kinds) {
        kind.args.push_back(arg("max_memory", ArgType::Integer,
                                "memory the query may take, in MB (default 1024); past it the "
                                "answer stops and is partial"));
    }
    return kinds;
}

template <typename T>
std::optional<T> get(const Args& args, const std::string& name) {
    auto it = args.find(name);
    if (it == args.end()) return std::nullopt;
    if (const T* v = std::get_if<T>(&it->second)) return *v;
    return std::nullopt;
}

std::vector<std::string> list(const Args& args, const std::string& name) {
    return get<std::vector<std::string>>(args, name).value_or(std::vector<std::string>{});
}

graph::EntityId entity(const Args& args, const std::string& name,
                       const graph::EntityFinder& finder) {
    auto text = get<std::string>(args, name);
    if (!text) throw QueryError("missing argument '" + name + "'");
    return finder.entity(*text);
}

std::vector<graph::EntityId> entitySet(const Args& args, const std::string& name,
                                       const graph::GraphView& view,
                                       const graph::EntityFinder& finder) {
    std::vector<std::string> items = list(args, name);
    if (items.empty()) {
        if (auto one = get<std::string>(args, name)) items.push_back(*one);
    }
    if (items.empty()) throw QueryError("missing argument '" + name + "'");
    std::vector<graph::EntityId> out;
    const auto& schema = view.schema();
    for (const auto& item : items) {
        if (item.rfind("type:", 0) == 0) {
            std::string typeName = item.substr(5);
            auto t = schema.entityTypeId(typeName);
            if (!t)
                throw QueryError(name + ": unknown entity type '" + typeName + "' (expected " +
                                 schema.entityTypeList() + ")");
            for (graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
                if (schema.isA(view.nodeType(v), *t)) out.push_back(view.entityId(v));
            }
            continue;
        }
        out.push_back(finder.entity(item));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The budget of the query in bytes: max_memory (MB) when given, else the default; 0 MB and
// values past 16 TB are refused, as `--max-memory` refuses them.
std::size_t maxMemory(const Args& args) {
    auto mb = get<std::int64_t>(args, "max_memory");
    if (!mb) return MemoryBudget::kDefaultBytes;
    if (*mb < 1 || *mb > (std::int64_t{1} << 24))
        throw QueryError("max_memory: " + std::to_string(*mb) +
                         " MB is not between 1 and 16777216");
    return static_cast<std::size_t>(*mb) << 20;
}

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

QueryResult runPaths(const KindDef& kind, const Args& args, const graph::GraphView& view,
                     const graph::EntityFinder& finder) {
    auto from = entitySet(args, "from", view, finder);
    auto to = entitySet(args, "to", view, finder);
    if (from.size() * to.size() > kMaxPairs) {
        throw QueryError(std::to_string(from.size() * to.size()) +
                         " pairs of entities: narrow 'from' or 'to' (at most " +
                         std::to_string(kMaxPairs) + ")");
    }
    PathParams p;
    p.relations = list(args, "relations");
    p.maxHops = static_cast<int>(get<std::int64_t>(args, "max_hops").value_or(0));
    p.directed = get<bool>(args, "directed").value_or(false);
    p.viaPlaces = get<bool>(args, "via_places").value_or(false);
    if (auto limit = get<std::int64_t>(args, "limit")) p.limit = static_cast<std::size_t>(*limit);
    const std::size_t budget = maxMemory(args);
    std::string mode =
        kind.name == "paths" ? "simple" : get<std::string>(args, "mode").value_or("shortest");
    QueryResult joined;
    joined.kind = kind.name;
    std::size_t found = 0;
    for (auto a : from) {
        for (auto b : to) {
            if (a == b) continue;
            p.from = a;
            p.to = b;
            // Each pair gets what the pairs before it left of the budget.
            std::size_t held = heldBytes(joined);
            if (held >= budget || joined.partial) {
                joined.partial = true;
                break;
            }
            p.maxMemory = budget - held;
            QueryResult r = mode == "simple"     ? simplePaths(view, p)
                            : mode == "all"      ? allShortestPaths(view, p)
                            : mode == "credible" ? mostCrediblePath(view, p)
                                                 : shortestPath(view, p);
            found += r.table.rows.size();
            // With many pairs, the pairs without a path are the rule: say so once, at the end.
            if (from.size() * to.size() > 1) r.notes.clear();
            append(joined, std::move(r));
        }
        if (joined.partial) break;
    }
    if (from.size() * to.size() > 1) {
        joined.notes.push_back(std::to_string(found) + " path(s) over " +
                               std::to_string(from.size()) + " x " + std::to_string(to.size()) +
                               " entities");
        if (joined.partial) {
            joined.notes.push_back(
                memoryNote(std::to_string(found) + " paths", MemoryBudget(budget)));
        }
    }
    joined.subgraph.normalize(view);
    return joined;
}

}  // namespace

std::string argTypeName(ArgType type) {
    for (const auto& [t, name] : kTypeNames) {
        if (t == type) return name;
    }
    return "?";
}

std::optional<ArgType> argTypeNamed(const std::string& name) {
    for (const auto& [t, n] : kTypeNames) {
        if (name == n) return t;
    }
    return std::nullopt;
}

std::string argTypeList() {
    std::string out;
    for (const auto& [t, name] : kTypeNames) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

const std::vector<KindDef>& queryKinds() {
    static const std::vector<KindDef> kinds = makeKinds();
    return kinds;
}

const KindDef* queryKind(const std::string& name) {
    for (const auto& k : queryKinds()) {
        if (k.name == name) return &k;
    }
    return nullptr;
}

std::string queryKindList() {
    std::string out;
    for (const auto& k : queryKinds()) out += (out.empty() ? "" : ", ") + k.name;
    return out;
}

ArgValue parseArgText(const ArgDef& def, const std::string& text, const std::string& where) {
    auto splitList = [](const std::string& s) {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (start <= s.size()) {
            std::size_t end = s.find(',', start);
            if (end == std::string::npos) end = s.size();
            std::string item = s.substr(start, end - start);
            while (!item.empty() && item.front() == ' ') item.erase(0, 1);
            while (!item.empty() && item.back() == ' ') item.pop_back();
            if (!item.empty()) out.push_back(item);
            start = end + 1;
        }
        return out;
    };
    switch (def.type) {
        case ArgType::Entity:
        case ArgType::String:
            if (text.empty()) throw QueryError(where + ": empty value");
            return text;
        case ArgType::Entities:
        case ArgType::Relations:
        case ArgType::Types:
            return splitList(text);
        case ArgType::Number: {
            errno = 0;
            char* end = nullptr;
            double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0' || errno != 0 || !std::isfinite(v)) {
                throw QueryError(where + ": '" + text + "' is not a number");
            }
            return v;
        }
        case ArgType::Integer: {
            errno = 0;
            char* end = nullptr;
            long long v = std::strtoll(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || errno != 0 || v < 0) {
                throw QueryError(where + ": '" + text + "' is not a whole number of zero or more");
            }
            return static_cast<std::int64_t>(v);
        }
        case ArgType::Boolean:
            if (text == "true" || text == "yes" || text == "1") return true;
            if (text == "false" || text == "no" || text == "0") return false;
            throw QueryError(where + ": '" + text + "' is not true or false");
        case ArgType::Date: {
            std::string error;
            auto d = graph::PartialDate::parse(text, &error);
            if (!d) throw QueryError(where + ": " + error);
            return d->text();
        }
        case ArgType::Enum: {
            if (std::find(def.values.begin(), def.values.end(), text) == def.values.end()) {
                std::string values;
                for (const auto& v : def.values) values += (values.empty() ? "" : ", ") + v;
                throw QueryError(where + ": '" + text + "' is not one of " + values);
            }
            return text;
        }
    }
    return std::monostate{};
}

QueryResult runQueryKind(const KindDef& kind, const Args& args, const graph::GraphView& view,
                         const graph::EntityFinder& finder) {
    for (const auto& def : kind.args) {
        if (def.required && !args.count(def.name)) {
            throw QueryError("query kind '" + kind.name + "' needs argument '" + def.name + "'");
        }
    }
    const std::string& k = kind.name;
    if (k == "path" || k == "paths") return runPaths(kind, args, view, finder);
    if (k == "neighbours") {
        NeighbourhoodParams p;
        p.entity = entity(args, "entity", finder);
        p.hops = static_cast<int>(get<std::int64_t>(args, "hops").value_or(p.hops));
        p.cap = static_cast<std::size_t>(
            get<std::int64_t>(args, "cap").value_or(static_cast<std::int64_t>(p.cap)));
        p.relations = list(args, "relations");
        p.directed = get<bool>(args, "directed").value_or(false);
        p.viaPlaces = get<bool>(args, "via_places").value_or(false);
        p.maxMemory = maxMemory(args);
        return neighbourhood(view, p);
    }
    if (k == "owners" || k == "holdings") {
        OwnershipParams p;
        p.entity = entity(args, "entity", finder);
        p.threshold = get<double>(args, "threshold").value_or(p.threshold);
        p.maxDepth = static_cast<int>(get<std::int64_t>(args, "max_depth").value_or(p.maxDepth));
        p.maxMemory = maxMemory(args);
        return k == "owners" ? owners(view, p) : holdings(view, p);
    }
    if (k == "cycles") {
        CycleParams p;
        if (auto r = list(args, "relations"); !r.empty()) p.relations = r;
        p.limit = static_cast<std::size_t>(
            get<std::int64_t>(args, "limit").value_or(static_cast<std::int64_t>(p.limit)));
        p.maxMemory = maxMemory(args);
        return cycles(view, p);
    }
    if (k == "components") {
        ComponentParams p;
        p.strong = get<bool>(args, "strong").value_or(false);
        p.relations = list(args, "relations");
        p.viaPlaces = get<bool>(args, "via_places").value_or(false);
        p.minSize = static_cast<std::size_t>(
            get<std::int64_t>(args, "min_size").value_or(static_cast<std::int64_t>(p.minSize)));
        p.top = static_cast<std::size_t>(
            get<std::int64_t>(args, "top").value_or(static_cast<std::int64_t>(p.top)));
        p.maxMemory = maxMemory(args);
        return components(view, p);
    }
    if (k == "centrality") {
        CentralityParams p;
        p.metric = *centralityMetric(get<std::string>(args, "metric").value_or("degree"));
        p.top = static_cast<std::size_t>(
            get<std::int64_t>(args, "top").value_or(static_cast<std::int64_t>(p.top)));
        p.samples = static_cast<std::uint32_t>(get<std::int64_t>(args, "samples").value_or(0));
        p.relations = list(args, "relations");
        p.directed = get<bool>(args, "directed").value_or(false);
        p.viaPlaces = get<bool>(args, "via_places").value_or(false);
        p.maxMemory = maxMemory(args);
        return centrality(view, p);
    }
    if (k == "shared") {
        SharedParams p;
        p.via = *get<std::string>(args, "via");
        p.minShared = static_cast<std::size_t>(
            get<std::int64_t>(args, "min").value_or(static_cast<std::int64_t>(p.minShared)));
        p.top = static_cast<std::size_t>(
            get<std::int64_t>(args, "top").value_or(static_cast<std::int64_t>(p.top)));
        p.maxMemory = maxMemory(args);
        return sharedNeighbours(view, p);
    }
    if (k == "red-flags") {
        RedFlagParams p;
        p.minCompanies =
            static_cast<std::size_t>(get<std::int64_t>(args, "min_companies")
                                         .value_or(static_cast<std::int64_t>(p.minCompanies)));
        p.minDirectorships =
            static_cast<std::size_t>(get<std::int64_t>(args, "min_directorships")
                                         .value_or(static_cast<std::int64_t>(p.minDirectorships)));
        p.maxMemory = maxMemory(args);
        return redFlags(view, p);
    }
    if (k == "denials") {
        DenialParams p;
        p.types = list(args, "types");
        p.relations = list(args, "relations");
        p.maxMemory = maxMemory(args);
        return denials(view, finder, p);
    }
    throw QueryError("unknown query kind '" + k + "' (expected " + queryKindList() + ")");
}

}  // namespace cg::queries
