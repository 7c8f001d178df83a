// SPDX-License-Identifier: MIT
// The reading half of Store: what the CLI, the view and the exporters ask of the database.
#include <SQLiteCpp/SQLiteCpp.h>

#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

namespace {

constexpr const char* kClaimColumns =
    "c.id, c.key, s.key, s.title, s.published, c.file, c.line, c.stance, c.confidence, c.quote, "
    "coalesce(c.valid_from, ''), coalesce(c.valid_to, ''), coalesce(c.attributes, ''), "
    "coalesce(c.relation, ''), c.subject, coalesce(c.object, 0), coalesce(c.property, ''), "
    "coalesce(c.value, ''), c.source, coalesce(c.relation_id, 0), c.share_min, c.share_max, "
    "c.location";

ClaimRow readClaim(SQLite::Statement& q, int first = 0) {
    ClaimRow r;
    r.id = q.getColumn(first + 0).getInt64();
    r.key = q.getColumn(first + 1).getString();
    r.sourceKey = q.getColumn(first + 2).getString();
    r.sourceTitle = q.getColumn(first + 3).getString();
    r.sourcePublished = q.getColumn(first + 4).getString();
    r.file = shownFilePath(q.getColumn(first + 5).getString());
    r.line = q.getColumn(first + 6).getInt64();
    r.stance = q.getColumn(first + 7).getInt() == 1 ? Stance::Denies : Stance::Asserts;
    r.confidence = q.getColumn(first + 8).getDouble();
    r.quote = q.getColumn(first + 9).getString();
    r.validFrom = q.getColumn(first + 10).getString();
    r.validTo = q.getColumn(first + 11).getString();
    r.attributesJson = q.getColumn(first + 12).getString();
    r.relation = q.getColumn(first + 13).getString();
    r.subject = q.getColumn(first + 14).getInt64();
    r.object = q.getColumn(first + 15).getInt64();
    r.property = q.getColumn(first + 16).getString();
    r.value = q.getColumn(first + 17).getString();
    r.source = q.getColumn(first + 18).getInt64();
    r.relationId = q.getColumn(first + 19).getInt64();
    if (!q.getColumn(first + 20).isNull() && !q.getColumn(first + 21).isNull()) {
        r.shareMin = q.getColumn(first + 20).getDouble();
        r.shareMax = q.getColumn(first + 21).getDouble();
    }
    r.location = q.getColumn(first + 22).getString();
    return r;
}

constexpr const char* kRelationColumns =
    "id, type, src, dst, rkey, directed, support, dispute, confidence, share_min, share_max, "
    "share_conflict, valid_from, valid_to, first_seen, last_seen, indirect";

// Reads the columns of kRelationColumns into `r` from a RowScan, or from a SQLiteCpp
// statement through StatementColumns; strings are assigned, so a reused row allocates little.
template <typename Columns>
void readRelationInto(const Columns& q, RelationRow& r) {
    auto optionalReal = [&](int c) {
        return q.null(c) ? std::nullopt : std::optional<double>(q.real(c));
    };
    auto optionalInt = [&](int c) {
        return q.null(c) ? std::nullopt : std::optional<int>(static_cast<int>(q.int64(c)));
    };
    r.id = q.int64(0);
    r.type.assign(q.text(1));
    r.src = q.int64(2);
    r.dst = q.int64(3);
    r.rkey.assign(q.text(4));
    r.directed = q.int64(5) != 0;
    r.support = q.int64(6);
    r.dispute = q.int64(7);
    r.confidence = q.real(8);
    r.shareMin = optionalReal(9);
    r.shareMax = optionalReal(10);
    r.shareConflict = q.int64(11) != 0;
    r.validFrom = optionalInt(12);
    r.validTo = optionalInt(13);
    r.firstSeen.assign(q.text(14));
    r.lastSeen.assign(q.text(15));
    r.indirect = q.int64(16) != 0;
}

// RowScan's accessors over a SQLiteCpp statement.
struct StatementColumns {
    SQLite::Statement& q;
    std::int64_t int64(int c) const { return q.getColumn(c).getInt64(); }
    double real(int c) const { return q.getColumn(c).getDouble(); }
    bool null(int c) const { return q.getColumn(c).isNull(); }
    std::string text(int c) const { return q.getColumn(c).getString(); }
};

RelationRow readRelation(SQLite::Statement& q) {
    RelationRow r;
    readRelationInto(StatementColumns{q}, r);
    return r;
}

std::int64_t count(SQLite::Database& db, const std::string& sql) {
    return db.execAndGet(sql).getInt64();
}

// Leaves out the canonical entities retraction hid (`id` is the entity's own column).
constexpr const char* kNotHidden = "id NOT IN (SELECT id FROM hidden_entities)";

}  // namespace

StoreStats Store::stats() {
    return storageCall(path_, "", [&] {
        auto& db = impl_->db;
        StoreStats s;
        // One pass over each large table (claims, entities, relations) for all its counts.
        s.sources = count(db, "SELECT count(*) FROM sources");
        SQLite::Statement claims(db,
                                 "SELECT count(*), coalesce(sum(kind = 0), 0), "
                                 "coalesce(sum(kind = 1), 0), coalesce(sum(stance = 1), 0) "
                                 "FROM claims");
        claims.executeStep();
        s.claims = claims.getColumn(0).getInt64();
        s.relationClaims = claims.getColumn(1).getInt64();
        s.propertyClaims = claims.getColumn(2).getInt64();
        s.deniedClaims = claims.getColumn(3).getInt64();
        SQLite::Statement byType(db,
                                 "SELECT type, count(*), sum(stub = 1) FROM entities WHERE "
                                 "merged_into IS NULL AND " +
                                     std::string(kNotHidden) + " GROUP BY type ORDER BY type");
        while (byType.executeStep()) {
            std::int64_t n = byType.getColumn(1).getInt64();
            s.entitiesByType.emplace_back(byType.getColumn(0).getString(), n);
            s.entities += n;
            s.stubEntities += byType.getColumn(2).getInt64();
        }
        SQLite::Statement relByType(
            db,
            "SELECT type, sum(support > 0), sum(support > 0 AND dispute > 0), "
            "sum(support = 0 AND dispute > 0) FROM relations GROUP BY type ORDER BY type");
        while (relByType.executeStep()) {
            std::int64_t n = relByType.getColumn(1).getInt64();
            if (n > 0) s.relationsByType.emplace_back(relByType.getColumn(0).getString(), n);
            s.relations += n;
            s.disputedRelations += relByType.getColumn(2).getInt64();
            s.deniedOnlyRelations += relByType.getColumn(3).getInt64();
        }
        s.rejections = count(db, "SELECT count(*) FROM rejections");
        s.retractedClaims = count(db, "SELECT count(*) FROM retracted_claims");
        s.hiddenEntities = count(db, "SELECT count(*) FROM hidden_entities");
        return s;
    });
}

std::vector<SourceRow> Store::sources() {
    return storageCall(path_, "cannot read the sources", [&]() -> std::vector<SourceRow> {
        SQLite::Statement q(
            impl_->db,
            "SELECT s.id, s.key, s.title, s.publisher, s.url, s.published, s.retrieved, "
            "s.kind, s.licence, (SELECT count(*) FROM claims c WHERE c.source = s.id) "
            "FROM sources s ORDER BY s.key");
        std::vector<SourceRow> out;
        while (q.executeStep()) {
            SourceRow r;
            r.id = q.getColumn(0).getInt64();
            r.source.key = q.getColumn(1).getString();
            r.source.title = q.getColumn(2).getString();
            r.source.publisher = q.getColumn(3).getString();
            r.source.url = q.getColumn(4).getString();
            r.source.published = q.getColumn(5).getString();
            r.source.retrieved = q.getColumn(6).getString();
            r.source.kind = q.getColumn(7).getString();
            r.source.licence = q.getColumn(8).getString();
            r.claims = q.getColumn(9).getInt64();
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::vector<EntityRow> Store::entities(const std::vector<std::string>& types,
                                       const std::string& nameNorm, std::int64_t limit) {
    return storageCall(path_, "cannot read the entities", [&]() -> std::vector<EntityRow> {
        // With a name: the names holding it first, in one pass over the names, then their
        // canonical entities (testing each entity's names in turn read them once per entity).
        std::string sql =
            nameNorm.empty()
                ? "SELECT "
                : "WITH hits(id) AS (SELECT DISTINCT coalesce(m.merged_into, m.id) FROM live_names "
                  "n "
                  "JOIN entities m ON m.id = n.entity WHERE instr(n.norm, ?) > 0) SELECT ";
        sql +=
            "e.id, e.key, e.type, e.name, e.stub, "
            "(SELECT count(*) FROM relations r WHERE r.src = e.id AND r.support > 0) + "
            "(SELECT count(*) FROM relations r WHERE r.dst = e.id AND r.support > 0) FROM ";
        sql += nameNorm.empty() ? "entities e" : "hits h JOIN entities e ON e.id = h.id";
        sql += " WHERE e.merged_into IS NULL AND e.id NOT IN (SELECT id FROM hidden_entities)";
        if (!types.empty()) {
            sql += " AND e.type IN (";
            for (size_t i = 0; i < types.size(); ++i) sql += i ? ", ?" : "?";
            sql += ")";
        }
        sql += " ORDER BY e.name, e.id";
        if (limit > 0) sql += " LIMIT " + std::to_string(limit);
        SQLite::Statement q(impl_->db, sql);
        int i = 1;
        if (!nameNorm.empty()) q.bind(i++, nameNorm);
        for (const auto& t : types) q.bind(i++, t);
        std::vector<EntityRow> out;
        while (q.executeStep()) {
            EntityRow r;
            r.id = q.getColumn(0).getInt64();
            r.key = q.getColumn(1).getString();
            r.type = q.getColumn(2).getString();
            r.name = q.getColumn(3).getString();
            r.stub = q.getColumn(4).getInt() != 0;
            r.relations = q.getColumn(5).getInt64();
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::optional<EntityRow> Store::entity(EntityId id) {
    return storageCall(path_, "cannot read the entity", [&]() -> std::optional<EntityRow> {
        auto& q = impl_->stmt(
            "SELECT e.id, e.key, e.type, e.name, e.stub, "
            "(SELECT count(*) FROM relations r WHERE r.src = e.id AND r.support > 0) + "
            "(SELECT count(*) FROM relations r WHERE r.dst = e.id AND r.support > 0) "
            "FROM entities e WHERE e.id = ?");
        q.bind(1, id);
        std::optional<EntityRow> out;
        if (q.executeStep()) {
            EntityRow r;
            r.id = q.getColumn(0).getInt64();
            r.key = q.getColumn(1).getString();
            r.type = q.getColumn(2).getString();
            r.name = q.getColumn(3).getString();
            r.stub = q.getColumn(4).getInt() != 0;
            r.relations = q.getColumn(5).getInt64();
            out = std::move(r);
        }
        q.reset();
        return out;
    });
}

std::optional<EntityId> Store::entityByKey(const std::string& key) {
    return storageCall(path_, "cannot read the entity", [&]() -> std::optional<EntityId> {
        auto& q = impl_->stmt("SELECT id FROM entities WHERE key = ?");
        q.bind(1, key);
        std::optional<EntityId> out;
        if (q.executeStep()) out = q.getColumn(0).getInt64();
        q.reset();
        return out;
    });
}

std::vector<EntityId> Store::entitiesByNorm(const std::string& norm) {
    return storageCall(path_, "cannot read the names", [&]() -> std::vector<EntityId> {
        auto& q = impl_->stmt(
            "SELECT DISTINCT coalesce(e.merged_into, e.id) FROM live_names n JOIN entities e ON "
            "e.id = "
            "n.entity "
            "WHERE n.norm = ? AND coalesce(e.merged_into, e.id) NOT IN (SELECT id FROM "
            "hidden_entities) "
            "ORDER BY 1");
        q.bind(1, norm);
        std::vector<EntityId> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
        q.reset();
        return out;
    });
}

std::optional<RelationRow> Store::relation(RelationId id) {
    return storageCall(path_, "cannot read the relation", [&]() -> std::optional<RelationRow> {
        auto& q = impl_->stmt(
            "SELECT id, type, src, dst, rkey, directed, support, dispute, confidence, "
            "share_min, share_max, share_conflict, valid_from, valid_to, first_seen, "
            "last_seen, indirect FROM relations WHERE id = ?");
        q.bind(1, id);
        std::optional<RelationRow> out;
        if (q.executeStep()) out = readRelation(q);
        q.reset();
        return out;
    });
}

EntityId Store::canonical(EntityId id) {
    return storageCall(path_, "cannot read the entity", [&]() -> EntityId {
        auto& q = impl_->stmt("SELECT merged_into FROM entities WHERE id = ?");
        // Merges form short chains; follow them to the end.
        for (int guard = 0; guard < 64; ++guard) {
            q.bind(1, id);
            std::optional<EntityId> next;
            if (q.executeStep() && !q.getColumn(0).isNull()) next = q.getColumn(0).getInt64();
            q.reset();
            if (!next) return id;
            id = *next;
        }
        return id;
    });
}

EntityDetail Store::detail(EntityId id) {
    return storageCall(path_, "cannot read the entity", [&]() -> EntityDetail {
        EntityDetail d;
        auto row = entity(id);
        if (!row) throw QueryError(cat("no entity with id ", id));
        d.entity = *row;
        auto& db = impl_->db;
        SQLite::Statement merged(db, "SELECT id FROM entities WHERE merged_into = ? ORDER BY id");
        merged.bind(1, id);
        while (merged.executeStep()) d.mergedFrom.push_back(merged.getColumn(0).getInt64());
        SQLite::Statement names(
            db,
            "SELECT n.name, n.norm, coalesce(c.key, '') FROM live_names n "
            "LEFT JOIN claims c ON c.id = n.claim JOIN entities e ON e.id = n.entity "
            "WHERE e.id = ?1 OR e.merged_into = ?1 ORDER BY n.id");
        names.bind(1, id);
        while (names.executeStep()) {
            d.names.push_back({names.getColumn(0).getString(), names.getColumn(1).getString(),
                               names.getColumn(2).getString()});
        }
        SQLite::Statement ids(
            db,
            "SELECT DISTINCT i.scheme, i.value FROM live_identifiers i JOIN entities e ON "
            "e.id = i.entity WHERE e.id = ?1 OR e.merged_into = ?1 ORDER BY 1, 2");
        ids.bind(1, id);
        while (ids.executeStep())
            d.identifiers.emplace_back(ids.getColumn(0).getString(), ids.getColumn(1).getString());
        // Reference facts (stance 2) are hints for resolution, not claims about the property.
        // Each value is listed once, with every claim behind it.
        SQLite::Statement props(
            db, std::string("SELECT p.name, p.value, p.stance, ") + kClaimColumns +
                    " FROM properties p JOIN claims c ON c.id = p.claim JOIN sources s "
                    "ON s.id = c.source JOIN entities e ON e.id = p.entity "
                    "WHERE (e.id = ?1 OR e.merged_into = ?1) AND p.stance IN (0, 1) "
                    "ORDER BY p.name, p.value, c.id");
        props.bind(1, id);
        ClaimId last = 0;
        while (props.executeStep()) {
            std::string name = props.getColumn(0).getString();
            std::string value = props.getColumn(1).getString();
            bool denies = props.getColumn(2).getInt() == static_cast<int>(Stance::Denies);
            if (d.properties.empty() || d.properties.back().name != name ||
                d.properties.back().value != value) {
                d.properties.push_back(PropertyRow{std::move(name), std::move(value), {}, {}});
                last = 0;
            }
            ClaimRow claim = readClaim(props, 3);
            if (claim.id == last) continue;  // one claim recorded twice for one value
            last = claim.id;
            (denies ? d.properties.back().denials : d.properties.back().claims)
                .push_back(std::move(claim));
        }
        SQLite::Statement rels(db, std::string("SELECT ") + kRelationColumns +
                                       " FROM relations WHERE src = ?1 UNION SELECT " +
                                       kRelationColumns +
                                       " FROM relations WHERE dst = ?1 ORDER BY 2, 1");
        rels.bind(1, id);
        while (rels.executeStep()) d.relations.push_back(readRelation(rels));
        return d;
    });
}

std::vector<ClaimRow> Store::claimsBetween(EntityId a, EntityId b) {
    return storageCall(path_, "cannot read the claims", [&]() -> std::vector<ClaimRow> {
        // The entities merged into each end, then the claims by their subject or object index
        // (a condition on the ends' canonical ids would read every claim).
        static const std::string sql =
            std::string(
                "WITH ma(id) AS (SELECT ?1 UNION SELECT id FROM entities WHERE merged_into = ?1), "
                "mb(id) AS (SELECT ?2 UNION SELECT id FROM entities WHERE merged_into = ?2) "
                "SELECT ") +
            kClaimColumns +
            " FROM claims c JOIN sources s ON s.id = c.source "
            "WHERE c.subject IN ma AND c.object IN mb "
            "UNION SELECT " +
            kClaimColumns +
            " FROM claims c JOIN sources s ON s.id = c.source "
            "WHERE c.subject IN mb AND c.object IN ma "
            "ORDER BY 1";
        auto& q = impl_->stmt(sql.c_str());
        q.bind(1, a);
        q.bind(2, b);
        std::vector<ClaimRow> out;
        while (q.executeStep()) out.push_back(readClaim(q));
        q.reset();
        return out;
    });
}

std::vector<ClaimRow> Store::claimsOfRelation(RelationId id) {
    return storageCall(path_, "cannot read the claims", [&]() -> std::vector<ClaimRow> {
        static const std::string sql = std::string("SELECT ") + kClaimColumns +
                                       " FROM claims c JOIN sources s ON s.id = c.source "
                                       "WHERE c.relation_id = ? ORDER BY c.id";
        auto& q = impl_->stmt(sql.c_str());
        q.bind(1, id);
        std::vector<ClaimRow> out;
        while (q.executeStep()) out.push_back(readClaim(q));
        q.reset();
        return out;
    });
}

void Store::forEachCanonicalEntity(
    const std::function<void(EntityId, const std::string&, const std::string&, const std::string&)>&
        fn) {
    storageCall(path_, "cannot read the entities", [&] {
        RowScan q(
            impl_->db,
            "SELECT id, key, type, name FROM entities WHERE merged_into IS NULL AND id NOT IN "
            "(SELECT id FROM hidden_entities) ORDER BY id");
        std::string key, type, name;  // reused: no allocation per row
        while (q.next()) {
            key.assign(q.text(1));
            type.assign(q.text(2));
            name.assign(q.text(3));
            fn(q.int64(0), key, type, name);
        }
    });
}

std::vector<RelationId> Store::relationsSupportedBy(const std::vector<std::string>& sourceKeys) {
    return storageCall(path_, "cannot read the relations", [&]() -> std::vector<RelationId> {
        std::string sql =
            "SELECT DISTINCT c.relation_id FROM claims c JOIN sources s ON s.id = c.source "
            "WHERE c.relation_id IS NOT NULL AND c.stance = 0 AND s.key IN (";
        for (size_t i = 0; i < sourceKeys.size(); ++i) sql += i ? ", ?" : "?";
        sql += ") ORDER BY 1";
        SQLite::Statement q(impl_->db, sql);
        for (size_t i = 0; i < sourceKeys.size(); ++i)
            q.bind(static_cast<int>(i + 1), sourceKeys[i]);
        std::vector<RelationId> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
        return out;
    });
}

void Store::forEachRelation(const std::function<void(const RelationRow&)>& fn) {
    storageCall(path_, "cannot read the relations", [&] {
        RowScan q(
            impl_->db,
            (std::string("SELECT ") + kRelationColumns + " FROM relations ORDER BY id").c_str());
        RelationRow r;  // reused: its strings keep their capacity from row to row
        while (q.next()) {
            readRelationInto(q, r);
            fn(r);
        }
    });
}

void Store::forEachRelationEdge(const std::function<void(const RelationRow&)>& fn) {
    storageCall(path_, "cannot read the relations", [&] {
        // The columns of kRelationColumns, with constants in place of the four the view never
        // reads.
        RowScan q(
            impl_->db,
            "SELECT id, type, src, dst, '', directed, support, dispute, confidence, share_min, "
            "share_max, 0, valid_from, valid_to, '', '', indirect FROM relations ORDER BY id");
        RelationRow r;
        while (q.next()) {
            readRelationInto(q, r);
            fn(r);
        }
    });
}

}  // namespace cg::graph
