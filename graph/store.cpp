// SPDX-License-Identifier: MIT
#include "graph/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_set>

#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/fnv.hpp"
#include "graph/read_only_open.hpp"
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

// Relations whose derived values are kept in memory between batches (about 210 bytes each),
// counted by the room the cache's pages hold.
constexpr std::size_t kDerivedCacheLimit = 4'000'000;

// Files recorded by the ingests of layouts before 9 as they were given, often absolute: each
// absolute path inside the database's folder becomes relative to it (recordedFilePath), in
// every table that names a file, so the folders above the database leave the file and a
// file is found again however it is spelled. Relative paths are kept: the folder they were
// relative to is not known. Two spellings of one file's rejection become one.
// Layout 10: who recorded each judgement. Idempotent, like every step: a database whose
// version was set back (as tests of older layouts do) already has the column.
void addJudgementAuthor(SQLite::Database& db, const std::string&) {
    SQLite::Statement q(
        db, "SELECT count(*) FROM pragma_table_info('judgements') WHERE name = 'author'");
    q.executeStep();
    if (q.getColumn(0).getInt() == 0)
        db.exec("ALTER TABLE judgements ADD COLUMN author TEXT NOT NULL DEFAULT ''");
}

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

}  // namespace

Store::Store(const std::string& path, bool create, Access access) : path_(path), access_(access) {
    // SQLite's memory statistics take a global mutex around every allocation it makes (3% of
    // an ingest's CPU); nothing reads them. Only possible before SQLite is first used, so the
    // first store of the process turns them off (a later call is refused, harmlessly).
    static const bool memoryStatsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)memoryStatsOff;
    try {
        // No mutex on the connection: a Store is used by one thread at a time (a second
        // thread opens its own), and SQLite's per-call locking cost ~7% of a bulk read.
        int flags =
            SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX | (create ? SQLite::OPEN_CREATE : 0);
        if (access == Access::readOnly) {
            int readFlags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX | SQLITE_OPEN_URI;
            impl_ = std::make_unique<Impl>(readOnlyDatabaseUri(path), readFlags);
        } else {
            impl_ = std::make_unique<Impl>(path, flags);
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(path + ": cannot open database: " + e.what());
    }
    auto& db = impl_->db;
    // Wait for a writer's lock (an ingest committing, building indexes) from the very first
    // statement: a reader opening the file while an ingest runs must not fail as busy.
    db.setBusyTimeout(5000);
    try {
        // Look before touching: a file that is not ours must be left exactly as it was.
        bool fresh = !db.tableExists("meta") && !db.tableExists("claims");
        if (fresh) {
            if (db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
                throw StorageError(path + ": not a claimgraph database (it holds other tables)");
            }
        } else {
            bool ours = db.tableExists("meta") && db.execAndGet(
                                                        "SELECT count(*) FROM meta WHERE key = "
                                                        "'application' AND value = 'claimgraph'")
                                                          .getInt() == 1;
            if (!ours) throw StorageError(path + ": not a claimgraph database");
        }
        if (access == Access::readOnly && fresh)
            throw StorageError(path + ": not a claimgraph database (empty)");
        // Only a writer sets the journal mode: the file says it already, and a reader may not.
        if (access == Access::readWrite) db.exec("PRAGMA journal_mode=WAL");
        if (access == Access::readWrite) db.exec("PRAGMA synchronous=NORMAL");
        db.exec("PRAGMA foreign_keys=OFF");
        db.exec("PRAGMA cache_size=-262144");
        db.exec("PRAGMA temp_store=MEMORY");
        if (fresh) {
            SQLite::Transaction tx(db);
            db.exec(kCreateV1);
            // A new database starts at layout 1 and takes the same migrations as an old one.
            SQLite::Statement put(db,
                                  "INSERT INTO meta(key, value) VALUES ('schema_version', '1'), "
                                  "('application', 'claimgraph')");
            put.exec();
            tx.commit();
        }
        int version = schemaVersion();
        if (version < 1)
            throw StorageError(path + ": not a claimgraph database (no layout version)");
        if (version > kSchemaVersion) {
            throw StorageError(cat(path, ": database layout version ", version,
                                   " is newer than this claimgraph understands (", kSchemaVersion,
                                   "); upgrade claimgraph"));
        }
        if (access == Access::readOnly && version < kSchemaVersion) {
            throw StorageError(cat(
                path, ": database layout version ", version,
                " is older than this claimgraph reads (", kSchemaVersion,
                ") and the database is read-only; open it once with write access to upgrade it"));
        }
        migrate(db, version, path);
    } catch (const SQLite::Exception& e) {
        throw StorageError(path + ": " + e.what());
    }
}

Store::~Store() {
    if (!impl_ || !impl_->bulkLoading) return;
    // A bulk load cut short by an exception: give the committed rows their indexes back.
    try {
        SQLite::Transaction tx(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
        createIndexes(impl_->db);
        tx.commit();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the next open builds them
    }
}

bool Store::beginBulkLoad() {
    if (impl_->bulkLoading) return true;
    try {
        if (impl_->db.execAndGet("SELECT EXISTS (SELECT 1 FROM claims)").getInt() != 0)
            return false;
        for (const auto& index : kSecondaryIndexes) {
            impl_->db.exec(std::string("DROP INDEX IF EXISTS ") + index.name);
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot start a bulk load: " + e.what());
    }
    impl_->bulkLoading = true;
    impl_->rebuiltIndexes.clear();
    return true;
}

void Store::endBulkLoad() {
    if (!impl_->bulkLoading) return;
    try {
        createIndexes(impl_->db);
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot build the indexes: " + e.what());
    }
    impl_->bulkLoading = false;
}

bool Store::bulkLoading() const { return impl_->bulkLoading; }

void Store::Impl::useIndex(const char* name) {
    if (!bulkLoading) return;
    if (std::find(rebuiltIndexes.begin(), rebuiltIndexes.end(), name) != rebuiltIndexes.end())
        return;
    for (const auto& index : kSecondaryIndexes) {
        if (std::string_view(index.name) == name) db.exec(index.create);
    }
    rebuiltIndexes.emplace_back(name);
}

int Store::restoreIndexes() {
    try {
        int missing = missingIndexes(impl_->db);
        if (missing > 0) createIndexes(impl_->db);
        return missing;
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot build the indexes: " + e.what());
    }
}

int Store::schemaVersion() const {
    try {
        SQLite::Statement q(impl_->db, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (!q.executeStep()) return 0;
        return std::stoi(q.getColumn(0).getString());
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": " + e.what());
    } catch (const std::logic_error&) {
        throw StorageError(path_ + ": schema_version is not a number");
    }
}

Store::Batch::Batch(Store& store) : store_(store) {
    auto& impl = *store_.impl_;
    try {
        impl.db.exec("BEGIN IMMEDIATE");
        // Another connection may have written since our last batch: the caches that mirror
        // the tables are then rebuilt from them.
        auto& q = impl.stmt("PRAGMA data_version");
        q.executeStep();
        std::int64_t version = q.getColumn(0).getInt64();
        q.reset();
        if (impl.dataVersion != -1 && version != impl.dataVersion) impl.forgetCaches();
        impl.dataVersion = version;
        impl.nextRelationId = 0;
    } catch (const SQLite::Exception& e) {
        throw StorageError(store_.path_ + ": cannot start a transaction: " + e.what());
    }
}

Store::Batch::~Batch() {
    if (done_) return;
    try {
        store_.impl_->db.exec("ROLLBACK");
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
    }
    // The in-memory indexes may hold rows the rollback removed: reload them on next use.
    store_.impl_->forgetCaches();
}

void Store::Batch::commit() {
    try {
        store_.flushRelations();
        store_.impl_->db.exec("COMMIT");
        done_ = true;
    } catch (const SQLite::Exception& e) {
        throw StorageError(store_.path_ + ": cannot commit: " + e.what());
    }
}

SourceId Store::putSource(const Source& s) {
    try {
        auto& q = impl_->stmt(
            "INSERT INTO sources(key, title, publisher, url, published, retrieved, kind, licence) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(key) DO UPDATE SET "
            "title = CASE WHEN title = '' THEN excluded.title ELSE title END, "
            "publisher = CASE WHEN publisher = '' THEN excluded.publisher ELSE publisher END, "
            "url = CASE WHEN url = '' THEN excluded.url ELSE url END, "
            "published = CASE WHEN published = '' THEN excluded.published ELSE published END, "
            "retrieved = CASE WHEN retrieved = '' THEN excluded.retrieved ELSE retrieved END, "
            "licence = CASE WHEN licence = '' THEN excluded.licence ELSE licence END "
            "RETURNING id");
        q.bind(1, s.key);
        q.bind(2, s.title);
        q.bind(3, s.publisher);
        q.bind(4, s.url);
        q.bind(5, s.published);
        q.bind(6, s.retrieved);
        q.bind(7, s.kind);
        q.bind(8, s.licence);
        q.executeStep();
        SourceId id = q.getColumn(0).getInt64();
        q.reset();
        return id;
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot store source '" + s.key + "': " + e.what());
    }
}

std::optional<SourceId> Store::findSource(const std::string& key) {
    auto& q = impl_->stmt("SELECT id FROM sources WHERE key = ?");
    q.bind(1, key);
    std::optional<SourceId> out;
    if (q.executeStep()) out = q.getColumn(0).getInt64();
    q.reset();
    return out;
}

std::optional<std::pair<ClaimId, std::uint64_t>> Store::findClaim(const std::string& key) {
    if (!impl_->claimsLoaded) {
        RowScan all(impl_->db, "SELECT key FROM claims");
        while (all.next()) impl_->claimHashes.insert(fnv1a(all.text(0)));
        impl_->claimsLoaded = true;
    }
    // A miss in memory is certain; a hit is confirmed against the table.
    if (!impl_->claimHashes.contains(fnv1a(key))) return std::nullopt;
    auto& q = impl_->stmt("SELECT id, hash FROM claims WHERE key = ?");
    q.bind(1, key);
    std::optional<std::pair<ClaimId, std::uint64_t>> out;
    if (q.executeStep()) {
        out.emplace(q.getColumn(0).getInt64(),
                    static_cast<std::uint64_t>(q.getColumn(1).getInt64()));
    }
    q.reset();
    return out;
}

ClaimId Store::insertClaim(const Claim& c, SourceId source, EntityId subject,
                           std::optional<EntityId> object, std::optional<RelationId> relation) {
    try {
        auto& q = impl_->stmt(
            "INSERT INTO claims(key, hash, source, file, line, location, kind, subject, relation, "
            "object, relation_id, property, value, stance, confidence, share_min, share_max, role, "
            "valid_from, valid_to, attributes, quote, raw) VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
            "?19, ?20, ?21, ?22, ?23)");
        // The claim outlives the statement's execution: its text is bound without a copy.
        q.bindNoCopy(1, c.key);
        q.bind(2, static_cast<std::int64_t>(c.contentHash));
        q.bind(3, source);
        q.bindNoCopy(4, c.file);
        q.bind(5, c.line);
        q.bindNoCopy(6, c.location);
        q.bind(7, static_cast<int>(c.kind));
        q.bind(8, subject);
        bool rel = c.kind == Claim::Kind::Relation;
        if (rel)
            q.bindNoCopy(9, c.relation);
        else
            q.bind(9);
        if (object)
            q.bind(10, *object);
        else
            q.bind(10);
        if (relation)
            q.bind(11, *relation);
        else
            q.bind(11);
        if (!rel)
            q.bindNoCopy(12, c.property);
        else
            q.bind(12);
        if (!rel)
            q.bindNoCopy(13, c.value);
        else
            q.bind(13);
        q.bind(14, static_cast<int>(c.stance));
        q.bind(15, c.confidence);
        if (c.share) {
            q.bind(16, c.share->min);
            q.bind(17, c.share->max);
        } else {
            q.bind(16);
            q.bind(17);
        }
        if (!c.role.empty())
            q.bindNoCopy(18, c.role);
        else
            q.bind(18);
        if (c.validFrom)
            q.bind(19, c.validFrom->text());
        else
            q.bind(19);
        if (c.validTo)
            q.bind(20, c.validTo->text());
        else
            q.bind(20);
        if (!c.attributesJson.empty())
            q.bindNoCopy(21, c.attributesJson);
        else
            q.bind(21);
        q.bindNoCopy(22, c.quote);
        q.bindNoCopy(23, c.raw);
        q.exec();
        q.reset();
        ClaimId id = impl_->db.getLastInsertRowid();
        if (impl_->claimsLoaded) impl_->claimHashes.insert(fnv1a(c.key));
        if (relation) {
            // Keep the relation's derived values current without reading its claims back.
            RelationDerivation* known = impl_->derived.find(*relation);
            if (!known) {
                // A relation not seen by this process: its stored claims, this one included.
                impl_->derived[*relation] = deriveFromTable(*relation);
            } else if (!impl_->reload.count(*relation)) {
                ClaimEvidence e;
                e.claim = id;
                e.source = source;
                e.denies = c.stance == Stance::Denies;
                e.confidence = c.confidence;
                if (c.share) {
                    e.shareMin = c.share->min;
                    e.shareMax = c.share->max;
                }
                if (c.validFrom) e.validFrom = c.validFrom->text();
                if (c.validTo) e.validTo = c.validTo->text();
                e.seen = sourceDate(source);
                if (!c.attributesJson.empty()) e.direct = directAttribute(c.attributesJson);
                known->add(e);
            }
            impl_->dirty.insert(*relation);
        }
        return id;
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot store claim '" + c.key + "': " + e.what());
    }
}

EntityId Store::insertEntity(const std::string& key, const std::string& type,
                             const std::string& name, bool stub) {
    try {
        auto& q = impl_->stmt("INSERT INTO entities(key, type, name, stub) VALUES (?, ?, ?, ?)");
        q.bind(1, key);
        q.bind(2, type);
        q.bind(3, name);
        q.bind(4, stub ? 1 : 0);
        q.exec();
        q.reset();
        return impl_->db.getLastInsertRowid();
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot store entity '" + key + "': " + e.what());
    }
}

void Store::updateEntity(EntityId id, const std::string& type, const std::string& name, bool stub) {
    auto& q = impl_->stmt("UPDATE entities SET type = ?, name = ?, stub = ? WHERE id = ?");
    q.bind(1, type);
    q.bind(2, name);
    q.bind(3, stub ? 1 : 0);
    q.bind(4, id);
    q.exec();
    q.reset();
}

bool Store::addName(EntityId entity, const std::string& name, const std::string& norm,
                    std::optional<ClaimId> claim) {
    auto& q =
        impl_->stmt("INSERT OR IGNORE INTO names(entity, name, norm, claim) VALUES (?, ?, ?, ?)");
    q.bind(1, entity);
    q.bind(2, name);
    q.bind(3, norm);
    if (claim)
        q.bind(4, *claim);
    else
        q.bind(4);
    int changed = q.exec();
    q.reset();
    return changed > 0;
}

bool Store::addIdentifier(EntityId entity, const std::string& scheme, const std::string& value,
                          std::optional<ClaimId> claim) {
    auto& q = impl_->stmt(
        "INSERT OR IGNORE INTO identifiers(entity, scheme, value, claim) VALUES (?, ?, ?, ?)");
    q.bind(1, entity);
    q.bind(2, scheme);
    q.bind(3, value);
    if (claim)
        q.bind(4, *claim);
    else
        q.bind(4);
    int changed = q.exec();
    q.reset();
    return changed > 0;
}

void Store::addProperty(EntityId entity, const std::string& name, const std::string& value,
                        ClaimId claim, Stance stance) {
    auto& q = impl_->stmt(
        "INSERT INTO properties(entity, name, value, claim, stance) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, entity);
    q.bind(2, name);
    q.bind(3, value);
    q.bind(4, claim);
    q.bind(5, static_cast<int>(stance));
    q.exec();
    q.reset();
}

void Store::addReferenceFact(EntityId entity, const std::string& name, const std::string& value,
                             ClaimId claim) {
    auto& q = impl_->stmt(
        "INSERT INTO properties(entity, name, value, claim, stance) VALUES (?, ?, ?, ?, 2)");
    q.bind(1, entity);
    q.bind(2, name);
    q.bind(3, value);
    q.bind(4, claim);
    q.exec();
    q.reset();
}

RelationId Store::relationFor(const std::string& type, EntityId src, EntityId dst,
                              const std::string& rkey, bool directed) {
    if (!impl_->relationsLoaded) {
        RowScan all(impl_->db, "SELECT id, type, src, dst, rkey FROM relations");
        std::string t, k;
        while (all.next()) {
            t = all.text(1);
            k = all.text(4);
            impl_->relationIndex.insert(t, all.int64(2), all.int64(3), k, all.int64(0));
        }
        impl_->relationsLoaded = true;
    }
    if (RelationId found = impl_->relationIndex.find(type, src, dst, rkey)) return found;
    if (impl_->nextRelationId == 0) {
        impl_->nextRelationId =
            impl_->db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM relations").getInt64();
        impl_->firstNewRelationId = impl_->nextRelationId;
        impl_->newRelations.clear();
    }
    RelationId id = impl_->nextRelationId++;
    impl_->newRelations.push_back({Impl::RelationKey{type, src, dst, rkey}, directed});
    impl_->relationIndex.insert(type, src, dst, rkey, id);
    impl_->derived[id] = RelationDerivation{};  // no claims yet
    return id;
}

const std::string& Store::sourceDate(SourceId source) {
    auto it = impl_->sourceDates.find(source);
    if (it != impl_->sourceDates.end()) return it->second;
    auto& q = impl_->stmt("SELECT published FROM sources WHERE id = ?");
    q.bind(1, source);
    std::string date;
    if (q.executeStep()) date = q.getColumn(0).getString();
    q.reset();
    return impl_->sourceDates.emplace(source, date).first->second;
}

RelationDerivation Store::deriveFromTable(RelationId id) {
    impl_->useIndex("claims_relation");
    static const std::string sql = std::string("SELECT ") + kClaimEvidenceColumns +
                                   " FROM claims c JOIN sources s ON s.id = c.source "
                                   "WHERE c.relation_id = ?";
    auto& claims = impl_->stmt(sql.c_str());
    RelationDerivation d;
    claims.bind(1, id);
    while (claims.executeStep()) d.add(readClaimEvidence(claims));
    claims.reset();
    return d;
}

void Store::touchRelation(RelationId id) {
    // An older relation starts from the claims already filed under it.
    if (!impl_->derived.contains(id)) impl_->derived[id] = deriveFromTable(id);
    impl_->dirty.insert(id);
}

void Store::flushRelations() {
    for (RelationId id : impl_->reload) {
        impl_->derived[id] = deriveFromTable(id);
        impl_->dirty.insert(id);
    }
    std::vector<RelationId> ids(impl_->dirty.begin(), impl_->dirty.end());
    for (std::size_t i = 0; i < impl_->newRelations.size(); ++i) {
        RelationId id = impl_->firstNewRelationId + static_cast<RelationId>(i);
        if (!impl_->dirty.count(id)) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    auto& insert = impl_->stmt(
        "INSERT INTO relations(support, dispute, confidence, share_min, share_max, "
        "share_conflict, valid_from, valid_to, first_seen, last_seen, indirect, id, type, src, "
        "dst, rkey, directed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto& update = impl_->stmt(
        "UPDATE relations SET support = ?, dispute = ?, confidence = ?, share_min = ?, "
        "share_max = ?, share_conflict = ?, valid_from = ?, valid_to = ?, first_seen = ?, "
        "last_seen = ?, indirect = ? WHERE id = ?");
    bool forget = false;
    for (RelationId id : ids) {
        const RelationDerivation& d = impl_->derived[id];
        const Impl::NewRelation* created = impl_->newRelation(id);
        bool isNew = created != nullptr;
        if (d.support == 0 && d.dispute == 0 && impl_->dirty.count(id)) {
            // A merge or split moved every claim elsewhere.
            impl_->derived.erase(id);
            forget = true;
            if (isNew) continue;  // never written
            auto& drop = impl_->stmt("DELETE FROM relations WHERE id = ?");
            drop.bind(1, id);
            drop.exec();
            drop.reset();
            continue;
        }
        SQLite::Statement& q = isNew ? insert : update;
        bindRelationValues(q, d);
        q.bind(12, id);
        if (isNew) {
            const Impl::RelationKey& key = created->key;
            q.bindNoCopy(13, key.type);
            q.bind(14, key.src);
            q.bind(15, key.dst);
            q.bindNoCopy(16, key.rkey);
            q.bind(17, created->directed ? 1 : 0);
        }
        q.exec();
        q.reset();
    }
    if (forget) {
        // The index may name a removed relation: read it again from the table on next use.
        impl_->relationsLoaded = false;
        impl_->relationIndex.clear();
    }
    impl_->newRelations.clear();
    impl_->dirty.clear();
    impl_->reload.clear();
    // Bounded memory: past this many relations the cache starts again from the table.
    if (impl_->derived.capacity() > kDerivedCacheLimit) {
        // Relations are then read back by their claims: a bulk load needs that index now.
        impl_->useIndex("claims_relation");
        impl_->derived.clear();
    }
}

void Store::addRejection(const Rejection& r) {
    auto& q = impl_->stmt(
        "INSERT OR IGNORE INTO rejections(file, line, reason, raw, hash) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, r.file);
    q.bind(2, r.line);
    q.bind(3, r.reason);
    q.bind(4, r.raw);
    q.bind(5, static_cast<std::int64_t>(fnv1a(r.raw)));
    q.exec();
    q.reset();
}

void Store::logIngest(const std::string& file, const std::string& format, std::int64_t accepted,
                      std::int64_t duplicates, std::int64_t rejected) {
    auto& q = impl_->stmt(
        "INSERT INTO ingests(file, format, accepted, duplicates, rejected) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, file);
    q.bind(2, format);
    q.bind(3, accepted);
    q.bind(4, duplicates);
    q.bind(5, rejected);
    q.exec();
    q.reset();
}

void Store::forEachEntity(const std::function<void(EntityId, const std::string&, const std::string&,
                                                   bool, std::optional<EntityId>)>& fn,
                          bool liveOnly) {
    SQLite::Statement q(
        impl_->db, liveOnly ? "SELECT id, key, type, stub, merged_into FROM entities "
                              "WHERE coalesce(merged_into, id) NOT IN (SELECT id FROM "
                              "hidden_entities) ORDER BY id"
                            : "SELECT id, key, type, stub, merged_into FROM entities ORDER BY id");
    while (q.executeStep()) {
        std::optional<EntityId> merged;
        if (!q.getColumn(4).isNull()) merged = q.getColumn(4).getInt64();
        fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
           q.getColumn(3).getInt() != 0, merged);
    }
}

void Store::forEachName(const std::function<void(EntityId, const std::string&)>& fn,
                        bool liveOnly) {
    SQLite::Statement q(impl_->db, liveOnly ? "SELECT entity, norm FROM live_names ORDER BY id"
                                            : "SELECT entity, norm FROM names ORDER BY id");
    while (q.executeStep()) fn(q.getColumn(0).getInt64(), q.getColumn(1).getString());
}

void Store::forEachIdentifier(
    const std::function<void(EntityId, const std::string&, const std::string&)>& fn,
    bool liveOnly) {
    SQLite::Statement q(impl_->db,
                        liveOnly ? "SELECT entity, scheme, value FROM live_identifiers ORDER BY id"
                                 : "SELECT entity, scheme, value FROM identifiers ORDER BY id");
    while (q.executeStep()) {
        fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString());
    }
}

void Store::forEachRelationKey(const std::function<void(RelationId, const std::string&, EntityId,
                                                        EntityId, const std::string&)>& fn) {
    SQLite::Statement q(impl_->db, "SELECT id, type, src, dst, rkey FROM relations ORDER BY id");
    while (q.executeStep()) {
        fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
           q.getColumn(3).getInt64(), q.getColumn(4).getString());
    }
}

}  // namespace cg::graph
