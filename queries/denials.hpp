// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "queries/result.hpp"

namespace cg::queries {

/// Parameters of the denials listing.
struct DenialParams {
    std::vector<std::string> types;      ///< entity types of the denying side; empty: any
    std::vector<std::string> relations;  ///< relation types; empty: all
};

/// Relations that some claim denies, with how many claims assert and deny each: who denies a
/// link to what. A denied `owns`, `controls` or `linked_to` that the ownership walk
/// contradicts (the subject holds the object through chains of asserted relations, or
/// controls a holder of it) says so in `contradicted_by`. Needs a view built with
/// `includeDenied`, or links denied outright are missed. One pass over the edges, O(m), plus
/// one ownership trace per denied interest.
QueryResult denials(const graph::GraphView& view, const DenialParams& params);

}  // namespace cg::queries
