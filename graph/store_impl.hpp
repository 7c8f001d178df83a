// SPDX-License-Identifier: MIT
// Private to the store's .cpp files: the SQLite handle and the prepared-statement cache.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/model.hpp"
#include "graph/relation_evidence.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// A forward-only scan on SQLite's own API, for bulk reads of millions of rows, where
/// SQLiteCpp's column objects (each copies a shared pointer) cost more than the read; throws
/// SQLite::Exception like SQLiteCpp does.
class RowScan {
  public:
    RowScan(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
        int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr);
        if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
    }
    ~RowScan() { sqlite3_finalize(stmt_); }
    RowScan(const RowScan&) = delete;
    RowScan& operator=(const RowScan&) = delete;

    /// Steps to the next row; false at the end.
    bool next() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw SQLite::Exception(db_, rc);
    }
    std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    bool null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    /// Valid until the next step.
    std::string_view text(int column) const {
        const auto* p = sqlite3_column_text(stmt_, column);
        if (!p) return {};
        return {reinterpret_cast<const char*>(p),
                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
    }

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

struct Store::Impl {
    Impl(const std::string& path, int flags) : db(path, flags) {}

    /// A prepared statement, compiled on first use and kept for the store's lifetime.
    SQLite::Statement& stmt(const char* sql) {
        auto it = statements.find(sql);
        if (it == statements.end()) {
            it = statements.emplace(sql, std::make_unique<SQLite::Statement>(db, sql)).first;
        }
        return *it->second;
    }

    SQLite::Database db;
    // Keyed by the literal's address: every call site passes the same string constant.
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

    /// Identity of a relation: type, canonical endpoints and relation key.
    struct RelationKey {
        std::string type;
        EntityId src;
        EntityId dst;
        std::string rkey;
        bool operator==(const RelationKey&) const = default;
    };
    struct RelationKeyHash {
        std::size_t operator()(const RelationKey& k) const {
            std::size_t h = std::hash<std::string>{}(k.type);
            h = h * 1000003u ^ std::hash<EntityId>{}(k.src);
            h = h * 1000003u ^ std::hash<EntityId>{}(k.dst);
            return h * 1000003u ^ std::hash<std::string>{}(k.rkey);
        }
    };
    // Write-path indexes, loaded on first use so that reading commands never pay for them.
    bool relationsLoaded = false;
    std::unordered_map<RelationKey, RelationId, RelationKeyHash> relationIndex;
    bool claimsLoaded = false;
    std::unordered_map<std::uint64_t, std::uint64_t> claimHashes;  // hash of key -> content hash
    std::unordered_map<SourceId, std::string> sourceDates;

    // Derived values of every relation this process has touched, kept across batches so a
    // relation touched again in a later batch is not read back from the claims table. Exact
    // as long as this connection is the only writer: cleared on rollback, and at the start
    // of a batch when another connection has committed since (PRAGMA data_version).
    std::unordered_map<RelationId, RelationDerivation> derived;
    std::unordered_set<RelationId> dirty;   // touched in the open batch: written at commit
    std::unordered_set<RelationId> reload;  // claims moved: recomputed from the table at commit
    std::int64_t dataVersion = -1;
    // Relations created in the open batch, written whole at commit (one INSERT with their
    // derived values rather than an INSERT and an UPDATE). Their ids continue the table's
    // (as SQLite would number them), counted from max(id) + 1 read under the batch's lock.
    RelationId nextRelationId = 0;  // 0: not read yet in this batch
    std::unordered_map<RelationId, RelationKey> newRelations;
    std::unordered_set<RelationId> undirectedNew;
    // True between beginBulkLoad() and endBulkLoad(): the secondary indexes are dropped.
    bool bulkLoading = false;

    /// Forgets every cache that mirrors the tables.
    void forgetCaches() {
        derived.clear();
        dirty.clear();
        nextRelationId = 0;
        newRelations.clear();
        undirectedNew.clear();
        reload.clear();
        relationsLoaded = false;
        relationIndex.clear();
        claimsLoaded = false;
        claimHashes.clear();
        sourceDates.clear();
    }
};

}  // namespace cg::graph
