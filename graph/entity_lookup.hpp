// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "graph/model.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// Finds the one entity a user means by `text`: an entity id (key) first, then a name whose
/// normalised form matches exactly. Throws QueryError when nothing matches (suggesting names
/// that contain the text) or when several entities match (listing them with their ids).
EntityId findEntity(Store& store, const std::string& text);

}  // namespace cg::graph
