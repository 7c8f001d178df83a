// SPDX-License-Identifier: MIT
#include "ingest/folder_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "graph/error.hpp"
#include "ingest/format_detection.hpp"
#include "ingest/ingest.hpp"

namespace cg::ingest {

namespace {

namespace fs = std::filesystem;

// A header line is enough to tell ICIJ's files; 64 KiB holds any of theirs.
bool isIcijFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(1u << 16, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return formatOfContent(head) == "icij";
}

bool isRelationships(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string header;
    std::getline(in, header);
    return header.find("node_id_start") != std::string::npos;
}

}  // namespace

FolderInput folderInput(const std::string& folder) {
    FolderInput input;
    std::vector<std::string> files;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) throw RefusedFile(cat(folder, ": cannot list the folder: ", ec.message()));
    for (const auto& entry : it) {
        std::string name = entry.path().filename().string();
        std::string path = (fs::path(folder) / name).string();
        if (name.empty() || name[0] == '.') continue;
        if (entry.is_directory(ec)) {
            input.warnings.push_back(path +
                                     ": a folder inside the folder, not read (ingest it "
                                     "on its own)");
            continue;
        }
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> csv, other;
    for (const auto& f : files) (fs::path(f).extension() == ".csv" ? csv : other).push_back(f);
    input.icij = !csv.empty() && std::all_of(csv.begin(), csv.end(),
                                             [](const std::string& f) { return isIcijFile(f); });
    if (!input.icij) {
        input.files = std::move(files);
        return input;
    }
    // Nodes before the relationships between them, so that every relation finds its ends
    // described rather than as stubs filled in later.
    std::stable_partition(csv.begin(), csv.end(),
                          [](const std::string& f) { return !isRelationships(f); });
    input.files = std::move(csv);
    for (const auto& f : other) {
        input.warnings.push_back(f + ": not one of the ICIJ dataset's CSV files, not read");
    }
    return input;
}

}  // namespace cg::ingest
