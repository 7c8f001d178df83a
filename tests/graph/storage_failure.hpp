// SPDX-License-Identifier: MIT
// Shared by the storage rooms' tests: a database that fails under an open store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace cg::testing {

/// Drops `table` from the database at `path` on a second connection, so that every
/// statement of an open store that names it fails inside SQLite.
inline void dropTable(const std::string& path, const std::string& table) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE " + table);
}

}  // namespace cg::testing
