// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cg::graph {

/// What one claim says about a relation, as far as its derived values are concerned.
struct ClaimEvidence {
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

/// Folds the claims behind a relation into its derived values. Confidence is never typed in:
/// support = 1 - prod(1 - c) over asserting claims (noisy-or), dispute likewise over denying
/// claims, confidence = support * (1 - dispute). Shares are the hull of the asserted intervals,
/// flagged as conflicting when those intervals have no common point. Valid dates are the
/// earliest start and latest end of the asserting claims, open when any of them is open.
/// A relation is indirect when an asserting claim declares it indirect and none declares it
/// direct: it then sums up ownership that runs through other entities.
struct RelationDerivation {
    std::int64_t support = 0;
    std::int64_t dispute = 0;
    double missSupport = 1;  ///< prod(1 - c) over asserting claims
    double missDispute = 1;
    std::optional<double> shareMin;
    std::optional<double> shareMax;
    std::optional<double> overlapMin;
    std::optional<double> overlapMax;
    bool shareConflict = false;
    std::optional<int> validFrom;
    std::optional<int> validTo;
    bool openStart = false;
    bool openEnd = false;
    std::string firstSeen;
    std::string lastSeen;
    std::int64_t directClaims = 0;
    std::int64_t indirectClaims = 0;

    void add(const ClaimEvidence& e);
    double confidence() const;
    bool indirect() const { return indirectClaims > 0 && directClaims == 0; }
};

/// The `direct` member of a claim's attributes JSON, when it is a boolean.
std::optional<bool> directAttribute(std::string_view attributesJson);

}  // namespace cg::graph
