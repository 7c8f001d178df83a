// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of the red-flag scan.
struct RedFlagParams {
    std::size_t minCompanies = 5;  ///< an address with at least this many entities registered
    std::size_t minBoards = 5;     ///< an entity on at least this many boards
    std::string addressRelation = "registered_at";
    std::string boardRelation = "director_of";
    std::size_t membersShown = 10;
    /// Bytes the scan and its answer may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

/// Patterns investigators look at first: addresses where many companies are registered
/// (formation agents, shell factories), people or firms sitting on many boards (nominee
/// directors) and entities whose owners' minimum shares held at the same time add up to more
/// than 100% (graph::overAllocations). One row per flag (flag, entity, type, count, linked), most
/// links first, and the subgraph of the relations behind each, within `maxMemory` (the groups
/// and boards first, then each flag with its relations; past it, partial). O(n + m). Throws
/// QueryError when the schema lacks one of the relation types.
QueryResult redFlags(const GraphView& view, const RedFlagParams& params);

/// The `red-flags` kind (redFlags).
KindDef redFlagsKind();

}  // namespace cg::queries
