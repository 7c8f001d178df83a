// SPDX-License-Identifier: MIT
// Shared by tests that compare whole databases: every stored row as text.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace cg::testing {

/// Every stored row but the ingest log (whose timestamps differ between runs), table by
/// table in id order, NULL spelt out: two databases with the same content give the same text.
inline std::string dumpDatabase(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::string text;
    for (const char* table : {"sources", "entities", "names", "identifiers", "claims", "properties",
                              "relations", "rejections"}) {
        SQLite::Statement q(db, std::string("SELECT * FROM ") + table + " ORDER BY id");
        text += std::string("== ") + table + "\n";
        while (q.executeStep()) {
            for (int c = 0; c < q.getColumnCount(); ++c) {
                text += q.getColumn(c).isNull() ? "NULL" : q.getColumn(c).getString();
                text += '|';
            }
            text += '\n';
        }
    }
    return text;
}

}  // namespace cg::testing
