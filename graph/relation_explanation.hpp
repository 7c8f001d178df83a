// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "graph/model.hpp"
#include "graph/relation_evidence.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// One relation's claims and how its derived values follow from them, as `explain` shows it.
struct RelationExplanation {
    RelationId relation = 0;
    std::vector<ClaimRow> claims;  ///< in claim id order
    RelationDerivation derivation;

    /// The claim with this id among `claims`, or nothing.
    const ClaimRow* claim(ClaimId id) const;
    /// The claims of one source, in claim id order.
    std::vector<const ClaimRow*> claimsOf(SourceId source) const;
};

/// What a stored claim says about its relation.
ClaimEvidence claimEvidence(const ClaimRow& c);

/// The relations these claims are filed under, in relation id order, each with its claims
/// and the derivation they give (deriveRelation); property claims are left out. The
/// derivation is the stored one as long as `claims` holds every claim of each relation.
std::vector<RelationExplanation> explainRelations(const std::vector<ClaimRow>& claims);

}  // namespace cg::graph
