// SPDX-License-Identifier: MIT
#include "graph/read_only_open.hpp"

#include <unistd.h>

#include <filesystem>

namespace cg::graph {

namespace {

std::string folderOf(const std::string& path) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    return folder.empty() ? "." : folder;
}

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

// SQLite decodes %HH in a URI's path; '?' and '#' would end it, '%' would start an escape.
std::string uriPath(const std::string& path) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (c <= 0x20 || c >= 0x7F || c == '%' || c == '?' || c == '#') {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

bool databaseWritable(const std::string& path) {
    if (exists(path) && ::access(path.c_str(), W_OK) != 0) return false;
    return ::access(folderOf(path).c_str(), W_OK | X_OK) == 0;
}

std::string readOnlyDatabaseUri(const std::string& path) {
    std::string uri = "file:" + uriPath(path);
    // A -wal file means a writer is at work (or was killed): its commits are read through the
    // shared -shm index, which must exist or be creatable. Without one, the file holds every
    // commit and is read as it is; immutable=1 takes no locks, so a writer that starts while
    // this runs is not seen (only one who may write the file can start one: documented).
    bool log = exists(path + "-wal");
    bool shared = exists(path + "-shm") || ::access(folderOf(path).c_str(), W_OK | X_OK) == 0;
    return uri + (log && shared ? "?mode=ro" : "?immutable=1");
}

}  // namespace cg::graph
