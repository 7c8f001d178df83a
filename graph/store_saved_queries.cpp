// SPDX-License-Identifier: MIT
// The part of Store that keeps saved queries: every version, as written.
#include <SQLiteCpp/SQLiteCpp.h>

#include "graph/error.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

namespace {

constexpr const char* kColumns = "name, version, kind, description, document, saved, deleted";

SavedQueryRow readRow(SQLite::Statement& q) {
    return {q.getColumn(0).getString(),  q.getColumn(1).getInt(),    q.getColumn(2).getString(),
            q.getColumn(3).getString(),  q.getColumn(4).getString(), q.getColumn(5).getString(),
            q.getColumn(6).getInt() != 0};
}

}  // namespace

bool Store::saveQuery(const SavedQueryRow& query) {
    try {
        auto history = savedQueryHistory(query.name);
        for (const auto& h : history) {
            if (h.version != query.version) continue;
            if (h.document == query.document && !h.deleted) return false;
            throw QueryError("version " + std::to_string(h.version) + " of saved query '" +
                             query.name +
                             "' is already stored with another text; raise 'version' to keep both");
        }
        if (!history.empty() && history.back().version > query.version) {
            throw QueryError("saved query '" + query.name + "' is at version " +
                             std::to_string(history.back().version) + "; save a version above it");
        }
        SQLite::Transaction tx(impl_->db);
        // Saving again after a delete brings the query back, with its history.
        SQLite::Statement undelete(impl_->db,
                                   "UPDATE saved_queries SET deleted = 0 WHERE name = ?");
        undelete.bind(1, query.name);
        undelete.exec();
        SQLite::Statement q(impl_->db,
                            "INSERT INTO saved_queries(name, version, kind, description, document) "
                            "VALUES (?, ?, ?, ?, ?)");
        q.bind(1, query.name);
        q.bind(2, query.version);
        q.bind(3, query.kind);
        q.bind(4, query.description);
        q.bind(5, query.document);
        q.exec();
        tx.commit();
        return true;
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot save query '" + query.name + "': " + e.what());
    }
}

std::vector<SavedQueryRow> Store::savedQueries() {
    SQLite::Statement q(impl_->db,
                        std::string("SELECT ") + kColumns +
                            " FROM saved_queries s WHERE deleted = 0 AND version = "
                            "(SELECT max(version) FROM saved_queries t WHERE t.name = s.name) "
                            "ORDER BY name");
    std::vector<SavedQueryRow> out;
    while (q.executeStep()) out.push_back(readRow(q));
    return out;
}

std::optional<SavedQueryRow> Store::savedQuery(const std::string& name,
                                               std::optional<int> version) {
    std::string sql =
        std::string("SELECT ") + kColumns + " FROM saved_queries WHERE name = ? AND deleted = 0";
    sql += version ? " AND version = ?" : " ORDER BY version DESC LIMIT 1";
    SQLite::Statement q(impl_->db, sql);
    q.bind(1, name);
    if (version) q.bind(2, *version);
    if (!q.executeStep()) return std::nullopt;
    return readRow(q);
}

std::vector<SavedQueryRow> Store::savedQueryHistory(const std::string& name) {
    SQLite::Statement q(impl_->db, std::string("SELECT ") + kColumns +
                                       " FROM saved_queries WHERE name = ? ORDER BY version");
    q.bind(1, name);
    std::vector<SavedQueryRow> out;
    while (q.executeStep()) out.push_back(readRow(q));
    return out;
}

int Store::deleteSavedQuery(const std::string& name) {
    SQLite::Statement q(impl_->db,
                        "UPDATE saved_queries SET deleted = 1 WHERE name = ? AND deleted = 0");
    q.bind(1, name);
    return q.exec();
}

}  // namespace cg::graph
