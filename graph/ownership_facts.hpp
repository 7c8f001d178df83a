// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "graph/model.hpp"

namespace cg::graph {

class GraphView;
class Store;

/// A nominee arrangement: `nominee` represents `principal` (a `represents` relation whose
/// role names a nominee), through the relation in edge `represents`.
struct NomineeLink {
    std::uint32_t nominee = 0;
    std::uint32_t principal = 0;
    std::uint32_t represents = 0;  ///< the view's edge of the `represents` relation
};

/// A relation that speaks of an interest (`owns`, `controls`, `linked_to`) and that some claim
/// denies: "M. denies any interest in K." Kept whether or not the view holds the relation
/// itself (a relation denied outright is left out of views built without includeDenied).
struct DeniedInterest {
    RelationId relation = 0;
    std::uint32_t subject = 0;  ///< the view's node of the relation's subject
    std::uint32_t object = 0;
    std::string type;
    bool directed = true;
    bool asserted = false;            ///< some claim asserts it too (it is disputed)
    std::vector<std::string> claims;  ///< keys of the denying claims, in claim id order
};

/// What the ownership queries read besides the relations' own values: nominee arrangements
/// (which `owns` relations a nominee holds for someone else, and for whom) and denied
/// interests. Loaded with the view; a graph with no `represents` relation and no denied
/// interest costs nothing to load and holds nothing.
class OwnershipFacts {
  public:
    /// Reads the claims behind the candidate relations the view build collected: a
    /// `represents` relation is a nominee link when an asserting claim's `role` contains
    /// "nominee"; an `owns` relation of a nominee is a nominee holding when an asserting claim
    /// says `"beneficial": false` and none says true; the keys of each denied interest's
    /// denying claims. O(claims of those relations) index look-ups. Throws StorageError.
    static OwnershipFacts load(Store& store, const GraphView& view,
                               const std::vector<std::uint32_t>& representsEdges,
                               std::vector<DeniedInterest> denied);

    bool hasNominees() const { return !byNominee_.empty(); }
    /// Whether `owns` edge `e` is held by a nominee for someone else. O(log h).
    bool nomineeHolding(std::uint32_t e) const;
    /// The people or firms `nominee` stands in for, by principal.
    std::span<const NomineeLink> principalsOf(std::uint32_t nominee) const;
    /// The nominees standing in for `principal`, by nominee.
    std::span<const NomineeLink> nomineesOf(std::uint32_t principal) const;

    /// Every denied interest, by relation id.
    const std::vector<DeniedInterest>& deniedInterests() const { return denied_; }
    /// The denied interests with `node` at either end. O(denied interests).
    std::vector<const DeniedInterest*> denialsTouching(std::uint32_t node) const;

    std::size_t memoryBytes() const;

  private:
    std::vector<std::uint32_t> holdings_;  // nominee holdings, sorted
    std::vector<NomineeLink> byNominee_;
    std::vector<NomineeLink> byPrincipal_;
    std::vector<DeniedInterest> denied_;
};

}  // namespace cg::graph
