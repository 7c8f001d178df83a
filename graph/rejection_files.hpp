// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "graph/store.hpp"

namespace cg::graph {

/// The files with stored rejections that `path` names, however it is spelled
/// (namesRecordedFile): as given to `ingest`, as outputs show it, or standard input's name.
/// Empty when none does; more than one when two files outside the database's folder share
/// the name outputs show.
std::vector<std::string> rejectionFilesNamed(Store& store, const std::string& path);

}  // namespace cg::graph
