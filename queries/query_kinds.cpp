// SPDX-License-Identifier: MIT
#include "queries/query_kinds.hpp"

#include "graph/error.hpp"
#include "queries/centrality.hpp"
#include "queries/components.hpp"
#include "queries/cycles.hpp"
#include "queries/denials.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/ownership.hpp"
#include "queries/path_kinds.hpp"
#include "queries/red_flags.hpp"
#include "queries/shared_neighbours.hpp"

namespace cg::queries {

namespace {

std::vector<KindDef> withMemoryBudget(std::vector<KindDef> kinds) {
    for (auto& kind : kinds) {
        kind.args.push_back(arg("max_memory", ArgType::Integer,
                                "memory the query may take, in MB (default 1024); past it the "
                                "answer stops and is partial")
                                .savedQueryOnly());
    }
    return kinds;
}

}  // namespace

const std::vector<KindDef>& queryKinds() {
    // One line per kind; each is defined beside its algorithm.
    static const std::vector<KindDef> kinds = withMemoryBudget({
        pathKind(),
        pathsKind(),
        neighboursKind(),
        ownersKind(),
        holdingsKind(),
        cyclesKind(),
        componentsKind(),
        centralityKind(),
        sharedKind(),
        redFlagsKind(),
        denialsKind(),
    });
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

QueryResult runQueryKind(const KindDef& kind, const Args& args, const graph::GraphView& view,
                         const graph::EntityFinder& finder, const QueryHooks& hooks) {
    for (const auto& def : kind.args) {
        if (def.required && !args.count(def.name)) {
            throw QueryError("query kind '" + kind.name + "' needs argument '" + def.name + "'");
        }
    }
    return kind.run(view, args, finder, hooks);
}

}  // namespace cg::queries
