// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"

namespace cg::graph {

/// What one claim says about a relation, as far as its derived values are concerned.
struct ClaimEvidence {
    /// The claim's id: of two equally confident claims of one source, the lower id counts.
    ClaimId claim = 0;
    SourceId source = 0;  ///< the source that makes the claim: its claims are one witness
    bool denies = false;
    double confidence = 1;
    std::optional<double> shareMin;
    std::optional<double> shareMax;
    std::string validFrom;  ///< ISO partial date or empty when open
    std::string validTo;
    std::string seen;  ///< the source's publication date, may be empty
    /// The claim's `direct` attribute: false for a declared indirect interest (BODS
    /// `directOrIndirect: indirect`), true for a direct one, nothing when not said.
    std::optional<bool> direct;
};

/// What one source says about a relation. All its claims are one witness: its most confident
/// asserting claim is what it asserts, its most confident denying claim what it denies, and
/// its figure is the hull of the share intervals its asserting claims give.
struct SourceWitness {
    SourceId source = 0;
    std::int64_t asserting = 0;  ///< its asserting claims
    std::int64_t denying = 0;    ///< its denying claims
    ClaimId assertClaim = 0;     ///< the asserting claim that counts (when asserting > 0)
    double assertConfidence = 0;
    ClaimId denyClaim = 0;  ///< the denying claim that counts (when denying > 0)
    double denyConfidence = 0;
    std::optional<double> shareMin;
    std::optional<double> shareMax;
};

/// Folds the claims behind a relation into its derived values. Confidence is never typed in.
/// Claims are first combined per source (SourceWitness): one article's two sentences are one
/// witness, not two. Support is then the noisy-or across the asserting sources,
/// 1 - prod(1 - c_source), dispute likewise across the denying sources, and
/// confidence = support * (1 - dispute). Shares are the hull of the asserted intervals,
/// flagged as conflicting when they have no common point. When two sources' figures do not
/// meet (sourcesDisagree), the sources do not reinforce each other: support is then the best
/// single source's. Valid dates are the earliest start and
/// latest end of the asserting claims, open when any of them is open. A relation is indirect
/// when an asserting claim declares it indirect and none declares it direct: it then sums up
/// ownership that runs through other entities. The result does not depend on the order in
/// which claims are added.
struct RelationDerivation {
    std::int64_t support = 0;              ///< asserting claims
    std::int64_t dispute = 0;              ///< denying claims
    std::vector<SourceWitness> witnesses;  ///< one per source, by source id
    std::optional<double> shareMin;
    std::optional<double> shareMax;
    std::optional<double> overlapMin;  ///< the highest lower end of the asserted intervals
    std::optional<double> overlapMax;  ///< the lowest upper end
    bool shareConflict = false;        ///< the asserted intervals have no common point
    bool sourcesDisagree = false;      ///< two sources' figures have no common point
    std::optional<int> validFrom;
    std::optional<int> validTo;
    bool openStart = false;
    bool openEnd = false;
    std::string firstSeen;
    std::string lastSeen;
    std::int64_t directClaims = 0;
    std::int64_t indirectClaims = 0;

    void add(const ClaimEvidence& e);
    /// How strongly the sources assert the relation, in [0, 1].
    double supportConfidence() const;
    /// How strongly the sources deny it, in [0, 1].
    double disputeConfidence() const;
    double confidence() const;
    /// The most confident asserting source (the lower source id on a tie), or nothing.
    const SourceWitness* bestWitness() const;
    /// Asserting sources.
    std::int64_t assertingSources() const;
    bool indirect() const { return indirectClaims > 0 && directClaims == 0; }

  private:
    void settleSources();
};

/// The derived values of a relation with these claims; the same whatever their order.
RelationDerivation deriveRelation(const std::vector<ClaimEvidence>& claims);

/// The `direct` member of a claim's attributes JSON, when it is a boolean.
std::optional<bool> directAttribute(std::string_view attributesJson);

}  // namespace cg::graph
