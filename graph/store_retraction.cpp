// SPDX-License-Identifier: MIT
// The part of Store that takes claims out (retraction) and puts them back (undo). A
// retracted claim's row moves from `claims` to `retracted_claims`, so every other reader of
// `claims` sees live claims only without a filter of its own.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>

#include "graph/error.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

namespace {

std::vector<std::string> columnsOf(SQLite::Database& db, const std::string& table) {
    SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    q.bind(1, table);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The columns a claim row has, as a list for INSERT ... SELECT. A later layout may add
// columns to `claims`: `retracted_claims` takes them on here, so a moved row keeps them all.
std::string claimColumns(SQLite::Database& db, const char* prefix) {
    auto claims = columnsOf(db, "claims");
    auto retracted = columnsOf(db, "retracted_claims");
    std::string list;
    for (const auto& column : claims) {
        if (std::find(retracted.begin(), retracted.end(), column) == retracted.end()) {
            db.exec("ALTER TABLE retracted_claims ADD COLUMN " + quoted(column));
        }
        if (!list.empty()) list += ", ";
        list += prefix + quoted(column);
    }
    return list;
}

std::vector<ClaimId> ids(SQLite::Statement& q) {
    std::vector<ClaimId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    q.reset();
    return out;
}

}  // namespace

std::vector<ClaimId> Store::claimsOfSource(SourceId source) {
    return storageCall(path_, "cannot read the claims", [&]() -> std::vector<ClaimId> {
        auto& q = impl_->stmt("SELECT id FROM claims WHERE source = ? ORDER BY id");
        q.bind(1, source);
        return ids(q);
    });
}

std::vector<ClaimId> Store::claimsOfFile(const std::string& file) {
    return storageCall(path_, "cannot read the claims", [&]() -> std::vector<ClaimId> {
        auto& q = impl_->stmt("SELECT id FROM claims WHERE file = ? ORDER BY id");
        q.bind(1, file);
        return ids(q);
    });
}

std::vector<std::string> Store::claimFiles() {
    return storageCall(path_, "cannot read the claims", [&]() -> std::vector<std::string> {
        SQLite::Statement q(impl_->db, "SELECT DISTINCT file FROM claims ORDER BY file");
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::int64_t Store::addRetraction(const std::string& kind, const std::string& target,
                                  const std::string& reason, std::int64_t claims) {
    return storageCall(path_, "cannot record the retraction", [&]() -> std::int64_t {
        auto& q = impl_->stmt(
            "INSERT INTO retractions(kind, target, reason, claims) VALUES (?, ?, ?, ?)");
        q.bind(1, kind);
        q.bind(2, target);
        q.bind(3, reason);
        q.bind(4, claims);
        q.exec();
        q.reset();
        return impl_->db.getLastInsertRowid();
    });
}

std::vector<RelationId> Store::retractClaims(std::int64_t retraction,
                                             const std::vector<ClaimId>& claims) {
    auto& db = impl_->db;
    return storageCall(path_, "cannot retract claims", [&] {
        db.exec("CREATE TEMP TABLE IF NOT EXISTS retracting(id INTEGER PRIMARY KEY)");
        db.exec("DELETE FROM temp.retracting");
        {
            SQLite::Statement put(db, "INSERT OR IGNORE INTO temp.retracting(id) VALUES (?)");
            for (ClaimId id : claims) {
                put.bind(1, id);
                put.exec();
                put.reset();
            }
        }
        std::vector<RelationId> relations;
        {
            SQLite::Statement q(db,
                                "SELECT DISTINCT relation_id FROM claims WHERE relation_id IS NOT "
                                "NULL AND id IN (SELECT id FROM temp.retracting) ORDER BY 1");
            relations = ids(q);
        }
        // A name or identifier records only the first claim that gave it: when another live
        // claim about the same entity spells it too, that claim keeps it alive.
        for (const char* table : {"names", "identifiers"}) {
            std::string text = std::string(table) == "names" ? "name" : "value";
            std::string other =
                "(SELECT min(c.id) FROM claims c WHERE c.id NOT IN (SELECT id FROM "
                "temp.retracting) AND (c.subject = t.entity OR c.object = t.entity) "
                "AND instr(c.raw, t." +
                text + ") > 0)";
            db.exec("UPDATE " + std::string(table) + " AS t SET claim = coalesce(" + other +
                    ", claim) WHERE claim IN (SELECT id FROM temp.retracting)");
        }
        std::string columns = claimColumns(db, "c.");
        std::string plain = claimColumns(db, "");
        SQLite::Statement move(
            db, "INSERT INTO retracted_claims(retraction, rkey, directed, " + plain +
                    ") SELECT ?, coalesce(r.rkey, ''), coalesce(r.directed, 1), " + columns +
                    " FROM claims c LEFT JOIN relations r ON r.id = "
                    "c.relation_id WHERE c.id IN (SELECT id FROM temp.retracting)");
        move.bind(1, retraction);
        move.exec();
        db.exec("DELETE FROM claims WHERE id IN (SELECT id FROM temp.retracting)");
        db.exec("DELETE FROM temp.retracting");
        // The claims left: every relation they were filed under is derived again at commit,
        // and removed when no claim is left.
        for (RelationId id : relations) impl_->reload.insert(id);
        impl_->anyRetracted = 1;
        return relations;
    });
}

std::vector<RelationId> Store::restoreClaims(std::int64_t retraction) {
    auto& db = impl_->db;
    auto action = [&] { return cat("cannot restore retraction ", retraction); };
    return storageCall(path_, action, [&]() -> std::vector<RelationId> {
        std::string plain = claimColumns(db, "");
        SQLite::Statement back(db, "INSERT INTO claims(" + plain + ") SELECT " + plain +
                                       " FROM retracted_claims WHERE retraction = ? ORDER BY id");
        back.bind(1, retraction);
        back.exec();
        // The relation a claim was filed under was removed if the retraction emptied it, and
        // its id may since name another; and merges may have changed the endpoints. Each
        // relation claim is filed again as an ingest would file it now.
        struct Refile {
            ClaimId claim;
            std::string type;
            EntityId subject, object;
            std::string rkey;
            bool directed;
        };
        std::vector<Refile> refiles;
        {
            SQLite::Statement q(db,
                                "SELECT id, relation, subject, object, rkey, directed FROM "
                                "retracted_claims WHERE retraction = ? AND relation IS NOT NULL "
                                "AND object IS NOT NULL ORDER BY id");
            q.bind(1, retraction);
            while (q.executeStep()) {
                refiles.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                   q.getColumn(2).getInt64(), q.getColumn(3).getInt64(),
                                   q.getColumn(4).getString(), q.getColumn(5).getInt() != 0});
            }
        }
        std::set<RelationId> relations;
        SQLite::Statement update(db, "UPDATE claims SET relation_id = ? WHERE id = ?");
        for (const auto& r : refiles) {
            EntityId a = canonical(r.subject);
            EntityId b = canonical(r.object);
            if (!r.directed && b < a) std::swap(a, b);
            RelationId target = relationFor(r.type, a, b, r.rkey, r.directed);
            update.bind(1, target);
            update.bind(2, r.claim);
            update.exec();
            update.reset();
            relations.insert(target);
            impl_->reload.insert(target);
        }
        SQLite::Statement drop(db, "DELETE FROM retracted_claims WHERE retraction = ?");
        drop.bind(1, retraction);
        drop.exec();
        SQLite::Statement undone(db,
                                 "UPDATE retractions SET undone = strftime('%Y-%m-%dT%H:%M:%SZ', "
                                 "'now') WHERE id = ?");
        undone.bind(1, retraction);
        undone.exec();
        // The claims are back: the in-memory set of stored keys is read again on next use.
        impl_->claimsLoaded = false;
        impl_->claimHashes.clear();
        impl_->anyRetracted = -1;
        return {relations.begin(), relations.end()};
    });
}

void Store::applyDerived() {
    storageCall(path_, "cannot write derived values", [&] { flushRelations(); });
}

std::vector<RetractionRow> Store::retractions() {
    return storageCall(path_, "cannot read the retractions", [&]() -> std::vector<RetractionRow> {
        SQLite::Statement q(
            impl_->db,
            "SELECT id, kind, target, reason, claims, created, coalesce(undone, '') "
            "FROM retractions ORDER BY id");
        std::vector<RetractionRow> out;
        while (q.executeStep()) {
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           q.getColumn(4).getInt64(), q.getColumn(5).getString(),
                           q.getColumn(6).getString()});
        }
        return out;
    });
}

std::vector<std::string> Store::retractedClaimKeys(std::int64_t retraction) {
    return storageCall(path_, "cannot read the retractions", [&]() -> std::vector<std::string> {
        auto& q = impl_->stmt("SELECT key FROM retracted_claims WHERE retraction = ? ORDER BY key");
        q.bind(1, retraction);
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        q.reset();
        return out;
    });
}

std::optional<std::pair<std::int64_t, std::uint64_t>> Store::findRetractedClaim(
    const std::string& key) {
    return storageCall(
        path_, "cannot read the retractions",
        [&]() -> std::optional<std::pair<std::int64_t, std::uint64_t>> {
            // Asked once per new claim an ingest reads: skip the look-up while nothing is
            // retracted.
            if (impl_->anyRetracted < 0) {
                impl_->anyRetracted =
                    impl_->db.execAndGet("SELECT EXISTS (SELECT 1 FROM retracted_claims)").getInt();
            }
            if (impl_->anyRetracted == 0) return std::nullopt;
            auto& q = impl_->stmt("SELECT retraction, hash FROM retracted_claims WHERE key = ?");
            q.bind(1, key);
            std::optional<std::pair<std::int64_t, std::uint64_t>> out;
            if (q.executeStep()) {
                out.emplace(q.getColumn(0).getInt64(),
                            static_cast<std::uint64_t>(q.getColumn(1).getInt64()));
            }
            q.reset();
            return out;
        });
}

std::vector<EntityId> Store::hiddenEntities() {
    return storageCall(path_, "cannot read the entities", [&]() -> std::vector<EntityId> {
        SQLite::Statement q(impl_->db, "SELECT id FROM hidden_entities ORDER BY id");
        return ids(q);
    });
}

bool Store::isHidden(EntityId canonicalId) {
    return storageCall(path_, "cannot read the entities", [&]() -> bool {
        auto& q = impl_->stmt("SELECT EXISTS (SELECT 1 FROM hidden_entities WHERE id = ?)");
        q.bind(1, canonicalId);
        q.executeStep();
        bool hidden = q.getColumn(0).getInt() != 0;
        q.reset();
        return hidden;
    });
}

}  // namespace cg::graph
