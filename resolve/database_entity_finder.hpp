// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/entity_finder.hpp"
#include "graph/store.hpp"

namespace cg::resolve {

using graph::ClaimCitation;
using graph::EntityFinder;
using graph::EntityId;
using graph::RelationId;
using graph::Store;

/// An EntityFinder that reads the database: entities as findEntity finds them, claims as
/// Store::claimsOfRelation lists them, with each source's address read once, at the first
/// claim asked for.
class DatabaseEntityFinder final : public EntityFinder {
  public:
    explicit DatabaseEntityFinder(Store& store) : store_(store) {}

    EntityId entity(const std::string& text) const override;
    std::vector<ClaimCitation> claimsOfRelation(RelationId id) const override;

  private:
    Store& store_;
    mutable std::map<std::string, std::string> urls_;  // by source id
    mutable bool urlsRead_ = false;
};

}  // namespace cg::resolve
