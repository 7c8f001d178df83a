// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of the shared-neighbour query.
struct SharedParams {
    std::string via =
        "registered_at";            ///< the relation type the entities share a neighbour through
    std::size_t minShared = 2;      ///< smallest group listed
    std::size_t top = 50;           ///< at most this many groups; 0: all
    std::size_t membersShown = 10;  ///< names shown per group in the table
    /// Bytes the scan and its answer may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

/// One entity and the entities linked to it through the relation.
struct SharedGroup {
    Node shared = 0;
    std::vector<Node> members;  ///< distinct, in view order
};

/// For every entity at the object end of a `via` relation (an address, a board), the distinct
/// entities at the subject end (the companies registered there, its directors); for an
/// undirected relation, every entity with its neighbours through it. Only groups of at least
/// `minShared` members, largest first, then by position. O(n + m).
std::vector<SharedGroup> sharedNeighbourGroups(const GraphView& view, const std::string& via,
                                               std::size_t minShared);

/// Entities that share a neighbour through a relation type: one row per shared neighbour
/// (shared, type, count, members) and the subgraph of those relations, within `maxMemory`
/// (the groups first, then each listed group with its relations; past it, partial). Throws
/// QueryError on an unknown relation type.
QueryResult sharedNeighbours(const GraphView& view, const SharedParams& params);

/// The `shared` kind: entities sharing a neighbour (sharedNeighbours).
KindDef sharedKind();

}  // namespace cg::queries
