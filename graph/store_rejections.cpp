// SPDX-License-Identifier: MIT
// The rejections the store keeps: listed and cleared per file.
#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/rejection_files.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

namespace {

// " WHERE file IN (?, ...)" for `n` files; empty for none (every file).
std::string whereFileIn(std::size_t n) {
    if (n == 0) return "";
    std::string sql = " WHERE file IN (";
    for (std::size_t i = 0; i < n; ++i) sql += i ? ", ?" : "?";
    return sql + ")";
}

void bindFiles(SQLite::Statement& q, const std::vector<std::string>& files) {
    for (std::size_t i = 0; i < files.size(); ++i) q.bind(static_cast<int>(i + 1), files[i]);
}

}  // namespace

std::vector<Rejection> Store::rejections(std::int64_t limit,
                                         const std::vector<std::string>& files) {
    return storageCall(path_, "cannot read the rejections", [&]() -> std::vector<Rejection> {
        std::string sql = "SELECT file, line, reason, raw FROM rejections" +
                          whereFileIn(files.size()) + " ORDER BY file, line";
        if (limit > 0) sql += " LIMIT " + std::to_string(limit);
        SQLite::Statement q(impl_->db, sql);
        bindFiles(q, files);
        std::vector<Rejection> out;
        while (q.executeStep()) {
            out.push_back({shownFilePath(q.getColumn(0).getString()), q.getColumn(1).getInt64(),
                           q.getColumn(2).getString(), q.getColumn(3).getString()});
        }
        return out;
    });
}

std::vector<std::string> Store::rejectionFiles() {
    return storageCall(path_, "cannot read the rejections", [&]() -> std::vector<std::string> {
        SQLite::Statement q(impl_->db, "SELECT DISTINCT file FROM rejections ORDER BY file");
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::vector<std::string> rejectionFilesNamed(Store& store, const std::string& path) {
    std::vector<std::string> out;
    for (auto& f : store.rejectionFiles()) {
        if (namesRecordedFile(store.path(), f, path)) out.push_back(std::move(f));
    }
    return out;
}

std::int64_t Store::clearRejections(const std::vector<std::string>& files) {
    // Often an ingest's first write: a read-only database is said with its name.
    return storageCall(path_, "cannot delete rejections", [&]() -> std::int64_t {
        // The rejections' UNIQUE(file, line, hash) index finds one file's rows.
        SQLite::Statement q(impl_->db, "DELETE FROM rejections" + whereFileIn(files.size()));
        bindFiles(q, files);
        return q.exec();
    });
}

}  // namespace cg::graph
