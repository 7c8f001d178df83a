// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "graph/entity_finder.hpp"
#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"

namespace cg::queries {

/// Parameters of the denials listing.
struct DenialParams {
    std::vector<std::string> types;      ///< entity types of the denying side; empty: any
    std::vector<std::string> relations;  ///< relation types; empty: all
    /// Bytes the answer (rows, denying claims with their quotes) and each ownership trace may
    /// take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

/// Relations that some claim denies, with how many claims assert and deny each: who denies a
/// link to what, and the denying claims (`denied_by`: each claim's id and source) read from
/// `finder`; the detail table gives each denying claim with its source's id, title and
/// publisher and its quote. A denied `owns`, `controls` or `linked_to` that the ownership
/// walk contradicts (the subject holds the object through chains of asserted relations, or
/// controls a holder of it) says so in `contradicted_by`. Needs a view built with
/// `includeDenied`, or links denied outright are missed. One pass over the edges, O(m), plus
/// one claim look-up per denied relation and one ownership trace per denied interest.
/// Throws QueryError for an unknown type, StorageError.
QueryResult denials(const graph::GraphView& view, const graph::EntityFinder& finder,
                    const DenialParams& params);

/// The `denials` kind: relations some claim denies (denials).
KindDef denialsKind();

}  // namespace cg::queries
