// SPDX-License-Identifier: MIT
#include "graph/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "graph/error.hpp"
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

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// Each step takes the layout from version N to N + 1 in one transaction.
constexpr const char* kMigrations[] = {
    // 1 -> 2: resolution judgements.
    R"sql(
CREATE TABLE judgements(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('merge', 'not_same', 'split')),
  a TEXT NOT NULL, b TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  undone INTEGER NOT NULL DEFAULT 0);
CREATE INDEX entities_merged ON entities(merged_into) WHERE merged_into IS NOT NULL;
)sql",
    // 2 -> 3: saved queries, every version kept.
    R"sql(
CREATE TABLE saved_queries(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL, kind TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', document TEXT NOT NULL,
  saved TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  deleted INTEGER NOT NULL DEFAULT 0, UNIQUE(name, version));
)sql",
    // 3 -> 4: relations by their subject, so an entity's relations are found by index.
    R"sql(
CREATE INDEX relations_src ON relations(src);
)sql",
    // 4 -> 5: relations declared indirect (an interest held through other entities), derived
    // from their claims' `direct` attribute like the other derived values.
    R"sql(
ALTER TABLE relations ADD COLUMN indirect INTEGER NOT NULL DEFAULT 0;
UPDATE relations SET indirect = 1
 WHERE id IN (SELECT relation_id FROM claims
               WHERE relation_id IS NOT NULL AND stance = 0 AND json_valid(attributes)
                 AND json_type(attributes, '$.direct') = 'false')
   AND id NOT IN (SELECT relation_id FROM claims
                   WHERE relation_id IS NOT NULL AND stance = 0 AND json_valid(attributes)
                     AND json_type(attributes, '$.direct') = 'true');
)sql",
};

static_assert(sizeof kMigrations / sizeof kMigrations[0] == Store::kSchemaVersion - 1,
              "one migration per layout version");

void migrate(SQLite::Database& db, int version) {
    constexpr int kCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
    for (int v = version; v < 1 + kCount; ++v) {
        SQLite::Transaction tx(db);
        db.exec(kMigrations[v - 1]);
        SQLite::Statement put(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
        put.bind(1, std::to_string(v + 1));
        put.exec();
        tx.commit();
    }
}

}  // namespace

Store::Store(const std::string& path, bool create) : path_(path) {
    try {
        int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0);
        impl_ = std::make_unique<Impl>(path, flags);
    } catch (const SQLite::Exception& e) {
        throw StorageError(path + ": cannot open database: " + e.what());
    }
    auto& db = impl_->db;
    try {
        // Look before touching: a file that is not ours must be left exactly as it was.
        bool fresh = !db.tableExists("meta") && !db.tableExists("claims");
        if (fresh) {
            if (db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
                throw StorageError(path + ": not a claimgraph database (it holds other tables)");
            }
        } else {
            bool ours = db.tableExists("meta") &&
                        db.execAndGet("SELECT count(*) FROM meta WHERE key = 'application' AND value = 'claimgraph'").getInt() == 1;
            if (!ours) throw StorageError(path + ": not a claimgraph database");
        }
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
        db.exec("PRAGMA foreign_keys=OFF");
        db.exec("PRAGMA cache_size=-262144");
        db.exec("PRAGMA temp_store=MEMORY");
        db.setBusyTimeout(5000);
        if (fresh) {
            SQLite::Transaction tx(db);
            db.exec(kCreateV1);
            // A new database starts at layout 1 and takes the same migrations as an old one.
            SQLite::Statement put(db, "INSERT INTO meta(key, value) VALUES ('schema_version', '1'), ('application', 'claimgraph')");
            put.exec();
            tx.commit();
        }
        int version = schemaVersion();
        if (version < 1) throw StorageError(path + ": not a claimgraph database (no layout version)");
        if (version > kSchemaVersion) {
            throw StorageError(cat(path, ": database layout version ", version,
                                   " is newer than this claimgraph understands (", kSchemaVersion,
                                   "); upgrade claimgraph"));
        }
        migrate(db, version);
    } catch (const SQLite::Exception& e) {
        throw StorageError(path + ": " + e.what());
    }
}

Store::~Store() = default;

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
    try {
        store_.impl_->db.exec("BEGIN IMMEDIATE");
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
    store_.impl_->pending.clear();
    store_.impl_->reload.clear();
    // The in-memory indexes may hold rows the rollback removed: reload them on next use.
    store_.impl_->relationsLoaded = false;
    store_.impl_->relationIndex.clear();
    store_.impl_->freshRelations.clear();
    store_.impl_->claimsLoaded = false;
    store_.impl_->claimHashes.clear();
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
        SQLite::Statement all(impl_->db, "SELECT key, hash FROM claims");
        while (all.executeStep()) {
            impl_->claimHashes[fnv1a(all.getColumn(0).getString())] =
                static_cast<std::uint64_t>(all.getColumn(1).getInt64());
        }
        impl_->claimsLoaded = true;
    }
    // A miss in memory is certain; a hit is confirmed against the table.
    if (!impl_->claimHashes.count(fnv1a(key))) return std::nullopt;
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
        q.bind(1, c.key);
        q.bind(2, static_cast<std::int64_t>(c.contentHash));
        q.bind(3, source);
        q.bind(4, c.file);
        q.bind(5, c.line);
        q.bind(6, c.location);
        q.bind(7, static_cast<int>(c.kind));
        q.bind(8, subject);
        bool rel = c.kind == Claim::Kind::Relation;
        if (rel) q.bind(9, c.relation); else q.bind(9);
        if (object) q.bind(10, *object); else q.bind(10);
        if (relation) q.bind(11, *relation); else q.bind(11);
        if (!rel) q.bind(12, c.property); else q.bind(12);
        if (!rel) q.bind(13, c.value); else q.bind(13);
        q.bind(14, static_cast<int>(c.stance));
        q.bind(15, c.confidence);
        if (c.share) {
            q.bind(16, c.share->min);
            q.bind(17, c.share->max);
        } else {
            q.bind(16);
            q.bind(17);
        }
        if (!c.role.empty()) q.bind(18, c.role); else q.bind(18);
        if (c.validFrom) q.bind(19, c.validFrom->text()); else q.bind(19);
        if (c.validTo) q.bind(20, c.validTo->text()); else q.bind(20);
        if (!c.attributesJson.empty()) q.bind(21, c.attributesJson); else q.bind(21);
        q.bind(22, c.quote);
        q.bind(23, c.raw);
        q.exec();
        q.reset();
        ClaimId id = impl_->db.getLastInsertRowid();
        if (impl_->claimsLoaded) impl_->claimHashes[fnv1a(c.key)] = c.contentHash;
        if (relation) {
            // Keep the relation's derived values current without reading its claims back.
            auto it = impl_->pending.find(*relation);
            if (it == impl_->pending.end() && !impl_->freshRelations.count(*relation)) {
                // An older relation not touched yet: its stored claims, this one included.
                impl_->pending.emplace(*relation, deriveFromTable(*relation));
            } else if (!impl_->reload.count(*relation)) {
                if (it == impl_->pending.end()) it = impl_->pending.emplace(*relation, RelationDerivation{}).first;
                ClaimEvidence e;
                e.denies = c.stance == Stance::Denies;
                e.confidence = c.confidence;
                if (c.share) {
                    e.shareMin = c.share->min;
                    e.shareMax = c.share->max;
                }
                if (c.validFrom) e.validFrom = c.validFrom->text();
                if (c.validTo) e.validTo = c.validTo->text();
                e.seen = sourceDate(source);
                e.direct = directAttribute(c.attributesJson);
                it->second.add(e);
            }
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
    auto& q = impl_->stmt("INSERT OR IGNORE INTO names(entity, name, norm, claim) VALUES (?, ?, ?, ?)");
    q.bind(1, entity);
    q.bind(2, name);
    q.bind(3, norm);
    if (claim) q.bind(4, *claim); else q.bind(4);
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
    if (claim) q.bind(4, *claim); else q.bind(4);
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

RelationId Store::relationFor(const std::string& type, EntityId src, EntityId dst,
                              const std::string& rkey, bool directed) {
    if (!impl_->relationsLoaded) {
        SQLite::Statement all(impl_->db, "SELECT id, type, src, dst, rkey FROM relations");
        while (all.executeStep()) {
            impl_->relationIndex.emplace(
                Impl::RelationKey{all.getColumn(1).getString(), all.getColumn(2).getInt64(),
                                  all.getColumn(3).getInt64(), all.getColumn(4).getString()},
                all.getColumn(0).getInt64());
        }
        impl_->relationsLoaded = true;
    }
    Impl::RelationKey key{type, src, dst, rkey};
    if (auto it = impl_->relationIndex.find(key); it != impl_->relationIndex.end()) return it->second;
    auto& q = impl_->stmt("INSERT INTO relations(type, src, dst, rkey, directed) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, type);
    q.bind(2, src);
    q.bind(3, dst);
    q.bind(4, rkey);
    q.bind(5, directed ? 1 : 0);
    q.exec();
    q.reset();
    RelationId id = impl_->db.getLastInsertRowid();
    impl_->relationIndex.emplace(std::move(key), id);
    impl_->freshRelations.insert(id);
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
    auto& claims = impl_->stmt(
        "SELECT c.stance, c.confidence, c.share_min, c.share_max, c.valid_from, c.valid_to, "
        "s.published, c.attributes FROM claims c JOIN sources s ON s.id = c.source "
        "WHERE c.relation_id = ?");
    RelationDerivation d;
    claims.bind(1, id);
    while (claims.executeStep()) {
        ClaimEvidence e;
        e.denies = claims.getColumn(0).getInt() == 1;
        e.confidence = claims.getColumn(1).getDouble();
        if (!claims.getColumn(2).isNull()) {
            e.shareMin = claims.getColumn(2).getDouble();
            e.shareMax = claims.getColumn(3).getDouble();
        }
        if (!claims.getColumn(4).isNull()) e.validFrom = claims.getColumn(4).getString();
        if (!claims.getColumn(5).isNull()) e.validTo = claims.getColumn(5).getString();
        e.seen = claims.getColumn(6).getString();
        if (!claims.getColumn(7).isNull()) e.direct = directAttribute(claims.getColumn(7).getString());
        d.add(e);
    }
    claims.reset();
    return d;
}

void Store::touchRelation(RelationId id) {
    if (impl_->pending.count(id)) return;
    // A relation this process created has no stored claims yet; an older one starts from
    // the claims already filed under it.
    impl_->pending.emplace(id, impl_->freshRelations.count(id) ? RelationDerivation{} : deriveFromTable(id));
}

void Store::flushRelations() {
    for (RelationId id : impl_->reload) impl_->pending[id] = deriveFromTable(id);
    std::vector<RelationId> ids;
    ids.reserve(impl_->pending.size());
    for (const auto& [id, d] : impl_->pending) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    auto& update = impl_->stmt(
        "UPDATE relations SET support = ?, dispute = ?, confidence = ?, share_min = ?, "
        "share_max = ?, share_conflict = ?, valid_from = ?, valid_to = ?, first_seen = ?, "
        "last_seen = ?, indirect = ? WHERE id = ?");
    for (RelationId id : ids) {
        const RelationDerivation& d = impl_->pending[id];
        if (d.support == 0 && d.dispute == 0) {
            // A merge or split moved every claim elsewhere.
            auto& drop = impl_->stmt("DELETE FROM relations WHERE id = ?");
            drop.bind(1, id);
            drop.exec();
            drop.reset();
            impl_->relationsLoaded = false;
            impl_->relationIndex.clear();
            continue;
        }
        update.bind(1, d.support);
        update.bind(2, d.dispute);
        update.bind(3, d.confidence());
        if (d.shareMin) update.bind(4, *d.shareMin); else update.bind(4);
        if (d.shareMax) update.bind(5, *d.shareMax); else update.bind(5);
        update.bind(6, d.shareConflict ? 1 : 0);
        if (d.validFrom) update.bind(7, *d.validFrom); else update.bind(7);
        if (d.validTo) update.bind(8, *d.validTo); else update.bind(8);
        update.bind(9, d.firstSeen);
        update.bind(10, d.lastSeen);
        update.bind(11, d.indirect() ? 1 : 0);
        update.bind(12, id);
        update.exec();
        update.reset();
    }
    impl_->pending.clear();
    impl_->reload.clear();
    // Their claims are in the table now; a later touch must read them.
    impl_->freshRelations.clear();
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
                                                   bool, std::optional<EntityId>)>& fn) {
    SQLite::Statement q(impl_->db, "SELECT id, key, type, stub, merged_into FROM entities ORDER BY id");
    while (q.executeStep()) {
        std::optional<EntityId> merged;
        if (!q.getColumn(4).isNull()) merged = q.getColumn(4).getInt64();
        fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
           q.getColumn(3).getInt() != 0, merged);
    }
}

void Store::forEachName(const std::function<void(EntityId, const std::string&)>& fn) {
    SQLite::Statement q(impl_->db, "SELECT entity, norm FROM names ORDER BY id");
    while (q.executeStep()) fn(q.getColumn(0).getInt64(), q.getColumn(1).getString());
}

void Store::forEachIdentifier(
    const std::function<void(EntityId, const std::string&, const std::string&)>& fn) {
    SQLite::Statement q(impl_->db, "SELECT entity, scheme, value FROM identifiers ORDER BY id");
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
