// SPDX-License-Identifier: MIT
#include "ingest/file_stem.hpp"

#include <filesystem>
#include <string_view>

namespace cg::ingest {

std::string fileStem(const std::string& path) {
    std::string name = std::filesystem::path(path).filename().string();
    const char* const known[] = {".json", ".jsonl", ".ijson",    ".ndjson", ".csv",
                                 ".ftm",  ".bods",  ".entities", ".txt"};
    for (bool again = true; again;) {
        again = false;
        for (const char* ext : known) {
            std::string_view e(ext);
            if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
                name.resize(name.size() - e.size());
                again = true;
            }
        }
    }
    return name;
}

}  // namespace cg::ingest
