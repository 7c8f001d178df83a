// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cg::ingest {

/// The file name of `path` without its directory and without the extensions readers know
/// (.json, .jsonl, .ijson, .ndjson, .csv, .ftm, .bods, .entities), for source keys.
std::string fileStem(const std::string& path);

}  // namespace cg::ingest
