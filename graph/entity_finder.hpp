// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "graph/model.hpp"

namespace cg::graph {

/// A claim about a relation as the queries that cite claims show it: its id, stance and quote,
/// and its source's id, title and address.
struct ClaimCitation {
    std::string key;
    Stance stance = Stance::Asserts;
    std::string sourceKey;
    std::string sourceTitle;
    std::string sourceUrl;
    std::string quote;
};

/// What a query needs beyond the view, read-only: the entity a user means by an id or a name,
/// and the claims behind a relation. Queries take one instead of the store, so that they
/// never write; the CLI gives one backed by the database (resolve::DatabaseEntityFinder).
class EntityFinder {
  public:
    virtual ~EntityFinder() = default;
    /// The one entity `text` names (an entity id, or a name). Throws QueryError when nothing
    /// or several entities match, or the entity is hidden by a retraction.
    virtual EntityId entity(const std::string& text) const = 0;
    /// The claims behind relation `id`, asserting and denying, in the store's order. Throws
    /// StorageError.
    virtual std::vector<ClaimCitation> claimsOfRelation(RelationId id) const = 0;
};

}  // namespace cg::graph
