// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "queries/saved_query.hpp"

namespace cg::cli {

/// A saved query by name from the database (the latest version, or `version` when above 0),
/// or from a file when `target` is a path to one. Throws QueryError listing the saved queries
/// when there is no such name.
queries::SavedQuery loadSavedQuery(Context& ctx, const std::string& target, int version);

/// `--param NAME=VALUE` options as a map; throws QueryError for one without '='.
std::map<std::string, std::string> parseParams(const std::vector<std::string>& given);

}  // namespace cg::cli
