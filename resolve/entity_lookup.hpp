// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "graph/model.hpp"
#include "graph/store.hpp"

namespace cg::resolve {

using graph::EntityId;
using graph::Store;

/// Finds the one entity a user means by `text`: an entity id (key) first, then a name whose
/// normalised form matches exactly. Throws QueryError when nothing matches (suggesting names
/// that contain the text), when several entities match (listing them with their ids), or
/// when the entity is hidden by a retraction, unless `allowHidden` (judgements take hidden
/// entities by id).
EntityId findEntity(Store& store, const std::string& text, bool allowHidden = false);

}  // namespace cg::resolve
