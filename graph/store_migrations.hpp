// SPDX-License-Identifier: MIT
// Private to the store's .cpp files: the database's layouts, from the first to the current
// one, and the indexes a bulk load drops and builds again.
#pragma once

#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace cg::graph {

/// Creates the tables of layout 1 in an empty database, in one transaction; throws
/// SQLite::Exception.
void createFirstLayout(SQLite::Database& db);
/// Takes the layout from `version` to Store::kSchemaVersion, one transaction per step;
/// `databasePath` is where the database is (a step rewrites file paths relative to it).
/// Throws SQLite::Exception.
void migrate(SQLite::Database& db, int version, const std::string& databasePath);

/// How many of the indexes that only serve reading are missing; throws SQLite::Exception.
int missingIndexes(SQLite::Database& db);
/// Builds the indexes that only serve reading, those present kept; throws SQLite::Exception.
void createIndexes(SQLite::Database& db);
/// Builds the one index that only serves reading named `name` (as kSecondaryIndexes names
/// it), when absent; throws SQLite::Exception.
void createIndex(SQLite::Database& db, std::string_view name);
/// Drops the indexes that only serve reading (the UNIQUE constraints stay); throws
/// SQLite::Exception.
void dropIndexes(SQLite::Database& db);

}  // namespace cg::graph
