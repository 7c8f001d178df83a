// SPDX-License-Identifier: MIT
// Private to the store's .cpp files: the SQLite handle and the prepared-statement cache.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <unordered_map>
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
    std::vector<RelationId> dirtyRelations;
};

}  // namespace cg::graph
