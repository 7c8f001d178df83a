// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "graph/entity_finder.hpp"
#include "graph/view.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"

namespace cg::queries {

/// Every query kind saved queries and `query` commands can run, in a stable order, each with
/// `max_memory` added (every kind runs within a memory budget, MemoryBudget).
const std::vector<KindDef>& queryKinds();
/// The kind named `name`, or nullptr.
const KindDef* queryKind(const std::string& name);
/// "path, paths, neighbours, ..." for error messages.
std::string queryKindList();

/// Runs `kind` on `view` with `args`: entity arguments are looked up by `finder` (an id or a
/// name; QueryError when nothing or several match); entity sets also take `type:T` to mean
/// every entity of type T in the view. A path query between sets runs once per pair and
/// joins the results. Throws QueryError when a required argument is missing.
QueryResult runQueryKind(const KindDef& kind, const Args& args, const graph::GraphView& view,
                         const graph::EntityFinder& finder, const QueryHooks& hooks = {});

}  // namespace cg::queries
