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
#include "graph/store_migrations.hpp"

namespace cg::graph {

namespace {

// Relations whose derived values are kept in memory between batches (about 210 bytes each),
// counted by the room the cache's pages hold.
constexpr std::size_t kDerivedCacheLimit = 4'000'000;

}  // namespace

Store::Store(const std::string& path, bool create, Access access) : path_(path), access_(access) {
    // SQLite's memory statistics take a global mutex around every allocation it makes (3% of
    // an ingest's CPU); nothing reads them. Only possible before SQLite is first used, so the
    // first store of the process turns them off (a later call is refused, harmlessly).
    static const bool memoryStatsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)memoryStatsOff;
    storageCall(path, "cannot open database", [&] {
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
    });
    auto& db = impl_->db;
    // Wait for a writer's lock (an ingest committing, building indexes) from the very first
    // statement: a reader opening the file while an ingest runs must not fail as busy.
    db.setBusyTimeout(5000);
    storageCall(path, "", [&] {
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
            // A new database starts at layout 1 and takes the same migrations as an old one.
            createFirstLayout(db);
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
    });
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
    return storageCall(path_, "cannot start a bulk load", [&] {
        if (impl_->db.execAndGet("SELECT EXISTS (SELECT 1 FROM claims)").getInt() != 0)
            return false;
        dropIndexes(impl_->db);
        impl_->bulkLoading = true;
        impl_->rebuiltIndexes.clear();
        return true;
    });
}

void Store::endBulkLoad() {
    if (!impl_->bulkLoading) return;
    storageCall(path_, "cannot build the indexes", [&] { createIndexes(impl_->db); });
    impl_->bulkLoading = false;
}

bool Store::bulkLoading() const { return impl_->bulkLoading; }

void Store::Impl::useIndex(const char* name) {
    if (!bulkLoading) return;
    if (std::find(rebuiltIndexes.begin(), rebuiltIndexes.end(), name) != rebuiltIndexes.end())
        return;
    createIndex(db, name);
    rebuiltIndexes.emplace_back(name);
}

int Store::restoreIndexes() {
    return storageCall(path_, "cannot build the indexes", [&]() -> int {
        int missing = missingIndexes(impl_->db);
        if (missing > 0) createIndexes(impl_->db);
        return missing;
    });
}

int Store::schemaVersion() const {
    std::string text = storageCall(path_, "", [&] {
        SQLite::Statement q(impl_->db, "SELECT value FROM meta WHERE key = 'schema_version'");
        return q.executeStep() ? q.getColumn(0).getString() : std::string("0");
    });
    try {
        return std::stoi(text);
    } catch (const std::logic_error&) {
        throw StorageError(path_ + ": schema_version is not a number");
    }
}

Store::Batch::Batch(Store& store) : store_(store) {
    auto& impl = *store_.impl_;
    storageCall(store_.path_, "cannot start a transaction", [&] {
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
    });
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
    storageCall(store_.path_, "cannot commit", [&] {
        store_.flushRelations();
        store_.impl_->db.exec("COMMIT");
        done_ = true;
    });
}

SourceId Store::putSource(const Source& s) {
    return storageCall(
        path_, [&] { return "cannot store source '" + s.key + "'"; },
        [&]() -> SourceId {
            auto& q = impl_->stmt(
                "INSERT INTO sources(key, title, publisher, url, published, retrieved, kind, "
                "licence) "
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
        });
}

std::optional<SourceId> Store::findSource(const std::string& key) {
    return storageCall(path_, "cannot read the sources", [&]() -> std::optional<SourceId> {
        auto& q = impl_->stmt("SELECT id FROM sources WHERE key = ?");
        q.bind(1, key);
        std::optional<SourceId> out;
        if (q.executeStep()) out = q.getColumn(0).getInt64();
        q.reset();
        return out;
    });
}

std::optional<std::pair<ClaimId, std::uint64_t>> Store::findClaim(const std::string& key) {
    return storageCall(path_, "cannot read the claims",
                       [&]() -> std::optional<std::pair<ClaimId, std::uint64_t>> {
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
                       });
}

ClaimId Store::insertClaim(const Claim& c, SourceId source, EntityId subject,
                           std::optional<EntityId> object, std::optional<RelationId> relation) {
    return storageCall(
        path_, [&] { return "cannot store claim '" + c.key + "'"; },
        [&]() -> ClaimId {
            auto& q = impl_->stmt(
                "INSERT INTO claims(key, hash, source, file, line, location, kind, subject, "
                "relation, "
                "object, relation_id, property, value, stance, confidence, share_min, share_max, "
                "role, "
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
        });
}

EntityId Store::insertEntity(const std::string& key, const std::string& type,
                             const std::string& name, bool stub) {
    return storageCall(
        path_, [&] { return "cannot store entity '" + key + "'"; },
        [&]() -> EntityId {
            auto& q =
                impl_->stmt("INSERT INTO entities(key, type, name, stub) VALUES (?, ?, ?, ?)");
            q.bind(1, key);
            q.bind(2, type);
            q.bind(3, name);
            q.bind(4, stub ? 1 : 0);
            q.exec();
            q.reset();
            return impl_->db.getLastInsertRowid();
        });
}

void Store::updateEntity(EntityId id, const std::string& type, const std::string& name, bool stub) {
    storageCall(path_, "cannot store the entity", [&] {
        auto& q = impl_->stmt("UPDATE entities SET type = ?, name = ?, stub = ? WHERE id = ?");
        q.bind(1, type);
        q.bind(2, name);
        q.bind(3, stub ? 1 : 0);
        q.bind(4, id);
        q.exec();
        q.reset();
    });
}

bool Store::addName(EntityId entity, const std::string& name, const std::string& norm,
                    std::optional<ClaimId> claim) {
    return storageCall(path_, "cannot store a name", [&]() -> bool {
        auto& q = impl_->stmt(
            "INSERT OR IGNORE INTO names(entity, name, norm, claim) VALUES (?, ?, ?, ?)");
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
    });
}

bool Store::addIdentifier(EntityId entity, const std::string& scheme, const std::string& value,
                          std::optional<ClaimId> claim) {
    return storageCall(path_, "cannot store an identifier", [&]() -> bool {
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
    });
}

void Store::addProperty(EntityId entity, const std::string& name, const std::string& value,
                        ClaimId claim, Stance stance) {
    storageCall(path_, "cannot store a property", [&] {
        auto& q = impl_->stmt(
            "INSERT INTO properties(entity, name, value, claim, stance) VALUES (?, ?, ?, ?, ?)");
        q.bind(1, entity);
        q.bind(2, name);
        q.bind(3, value);
        q.bind(4, claim);
        q.bind(5, static_cast<int>(stance));
        q.exec();
        q.reset();
    });
}

void Store::addReferenceFact(EntityId entity, const std::string& name, const std::string& value,
                             ClaimId claim) {
    storageCall(path_, "cannot store a property", [&] {
        auto& q = impl_->stmt(
            "INSERT INTO properties(entity, name, value, claim, stance) VALUES (?, ?, ?, ?, 2)");
        q.bind(1, entity);
        q.bind(2, name);
        q.bind(3, value);
        q.bind(4, claim);
        q.exec();
        q.reset();
    });
}

RelationId Store::relationFor(const std::string& type, EntityId src, EntityId dst,
                              const std::string& rkey, bool directed) {
    return storageCall(path_, "cannot store the relation", [&]() -> RelationId {
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
    });
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
    storageCall(path_, "cannot read the relation", [&] {
        // An older relation starts from the claims already filed under it.
        if (!impl_->derived.contains(id)) impl_->derived[id] = deriveFromTable(id);
        impl_->dirty.insert(id);
    });
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
    storageCall(path_, "cannot store a rejection", [&] {
        auto& q = impl_->stmt(
            "INSERT OR IGNORE INTO rejections(file, line, reason, raw, hash) VALUES (?, ?, ?, ?, "
            "?)");
        q.bind(1, r.file);
        q.bind(2, r.line);
        q.bind(3, r.reason);
        q.bind(4, r.raw);
        q.bind(5, static_cast<std::int64_t>(fnv1a(r.raw)));
        q.exec();
        q.reset();
    });
}

void Store::logIngest(const std::string& file, const std::string& format, std::int64_t accepted,
                      std::int64_t duplicates, std::int64_t rejected) {
    storageCall(path_, "cannot log the ingest", [&] {
        auto& q = impl_->stmt(
            "INSERT INTO ingests(file, format, accepted, duplicates, rejected) VALUES (?, ?, ?, ?, "
            "?)");
        q.bind(1, file);
        q.bind(2, format);
        q.bind(3, accepted);
        q.bind(4, duplicates);
        q.bind(5, rejected);
        q.exec();
        q.reset();
    });
}

void Store::forEachEntity(const std::function<void(EntityId, const std::string&, const std::string&,
                                                   bool, std::optional<EntityId>)>& fn,
                          bool liveOnly) {
    storageCall(path_, "cannot read the entities", [&] {
        SQLite::Statement q(
            impl_->db, liveOnly
                           ? "SELECT id, key, type, stub, merged_into FROM entities "
                             "WHERE coalesce(merged_into, id) NOT IN (SELECT id FROM "
                             "hidden_entities) ORDER BY id"
                           : "SELECT id, key, type, stub, merged_into FROM entities ORDER BY id");
        while (q.executeStep()) {
            std::optional<EntityId> merged;
            if (!q.getColumn(4).isNull()) merged = q.getColumn(4).getInt64();
            fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
               q.getColumn(3).getInt() != 0, merged);
        }
    });
}

void Store::forEachName(const std::function<void(EntityId, const std::string&)>& fn,
                        bool liveOnly) {
    storageCall(path_, "cannot read the names", [&] {
        SQLite::Statement q(impl_->db, liveOnly ? "SELECT entity, norm FROM live_names ORDER BY id"
                                                : "SELECT entity, norm FROM names ORDER BY id");
        while (q.executeStep()) fn(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    });
}

void Store::forEachIdentifier(
    const std::function<void(EntityId, const std::string&, const std::string&)>& fn,
    bool liveOnly) {
    storageCall(path_, "cannot read the identifiers", [&] {
        SQLite::Statement q(
            impl_->db, liveOnly ? "SELECT entity, scheme, value FROM live_identifiers ORDER BY id"
                                : "SELECT entity, scheme, value FROM identifiers ORDER BY id");
        while (q.executeStep()) {
            fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString());
        }
    });
}

void Store::forEachRelationKey(const std::function<void(RelationId, const std::string&, EntityId,
                                                        EntityId, const std::string&)>& fn) {
    storageCall(path_, "cannot read the relations", [&] {
        SQLite::Statement q(impl_->db,
                            "SELECT id, type, src, dst, rkey FROM relations ORDER BY id");
        while (q.executeStep()) {
            fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
               q.getColumn(3).getInt64(), q.getColumn(4).getString());
        }
    });
}

}  // namespace cg::graph
