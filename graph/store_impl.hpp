// SPDX-License-Identifier: MIT
// Private to the store's .cpp files: the SQLite handle and the prepared-statement cache.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/model.hpp"
#include "graph/relation_evidence.hpp"
#include "graph/store.hpp"

namespace cg::graph {

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
    std::unordered_set<RelationId> freshRelations;  // created by this process: no claims stored before
    bool claimsLoaded = false;
    std::unordered_map<std::uint64_t, std::uint64_t> claimHashes;  // hash of key -> content hash
    std::unordered_map<SourceId, std::string> sourceDates;

    // Relations touched in the open batch: derived values kept up to date in memory as claims
    // arrive, or recomputed from the claims table at commit when claims moved between them.
    std::unordered_map<RelationId, RelationDerivation> pending;
    std::unordered_set<RelationId> reload;
};

}  // namespace cg::graph
