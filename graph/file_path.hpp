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

/// Whether the recorded file `recorded` is the file `path` names, however it is spelled: as
/// the store records it (relative to the database's folder), as given, as outputs show it
/// (the name of a file outside that folder), or, for a file an ingest before layout 9
/// recorded relative to its working folder, by its canonical path from here. Never throws.
bool namesRecordedFile(const std::string& databasePath, const std::string& recorded,
                       const std::string& path);

}  // namespace cg::graph
