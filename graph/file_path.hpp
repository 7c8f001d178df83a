// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cg::graph {

/// How the store names an ingested file, whatever spelling the ingest or a later command was
/// given (relative to the working folder, absolute, `./x`, through a symlinked folder): its
/// path relative to the database's folder when the file lies inside that folder, else its
/// absolute path, symlinks resolved in both. A path that does not exist is resolved as far as
/// it does. Never throws.
std::string recordedFilePath(const std::string& databasePath, const std::string& path);

/// A recorded file as outputs show it: a path relative to the database's folder as it is, an
/// absolute one (a file outside that folder) by its file name only, so no output names the
/// folders above the database (an investigator's home).
std::string shownFilePath(const std::string& recorded);

}  // namespace cg::graph
