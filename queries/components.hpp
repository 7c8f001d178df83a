// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of the connected components query.
struct ComponentParams {
    bool strong = false;                 ///< strongly connected (relations followed by direction)
    std::vector<std::string> relations;  ///< relation types that connect; empty: the
                                         ///< connection default (RelationSet::connections)
    bool viaPlaces = false;              ///< location relations connect, and places and posts too
    std::size_t minSize = 2;             ///< smaller components are counted, not listed
    std::size_t top = 50;                ///< at most this many components listed; 0: all
    std::size_t membersShown = 5;        ///< names shown per component in the table
    /// Bytes the search and its answer may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

/// The component of every node, numbered from 0 by decreasing size (ties: the component
/// holding the lower node first). Weak components ignore direction; strong ones follow it,
/// with undirected relations linking both ways. Weak: union-find (path halving, the lower root
/// kept) over the relations as one flat list of (subject, object); strong: Tarjan's algorithm
/// with an explicit stack, reading the view's rows directly, no copy of the view. O(n + m)
/// time (union-find: almost linear). Memory besides the 4-byte answer per node: weak, 8 bytes
/// per node and a transient 4 per relation (the subjects, listed without a loop per node);
/// strong, a 12-byte row per node, 4 bytes per reverse step of an undirected relation and
/// per subject, and the search's stacks, reserved for every node (4 bytes and a frame each)
/// but touched only as deep as a search goes.
std::vector<std::uint32_t> componentOf(const GraphView& view, const RelationSet& relations,
                                       bool strong);

/// One row per component of at least minSize entities (component, size, members), largest
/// first, with the subgraph of the listed components and the relations inside them, and a
/// note with the total count. Within `maxMemory`: the search's arrays first, then each listed
/// component with its entities and relations in the subgraph; past it the answer stops at the
/// last component that fits and is partial. Throws QueryError on an unknown relation type.
QueryResult components(const GraphView& view, const ComponentParams& params);

/// The `components` kind (components).
KindDef componentsKind();

}  // namespace cg::queries
