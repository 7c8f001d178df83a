// SPDX-License-Identifier: MIT
#include "graph/saved_queries.hpp"

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

bool SavedQueries::save(const SavedQueryRow& query) {
    auto action = [&] { return "cannot save query '" + query.name + "'"; };
    return storageCall(store_.path(), action, [&] {
        auto stored = history(query.name);
        for (const auto& h : stored) {
            if (h.version != query.version) continue;
            if (h.document == query.document && !h.deleted) return false;
            throw QueryError("version " + std::to_string(h.version) + " of saved query '" +
                             query.name +
                             "' is already stored with another text; raise 'version' to keep both");
        }
        if (!stored.empty() && stored.back().version > query.version) {
            throw QueryError("saved query '" + query.name + "' is at version " +
                             std::to_string(stored.back().version) + "; save a version above it");
        }
        auto& db = store_.connection().db;
        SQLite::Transaction tx(db);
        // Saving again after a delete brings the query back, with its history.
        SQLite::Statement undelete(db, "UPDATE saved_queries SET deleted = 0 WHERE name = ?");
        undelete.bind(1, query.name);
        undelete.exec();
        SQLite::Statement q(db,
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
    });
}

std::vector<SavedQueryRow> SavedQueries::latest() const {
    return storageCall(store_.path(), "cannot read the saved queries", [&] {
        SQLite::Statement q(store_.connection().db,
                            std::string("SELECT ") + kColumns +
                                " FROM saved_queries s WHERE deleted = 0 AND version = "
                                "(SELECT max(version) FROM saved_queries t WHERE t.name = s.name) "
                                "ORDER BY name");
        std::vector<SavedQueryRow> out;
        while (q.executeStep()) out.push_back(readRow(q));
        return out;
    });
}

std::optional<SavedQueryRow> SavedQueries::find(const std::string& name,
                                                std::optional<int> version) const {
    auto action = [&] { return "cannot read saved query '" + name + "'"; };
    return storageCall(store_.path(), action, [&]() -> std::optional<SavedQueryRow> {
        std::string sql = std::string("SELECT ") + kColumns +
                          " FROM saved_queries WHERE name = ? AND deleted = 0";
        sql += version ? " AND version = ?" : " ORDER BY version DESC LIMIT 1";
        SQLite::Statement q(store_.connection().db, sql);
        q.bind(1, name);
        if (version) q.bind(2, *version);
        if (!q.executeStep()) return std::nullopt;
        return readRow(q);
    });
}

std::vector<SavedQueryRow> SavedQueries::history(const std::string& name) const {
    auto action = [&] { return "cannot read saved query '" + name + "'"; };
    return storageCall(store_.path(), action, [&] {
        SQLite::Statement q(store_.connection().db,
                            std::string("SELECT ") + kColumns +
                                " FROM saved_queries WHERE name = ? ORDER BY version");
        q.bind(1, name);
        std::vector<SavedQueryRow> out;
        while (q.executeStep()) out.push_back(readRow(q));
        return out;
    });
}

int SavedQueries::remove(const std::string& name) {
    auto action = [&] { return "cannot delete saved query '" + name + "'"; };
    return storageCall(store_.path(), action, [&] {
        SQLite::Statement q(store_.connection().db,
                            "UPDATE saved_queries SET deleted = 1 WHERE name = ? AND deleted = 0");
        q.bind(1, name);
        return q.exec();
    });
}

}  // namespace cg::graph
