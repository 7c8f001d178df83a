// SPDX-License-Identifier: MIT
#include "graph/file_path.hpp"

#include <filesystem>
#include <system_error>

namespace cg::graph {

namespace {

namespace fs = std::filesystem;

fs::path resolved(const fs::path& path) {
    std::error_code error;
    fs::path absolute = fs::absolute(path, error);
    if (error) return path.lexically_normal();
    fs::path canonical = fs::weakly_canonical(absolute, error);
    return error ? absolute.lexically_normal() : canonical;
}

}  // namespace

std::string recordedFilePath(const std::string& databasePath, const std::string& path) {
    fs::path file = resolved(path);
    // ":memory:" and other names without a folder resolve to the working folder.
    fs::path parent = fs::path(databasePath).parent_path();
    fs::path folder = resolved(parent.empty() ? fs::path(".") : parent);
    fs::path relative = file.lexically_relative(folder);
    if (!relative.empty() && *relative.begin() != ".." && *relative.begin() != ".") {
        return relative.generic_string();
    }
    return file.string();
}

std::string shownFilePath(const std::string& recorded) {
    fs::path p(recorded);
    return p.is_absolute() ? p.filename().string() : recorded;
}

bool namesRecordedFile(const std::string& databasePath, const std::string& recorded,
                       const std::string& path) {
    auto canonical = [](const std::string& p) {
        std::error_code error;
        auto c = fs::weakly_canonical(p, error);
        return error ? p : c.string();
    };
    return recorded == path || recorded == recordedFilePath(databasePath, path) ||
           (fs::path(recorded).is_absolute() && shownFilePath(recorded) == path) ||
           canonical(recorded) == canonical(path);
}

}  // namespace cg::graph
