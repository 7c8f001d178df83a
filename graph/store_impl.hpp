// SPDX-License-Identifier: MIT
// Private to the store's .cpp files: the SQLite handle and the prepared-statement cache.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "graph/flat_table.hpp"
#include "graph/model.hpp"
#include "graph/relation_evidence.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// Runs one storage operation on the database at `path`. The one place where SQLite's
/// exception becomes StorageError, named "PATH: ACTION: SQLite's reason" ("PATH: reason" when
/// `action` is empty), so that every public storage call throws StorageError and nothing
/// else of SQLite's. `action` is text, or a callable returning it when the text is built
/// from the call's arguments (built only on failure: the write path runs per claim).
template <typename Action, typename Fn>
decltype(auto) storageCall(const std::string& path, const Action& action, Fn&& fn) {
    try {
        return std::forward<Fn>(fn)();
    } catch (const SQLite::Exception& e) {
        std::string what;
        if constexpr (std::is_invocable_v<const Action&>)
            what = action();
        else
            what = action;
        throw StorageError(what.empty() ? cat(path, ": ", e.what())
                                        : cat(path, ": ", what, ": ", e.what()));
    }
}

/// The columns readClaimEvidence reads, from `claims c JOIN sources s`; the last is the
/// claim's relation id.
extern const char* const kClaimEvidenceColumns;
/// What the claim in the current row of a statement over kClaimEvidenceColumns says about its
/// relation.
ClaimEvidence readClaimEvidence(SQLite::Statement& q);
/// Binds a relation's derived values to parameters 1 to 11 of an INSERT or UPDATE that names
/// support, dispute, confidence, share_min, share_max, share_conflict, valid_from, valid_to,
/// first_seen, last_seen and indirect in that order; the text stays owned by `d`.
void bindRelationValues(SQLite::Statement& q, const RelationDerivation& d);
/// Recomputes the derived values of every relation from its claims (a migration step, inside
/// its transaction); throws SQLite::Exception.
void rederiveAllRelations(SQLite::Database& db);

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
    };

    /// The (type, src, dst, key) -> id index of every relation, flat: types and keys are
    /// interned to small numbers and each relation is one 32-byte slot of a FlatTable, so a
    /// probe touches one cache line and the index frees in one go (a node-based map cost a
    /// cache miss per probe, a heap block per relation and ~120 bytes each).
    class RelationIndex {
      public:
        /// The relation's id, or 0 when absent.
        RelationId find(const std::string& type, EntityId src, EntityId dst,
                        const std::string& rkey) const {
            if (table_.size() == 0) return 0;
            std::uint32_t t = lookup(types_, type);
            std::uint32_t k = rkey.empty() ? 0 : lookup(rkeys_, rkey);
            if (t == kNone || k == kNone) return 0;
            const Slot* slot = table_.find(hash(t, src, dst, k), [&](const Slot& s) {
                return s.src == src && s.dst == dst && s.type == t && s.rkey == k;
            });
            return slot ? slot->id : 0;
        }
        /// Adds a relation not in the index.
        void insert(const std::string& type, EntityId src, EntityId dst, const std::string& rkey,
                    RelationId id) {
            std::uint32_t t = intern(types_, type);
            std::uint32_t k = rkey.empty() ? 0 : intern(rkeys_, rkey);
            table_.insert(Slot{src, dst, t, k, id});
        }
        void clear() {
            table_.clear();
            types_.clear();
            rkeys_.clear();
        }

      private:
        static std::uint64_t hash(std::uint32_t type, EntityId src, EntityId dst,
                                  std::uint32_t rkey) {
            std::uint64_t h = static_cast<std::uint64_t>(src) * 0x9E3779B97F4A7C15ull;
            h ^= static_cast<std::uint64_t>(dst) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
            h ^= (static_cast<std::uint64_t>(type) << 32 | rkey) * 0xC2B2AE3D27D4EB4Full;
            h ^= h >> 29;
            h *= 0xBF58476D1CE4E5B9ull;
            return h ^ (h >> 32);
        }
        struct Slot {
            EntityId src = 0;
            EntityId dst = 0;
            std::uint32_t type = 0;
            std::uint32_t rkey = 0;  // 0: the empty key
            RelationId id = 0;       // 0: a free slot
            bool used() const { return id != 0; }
            std::uint64_t hash() const { return RelationIndex::hash(type, src, dst, rkey); }
        };
        static constexpr std::uint32_t kNone = 0xffffffffu;
        static std::uint32_t lookup(const std::unordered_map<std::string, std::uint32_t>& names,
                                    const std::string& name) {
            auto it = names.find(name);
            return it == names.end() ? kNone : it->second;
        }
        static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& names,
                                    const std::string& name) {
            return names.emplace(name, static_cast<std::uint32_t>(names.size() + 1)).first->second;
        }
        FlatTable<Slot> table_;
        std::unordered_map<std::string, std::uint32_t> types_;
        std::unordered_map<std::string, std::uint32_t> rkeys_;  // non-empty keys, from 1
    };

    /// Derived values by relation id, in pages of consecutive ids allocated on first use
    /// (ids are dense: SQLite numbers them from 1), so that finding one is two indexings and
    /// dropping them all one free per page rather than one per relation.
    class DerivedCache {
      public:
        RelationDerivation* find(RelationId id) {
            auto i = static_cast<std::size_t>(id);
            if (i / kPage >= pages_.size() || !pages_[i / kPage]) return nullptr;
            Page& page = *pages_[i / kPage];
            return page.present[i % kPage] ? &page.values[i % kPage] : nullptr;
        }
        bool contains(RelationId id) { return find(id) != nullptr; }
        /// The entry for `id`, default-constructed when absent.
        RelationDerivation& operator[](RelationId id) {
            auto i = static_cast<std::size_t>(id);
            if (i / kPage >= pages_.size()) pages_.resize(i / kPage + 1);
            auto& page = pages_[i / kPage];
            if (!page) {
                page = std::make_unique<Page>();
                ++pagesUsed_;
            }
            if (!page->present[i % kPage]) {
                page->present[i % kPage] = true;
                ++count_;
            }
            return page->values[i % kPage];
        }
        void erase(RelationId id) {
            if (RelationDerivation* d = find(id)) {
                *d = RelationDerivation{};
                pages_[static_cast<std::size_t>(id) / kPage]
                    ->present[static_cast<std::size_t>(id) % kPage] = false;
                --count_;
            }
        }
        std::size_t size() const { return count_; }
        /// Entries the allocated pages hold room for (what the memory bound counts).
        std::size_t capacity() const { return pagesUsed_ * kPage; }
        void clear() {
            pages_.clear();
            pages_.shrink_to_fit();
            pagesUsed_ = 0;
            count_ = 0;
        }

      private:
        static constexpr std::size_t kPage = 1024;
        struct Page {
            RelationDerivation values[kPage];
            bool present[kPage] = {};
        };
        std::vector<std::unique_ptr<Page>> pages_;
        std::size_t pagesUsed_ = 0;
        std::size_t count_ = 0;
    };

    // Write-path indexes, loaded on first use so that reading commands never pay for them.
    bool relationsLoaded = false;
    RelationIndex relationIndex;
    bool claimsLoaded = false;
    FlatHashSet claimHashes;  // hashes of the stored claims' keys
    std::unordered_map<SourceId, std::string> sourceDates;
    int anyRetracted = -1;  // whether retracted_claims holds a row; -1: not read yet

    // Derived values of every relation this process has touched, kept across batches so a
    // relation touched again in a later batch is not read back from the claims table. Exact
    // as long as this connection is the only writer: cleared on rollback, and at the start
    // of a batch when another connection has committed since (PRAGMA data_version).
    DerivedCache derived;
    std::unordered_set<RelationId> dirty;   // touched in the open batch: written at commit
    std::unordered_set<RelationId> reload;  // claims moved: recomputed from the table at commit
    std::int64_t dataVersion = -1;
    // Relations created in the open batch, written whole at commit (one INSERT with their
    // derived values rather than an INSERT and an UPDATE). Their ids continue the table's
    // (as SQLite would number them), counted from max(id) + 1 read under the batch's lock.
    RelationId nextRelationId = 0;  // 0: not read yet in this batch
    struct NewRelation {
        RelationKey key;
        bool directed;
    };
    // Consecutive ids: newRelations[i] is relation firstNewRelationId + i.
    RelationId firstNewRelationId = 0;
    std::vector<NewRelation> newRelations;
    const NewRelation* newRelation(RelationId id) const {
        if (id < firstNewRelationId) return nullptr;
        auto i = static_cast<std::size_t>(id - firstNewRelationId);
        return i < newRelations.size() ? &newRelations[i] : nullptr;
    }
    // True between beginBulkLoad() and endBulkLoad(): the secondary indexes are dropped.
    bool bulkLoading = false;
    // During a bulk load, the secondary indexes already built again because a lookup needs
    // them (useIndex).
    std::vector<std::string> rebuiltIndexes;

    /// During a bulk load, builds the secondary index `name` (kSecondaryIndexes in
    /// store_migrations.cpp) before a lookup that would otherwise scan a whole table once per
    /// row (moving an ambiguous reference, recomputing a relation from its claims); outside
    /// one, does nothing. Without it such lookups made name-referenced ingest quadratic.
    void useIndex(const char* name);

    /// Forgets every cache that mirrors the tables.
    void forgetCaches() {
        derived.clear();
        dirty.clear();
        nextRelationId = 0;
        newRelations.clear();
        reload.clear();
        relationsLoaded = false;
        relationIndex.clear();
        claimsLoaded = false;
        claimHashes.clear();
        sourceDates.clear();
        anyRetracted = -1;
    }
};

}  // namespace cg::graph
