// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace cg::ingest {

/// The files of a folder given to `ingest`, in the order they are read.
struct FolderInput {
    std::vector<std::string> files;
    /// The folder holds the CSV files of ICIJ's Offshore Leaks database (every CSV file's
    /// header is one of ICIJ's): they are one dataset, read nodes first, relationships last.
    bool icij = false;
    std::vector<std::string> warnings;  ///< what was left out (sub-folders, other files)
};

/// What `ingest FOLDER` reads: the ICIJ dataset of the folder, or else every file in it
/// sorted by name (byte order), without going into its sub-folders; hidden files (a name
/// starting with '.') are left out. Paths are `folder/name`. Throws RefusedFile when the
/// folder cannot be listed. Reads the first bytes of each CSV file.
FolderInput folderInput(const std::string& folder);

}  // namespace cg::ingest
