// SPDX-License-Identifier: MIT
#include "graph/store_migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

namespace {

// Layout version 1. Claims are the truth; entities' canonical links, relations and their
// derived values can be recomputed from them.
constexpr const char* kCreateV1 = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '', retrieved TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'other', licence TEXT NOT NULL DEFAULT '');
CREATE TABLE entities(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL,
  stub INTEGER NOT NULL DEFAULT 0, merged_into INTEGER REFERENCES entities(id));
CREATE TABLE names(
  id INTEGER PRIMARY KEY, entity INTEGER NOT NULL REFERENCES entities(id), name TEXT NOT NULL,
  norm TEXT NOT NULL, claim INTEGER, UNIQUE(entity, name));
CREATE INDEX names_norm ON names(norm);
CREATE TABLE identifiers(
  id INTEGER PRIMARY KEY, entity INTEGER NOT NULL REFERENCES entities(id), scheme TEXT NOT NULL,
  value TEXT NOT NULL, claim INTEGER, UNIQUE(scheme, value, entity));
CREATE INDEX identifiers_entity ON identifiers(entity);
CREATE TABLE claims(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, hash INTEGER NOT NULL,
  source INTEGER NOT NULL REFERENCES sources(id), file TEXT NOT NULL, line INTEGER NOT NULL,
  location TEXT NOT NULL DEFAULT '', kind INTEGER NOT NULL, subject INTEGER NOT NULL,
  relation TEXT, object INTEGER, relation_id INTEGER, property TEXT, value TEXT,
  stance INTEGER NOT NULL, confidence REAL NOT NULL, share_min REAL, share_max REAL,
  role TEXT, valid_from TEXT, valid_to TEXT, attributes TEXT, quote TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_object ON claims(object);
CREATE INDEX claims_relation ON claims(relation_id);
CREATE TABLE properties(
  id INTEGER PRIMARY KEY, entity INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
  claim INTEGER NOT NULL REFERENCES claims(id), stance INTEGER NOT NULL);
CREATE INDEX properties_entity ON properties(entity);
CREATE TABLE relations(
  id INTEGER PRIMARY KEY, type TEXT NOT NULL, src INTEGER NOT NULL, dst INTEGER NOT NULL,
  rkey TEXT NOT NULL DEFAULT '', directed INTEGER NOT NULL, support INTEGER NOT NULL DEFAULT 0,
  dispute INTEGER NOT NULL DEFAULT 0, confidence REAL NOT NULL DEFAULT 0,
  share_min REAL, share_max REAL, share_conflict INTEGER NOT NULL DEFAULT 0,
  valid_from INTEGER, valid_to INTEGER, first_seen TEXT NOT NULL DEFAULT '',
  last_seen TEXT NOT NULL DEFAULT '', UNIQUE(type, src, dst, rkey));
CREATE INDEX relations_dst ON relations(dst);
CREATE TABLE rejections(
  id INTEGER PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL,
  raw TEXT NOT NULL, hash INTEGER NOT NULL, UNIQUE(file, line, hash));
CREATE TABLE ingests(
  id INTEGER PRIMARY KEY, file TEXT NOT NULL, format TEXT NOT NULL,
  finished TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  accepted INTEGER NOT NULL, duplicates INTEGER NOT NULL, rejected INTEGER NOT NULL);
)sql";

// Layout 10: who recorded each judgement. Idempotent, like every step: a database whose
// version was set back (as tests of older layouts do) already has the column.
void addJudgementAuthor(SQLite::Database& db, const std::string&) {
    SQLite::Statement q(
        db, "SELECT count(*) FROM pragma_table_info('judgements') WHERE name = 'author'");
    q.executeStep();
    if (q.getColumn(0).getInt() == 0)
        db.exec("ALTER TABLE judgements ADD COLUMN author TEXT NOT NULL DEFAULT ''");
}

// Files recorded by the ingests of layouts before 9 as they were given, often absolute: each
// absolute path inside the database's folder becomes relative to it (recordedFilePath), in
// every table that names a file, so the folders above the database leave the file and a
// file is found again however it is spelled. Relative paths are kept: the folder they were
// relative to is not known. Two spellings of one file's rejection become one.
void relativeFilePaths(SQLite::Database& db, const std::string& databasePath) {
    struct Column {
        const char* table;
        const char* column;
        const char* where;
    };
    static constexpr Column kColumns[] = {
        {"claims", "file", "1"},
        {"retracted_claims", "file", "1"},
        {"rejections", "file", "1"},
        {"ingests", "file", "1"},
        {"retractions", "target", "kind = 'file'"},
    };
    for (const auto& c : kColumns) {
        std::vector<std::string> files;
        SQLite::Statement q(
            db, cat("SELECT DISTINCT ", c.column, " FROM ", c.table, " WHERE ", c.where));
        while (q.executeStep()) files.push_back(q.getColumn(0).getString());
        SQLite::Statement put(db, cat("UPDATE OR REPLACE ", c.table, " SET ", c.column,
                                      " = ? WHERE ", c.column, " = ? AND ", c.where));
        for (const auto& file : files) {
            if (!std::filesystem::path(file).is_absolute()) continue;
            std::string recorded = recordedFilePath(databasePath, file);
            if (recorded == file) continue;
            put.bind(1, recorded);
            put.bind(2, file);
            put.exec();
            put.reset();
        }
    }
}

// Each step takes the layout from version N to N + 1 in one transaction: its SQL, then, when
// the meaning of the derived relation values changed, every relation recomputed from its
// claims, then any rewrite that needs to know where the database is.
struct Migration {
    const char* sql;
    bool rederiveRelations = false;
    void (*rewrite)(SQLite::Database&, const std::string& databasePath) = nullptr;
};
constexpr Migration kMigrations[] = {
    // 1 -> 2: resolution judgements.
    {R"sql(
CREATE TABLE judgements(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('merge', 'not_same', 'split')),
  a TEXT NOT NULL, b TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  undone INTEGER NOT NULL DEFAULT 0);
CREATE INDEX entities_merged ON entities(merged_into) WHERE merged_into IS NOT NULL;
)sql"},
    // 2 -> 3: saved queries, every version kept.
    {R"sql(
CREATE TABLE saved_queries(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL, kind TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', document TEXT NOT NULL,
  saved TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  deleted INTEGER NOT NULL DEFAULT 0, UNIQUE(name, version));
)sql"},
    // 3 -> 4: relations by their subject, so an entity's relations are found by index.
    {R"sql(
CREATE INDEX relations_src ON relations(src);
)sql"},
    // 4 -> 5: relations declared indirect (an interest held through other entities), derived
    // from their claims' `direct` attribute like the other derived values.
    {R"sql(
ALTER TABLE relations ADD COLUMN indirect INTEGER NOT NULL DEFAULT 0;
UPDATE relations SET indirect = 1
 WHERE id IN (SELECT relation_id FROM claims
               WHERE relation_id IS NOT NULL AND stance = 0 AND json_valid(attributes)
                 AND json_type(attributes, '$.direct') = 'false')
   AND id NOT IN (SELECT relation_id FROM claims
                   WHERE relation_id IS NOT NULL AND stance = 0 AND json_valid(attributes)
                     AND json_type(attributes, '$.direct') = 'true');
)sql"},
    // 5 -> 6: name-only references attached to an entity, by entity and name, so that they
    // are found again when a second, conflicting entity of that name arrives (the reference
    // is then ambiguous: docs/resolution.md). Keyed for that look-up; no other index.
    {R"sql(
CREATE TABLE name_references(
  entity INTEGER NOT NULL, norm_hash INTEGER NOT NULL, claim INTEGER NOT NULL,
  role INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY(entity, norm_hash, claim, role)) WITHOUT ROWID;
)sql"},
    // 6 -> 7: claims combined per source before across sources (one source is one witness),
    // and a share conflict between sources keeps support at the best single source's. What
    // an entity reference said (a title, a country) is no longer a property asserted by the
    // claim that made the reference: stance 2 marks it as a hint for resolution, and none is
    // taken from a denying claim.
    {R"sql(
DELETE FROM properties
 WHERE stance = 0 AND claim IN (SELECT id FROM claims WHERE stance = 1);
UPDATE properties SET stance = 2
 WHERE stance = 0 AND EXISTS (SELECT 1 FROM claims c WHERE c.id = properties.claim
                               AND (c.kind = 0 OR c.property IS NOT properties.name
                                    OR c.value IS NOT properties.value));
)sql",
     true},
    // 7 -> 8: retraction. A retracted claim moves from `claims` to `retracted_claims` with
    // the retraction that took it out (and its relation's key, since a relation left without
    // claims is removed), so `claims` holds exactly the live claims and no reader of it needs
    // a filter. The views say what else is live (docs/retraction.md).
    {R"sql(
CREATE TABLE IF NOT EXISTS retractions(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('source', 'file')),
  target TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', claims INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), undone TEXT);
CREATE TABLE IF NOT EXISTS retracted_claims(
  id INTEGER PRIMARY KEY, retraction INTEGER NOT NULL REFERENCES retractions(id),
  rkey TEXT NOT NULL DEFAULT '', directed INTEGER NOT NULL DEFAULT 1,
  key TEXT NOT NULL UNIQUE, hash INTEGER NOT NULL, source INTEGER NOT NULL, file TEXT NOT NULL,
  line INTEGER NOT NULL, location TEXT NOT NULL DEFAULT '', kind INTEGER NOT NULL,
  subject INTEGER NOT NULL, relation TEXT, object INTEGER, relation_id INTEGER, property TEXT,
  value TEXT, stance INTEGER NOT NULL, confidence REAL NOT NULL, share_min REAL, share_max REAL,
  role TEXT, valid_from TEXT, valid_to TEXT, attributes TEXT, quote TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS retracted_by_retraction ON retracted_claims(retraction);
CREATE INDEX IF NOT EXISTS retracted_by_subject ON retracted_claims(subject);
CREATE INDEX IF NOT EXISTS retracted_by_object ON retracted_claims(object);
CREATE VIEW IF NOT EXISTS hidden_entities AS
SELECT DISTINCT coalesce(e.merged_into, e.id) AS id FROM entities e
 WHERE e.id IN (SELECT subject FROM retracted_claims
                UNION SELECT object FROM retracted_claims WHERE object IS NOT NULL)
   AND NOT EXISTS (
       SELECT 1 FROM entities m
        WHERE (m.id = coalesce(e.merged_into, e.id) OR m.merged_into = coalesce(e.merged_into, e.id))
          AND (EXISTS (SELECT 1 FROM claims c WHERE c.subject = m.id)
               OR EXISTS (SELECT 1 FROM claims c WHERE c.object = m.id)));
CREATE VIEW IF NOT EXISTS live_names AS
SELECT * FROM names WHERE claim IS NULL OR claim NOT IN (SELECT id FROM retracted_claims);
CREATE VIEW IF NOT EXISTS live_identifiers AS
SELECT * FROM identifiers WHERE claim IS NULL OR claim NOT IN (SELECT id FROM retracted_claims);
CREATE VIEW IF NOT EXISTS live_properties AS
SELECT * FROM properties WHERE claim NOT IN (SELECT id FROM retracted_claims);
)sql"},
    // 8 -> 9: a file is recorded relative to the database's folder (docs/storage.md).
    {"", false, relativeFilePaths},
    // 9 -> 10: who recorded each judgement ('' for those recorded before).
    {"", false, addJudgementAuthor},
};

// The indexes that only speed up reading. A bulk load into a store without claims drops them
// and builds each once at the end (a sort instead of a B-tree insert per row); the UNIQUE
// constraints that keep ingest idempotent are never dropped.
struct SecondaryIndex {
    const char* name;
    const char* create;
};
constexpr SecondaryIndex kSecondaryIndexes[] = {
    {"names_norm", "CREATE INDEX IF NOT EXISTS names_norm ON names(norm)"},
    {"identifiers_entity", "CREATE INDEX IF NOT EXISTS identifiers_entity ON identifiers(entity)"},
    {"claims_subject", "CREATE INDEX IF NOT EXISTS claims_subject ON claims(subject)"},
    {"claims_object", "CREATE INDEX IF NOT EXISTS claims_object ON claims(object)"},
    {"claims_relation", "CREATE INDEX IF NOT EXISTS claims_relation ON claims(relation_id)"},
    {"properties_entity", "CREATE INDEX IF NOT EXISTS properties_entity ON properties(entity)"},
    {"relations_dst", "CREATE INDEX IF NOT EXISTS relations_dst ON relations(dst)"},
    {"relations_src", "CREATE INDEX IF NOT EXISTS relations_src ON relations(src)"},
};

}  // namespace

void createFirstLayout(SQLite::Database& db) {
    SQLite::Transaction tx(db);
    db.exec(kCreateV1);
    SQLite::Statement put(db,
                          "INSERT INTO meta(key, value) VALUES ('schema_version', '1'), "
                          "('application', 'claimgraph')");
    put.exec();
    tx.commit();
}

int missingIndexes(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?");
    int missing = 0;
    for (const auto& index : kSecondaryIndexes) {
        q.bind(1, index.name);
        q.executeStep();
        if (q.getColumn(0).getInt() == 0) ++missing;
        q.reset();
    }
    return missing;
}

void createIndexes(SQLite::Database& db) {
    for (const auto& index : kSecondaryIndexes) db.exec(index.create);
}

void createIndex(SQLite::Database& db, std::string_view name) {
    for (const auto& index : kSecondaryIndexes) {
        if (std::string_view(index.name) == name) db.exec(index.create);
    }
}

void dropIndexes(SQLite::Database& db) {
    for (const auto& index : kSecondaryIndexes) {
        db.exec(std::string("DROP INDEX IF EXISTS ") + index.name);
    }
}

static_assert(sizeof kMigrations / sizeof kMigrations[0] == Store::kSchemaVersion - 1,
              "one migration per layout version");

void migrate(SQLite::Database& db, int version, const std::string& databasePath) {
    constexpr int kCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
    for (int v = version; v < 1 + kCount; ++v) {
        SQLite::Transaction tx(db);
        if (*kMigrations[v - 1].sql) db.exec(kMigrations[v - 1].sql);
        if (kMigrations[v - 1].rederiveRelations) rederiveAllRelations(db);
        if (kMigrations[v - 1].rewrite) kMigrations[v - 1].rewrite(db, databasePath);
        SQLite::Statement put(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
        put.bind(1, std::to_string(v + 1));
        put.exec();
        tx.commit();
    }
}

}  // namespace cg::graph
