// SPDX-License-Identifier: MIT
#include "graph/provenance_scan.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

/// Fills ClaimProvenance's private tables (its friend): the scans behind readClaimProvenance.
struct ProvenanceScanner {
    static ClaimProvenance read(const Store& store, const ProvenanceOptions& options);
    static void readRelationClaims(SQLite::Database& db, bool quotes, std::size_t relations,
                                   std::int64_t maxSource, ClaimProvenance& p);
    static void readEntityFacts(SQLite::Database& db, std::size_t entities,
                                const std::function<std::uint32_t(std::int64_t)>& entityOf,
                                ClaimProvenance& p);
};

namespace {

// Counting sort of (id, item) pairs into a start table with one entry per id plus one.
template <typename Item>
void bucket(std::vector<std::pair<std::uint32_t, Item>>& pairs, std::size_t ids,
            std::vector<std::uint32_t>& start, std::vector<Item>& items) {
    start.assign(ids + 1, 0);
    for (const auto& p : pairs) ++start[p.first + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    items.resize(pairs.size());
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (const auto& p : pairs) items[next[p.first]++] = p.second;
    pairs = {};
}

// Sorts and de-duplicates each id's run of source ids in place, closing the gaps.
void compactSources(std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& sources) {
    std::uint32_t out = 0;
    for (std::size_t id = 0; id + 1 < start.size(); ++id) {
        auto b = sources.begin() + start[id];
        auto e = sources.begin() + start[id + 1];
        std::sort(b, e);
        start[id] = out;
        auto last = std::unique(b, e);
        auto kept = static_cast<std::uint32_t>(last - b);
        if (sources.begin() + out != b) std::copy(b, last, sources.begin() + out);
        out += kept;
    }
    start.back() = out;
    sources.resize(out);
    sources.shrink_to_fit();
}

// Appends text to the provenance's text store; throws StorageError past 4 GiB of text.
TextRef keepText(std::string& store, std::string_view text) {
    if (store.size() + text.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw StorageError("the evidence of this export holds more than 4 GiB of text");
    }
    TextRef ref{static_cast<std::uint32_t>(store.size()), static_cast<std::uint32_t>(text.size())};
    store.append(text);
    return ref;
}

}  // namespace

// One more sequential scan of the claims, keeping the relation claims' evidence; attributes
// are taken apart by SQLite's JSON functions (the claims store them as compact JSON).
void ProvenanceScanner::readRelationClaims(SQLite::Database& db, bool quotes, std::size_t relations,
                                           std::int64_t maxSource, ClaimProvenance& p) {
    std::string sql = "SELECT id, relation_id, source, stance, confidence, key, ";
    sql += quotes ? "quote" : "''";
    for (auto name : kClaimAttributeNames) {
        sql += ", json_extract(a, '$.";
        sql += name;
        sql += "')";
    }
    sql += ", valid_from, valid_to";
    sql +=
        " FROM (SELECT *, CASE WHEN json_valid(attributes) THEN attributes ELSE '{}' END AS a "
        "FROM claims WHERE relation_id IS NOT NULL)";
    std::vector<std::pair<std::uint32_t, ClaimRecord>> pairs;
    RowScan q(db, sql.c_str());
    while (q.next()) {
        auto relation = q.int64(1);
        auto source = q.int64(2);
        if (relation <= 0 || static_cast<std::size_t>(relation) >= relations) continue;
        if (source <= 0 || source > maxSource) continue;
        ClaimRecord c;
        c.id = q.int64(0);
        c.source = static_cast<std::uint32_t>(source);
        c.denies = q.int64(3) == static_cast<int>(Stance::Denies);
        c.confidence = static_cast<float>(q.real(4));
        c.key = keepText(p.text_, q.text(5));
        c.quote = keepText(p.text_, q.text(6));
        c.attributesBegin = static_cast<std::uint32_t>(p.attributes_.size());
        for (std::size_t a = 0; a < kClaimAttributeCount; ++a) {
            int column = 7 + static_cast<int>(a);
            if (q.null(column)) continue;
            auto value = q.text(column);
            if (value.empty()) continue;
            p.attributes_.push_back({static_cast<ClaimAttribute>(a), keepText(p.text_, value)});
            ++c.attributesCount;
        }
        constexpr int kValidFrom = 7 + static_cast<int>(kClaimAttributeCount);
        if (!q.null(kValidFrom)) c.validFrom = keepText(p.text_, q.text(kValidFrom));
        if (!q.null(kValidFrom + 1)) c.validTo = keepText(p.text_, q.text(kValidFrom + 1));
        pairs.emplace_back(static_cast<std::uint32_t>(relation), c);
    }
    // A stable counting sort: each relation's claims stay in claim id order.
    bucket(pairs, relations, p.claimStart_, p.claims_);
}

void ProvenanceScanner::readEntityFacts(SQLite::Database& db, std::size_t entities,
                                        const std::function<std::uint32_t(std::int64_t)>& entityOf,
                                        ClaimProvenance& p) {
    struct Scan {
        EntityFact::Kind kind;
        const char* sql;
    };
    static constexpr Scan kScans[] = {
        {EntityFact::Kind::Name, "SELECT entity, '', name FROM live_names"},
        {EntityFact::Kind::Identifier, "SELECT entity, scheme, value FROM live_identifiers"},
        {EntityFact::Kind::Property,
         "SELECT entity, name, value FROM live_properties WHERE stance = 0"},
    };
    std::vector<std::pair<std::uint32_t, EntityFact>> pairs;
    for (const auto& scan : kScans) {
        RowScan q(db, scan.sql);
        while (q.next()) {
            auto entity = entityOf(q.int64(0));
            if (entity == 0) continue;
            EntityFact f;
            f.kind = scan.kind;
            f.key = keepText(p.text_, q.text(1));
            f.value = keepText(p.text_, q.text(2));
            pairs.emplace_back(entity, f);
        }
    }
    bucket(pairs, entities, p.factStart_, p.facts_);
    auto before = [&](const EntityFact& a, const EntityFact& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        auto ak = p.text(a.key), bk = p.text(b.key);
        if (ak != bk) return ak < bk;
        return p.text(a.value) < p.text(b.value);
    };
    // Sorted, and a value given twice (a property asserted by two claims) kept once.
    std::uint32_t out = 0;
    for (std::size_t id = 0; id + 1 < p.factStart_.size(); ++id) {
        auto b = p.facts_.begin() + p.factStart_[id];
        auto e = p.facts_.begin() + p.factStart_[id + 1];
        std::sort(b, e, before);
        auto last = std::unique(b, e, [&](const EntityFact& x, const EntityFact& y) {
            return !before(x, y) && !before(y, x);
        });
        p.factStart_[id] = out;
        auto kept = static_cast<std::uint32_t>(last - b);
        if (p.facts_.begin() + out != b) std::copy(b, last, p.facts_.begin() + out);
        out += kept;
    }
    p.factStart_.back() = out;
    p.facts_.resize(out);
}

ClaimProvenance ProvenanceScanner::read(const Store& store, const ProvenanceOptions& options) {
    const std::string& path = store.path();
    return storageCall(path, "cannot read the provenance of entities and relations", [&] {
        auto& db = store.connection().db;
        auto maxEntity = db.execAndGet("SELECT coalesce(max(id), 0) FROM entities").getInt64();
        auto maxRelation = db.execAndGet("SELECT coalesce(max(id), 0) FROM relations").getInt64();
        auto maxSource = db.execAndGet("SELECT coalesce(max(id), 0) FROM sources").getInt64();
        // Ids are held in 32 bits, and source ids keep the top one for denials (kDenial).
        constexpr std::uint32_t kDenial = 0x80000000u;
        constexpr auto kNarrow = std::numeric_limits<std::uint32_t>::max() - 1;
        if (maxEntity > kNarrow || maxRelation > kNarrow || maxSource >= kDenial) {
            throw StorageError(path +
                               ": more than 4 billion entities or relations, or 2 billion sources");
        }
        auto entities = static_cast<std::size_t>(maxEntity) + 1;
        auto relations = static_cast<std::size_t>(maxRelation) + 1;
        // merged_into always names the canonical entity itself, never a chain.
        std::vector<std::uint32_t> canonical;
        {
            RowScan q(db, "SELECT id, merged_into FROM entities WHERE merged_into IS NOT NULL");
            while (q.next()) {
                if (canonical.empty()) {
                    canonical.resize(entities);
                    std::iota(canonical.begin(), canonical.end(), std::uint32_t{0});
                }
                auto id = q.int64(0);
                auto into = q.int64(1);
                if (id > 0 && id <= maxEntity && into > 0 && into <= maxEntity)
                    canonical[static_cast<std::size_t>(id)] = static_cast<std::uint32_t>(into);
            }
        }
        auto entityOf = [&](std::int64_t id) -> std::uint32_t {
            if (id <= 0 || id > maxEntity) return 0;
            return canonical.empty() ? static_cast<std::uint32_t>(id)
                                     : canonical[static_cast<std::size_t>(id)];
        };

        // One sequential scan; the claims table is in insertion order, not by entity or by
        // relation, so both groupings are counting sorts in memory (ids are dense rowids).
        // A denial is kept as the source id with the top bit set.
        struct Named {
            std::uint32_t source;
            float confidence;
        };
        struct RelationClaim {
            std::uint32_t source;  // with kDenial when the claim denies
            DayInterval days;
        };
        std::vector<std::pair<std::uint32_t, Named>> named;
        std::vector<std::pair<std::uint32_t, RelationClaim>> relationClaims;
        {
            RowScan q(db,
                      "SELECT subject, object, relation_id, source, stance, confidence, "
                      "valid_from, valid_to FROM claims");
            auto day = [&](int column, bool last) {
                if (q.null(column)) return 0;
                // Stored in canonical ISO text; an unreadable one counts as open, as it does
                // for the relation's derived dates.
                auto date = PartialDate::parse(q.text(column));
                if (!date) return 0;
                return last ? date->lastDay() : date->firstDay();
            };
            while (q.next()) {
                bool denies = q.int64(4) == static_cast<int>(Stance::Denies);
                auto source = q.int64(3);
                if (source <= 0 || source > maxSource) continue;
                auto s = static_cast<std::uint32_t>(source) | (denies ? kDenial : 0u);
                Named n{s, static_cast<float>(q.real(5))};
                if (auto subject = entityOf(q.int64(0))) named.emplace_back(subject, n);
                if (auto object = entityOf(q.int64(1))) named.emplace_back(object, n);
                auto relation = q.int64(2);
                if (relation > 0 && relation <= maxRelation) {
                    RelationClaim c{s, {}};
                    if (!denies) c.days = {day(6, false), day(7, true)};
                    relationClaims.emplace_back(static_cast<std::uint32_t>(relation), c);
                }
            }
        }

        ClaimProvenance p;
        std::vector<Named> byEntity;
        bucket(named, entities, p.entityStart_, byEntity);
        p.entityConfidence_.assign(entities, 0.0f);
        p.entityDenied_.assign(entities, 0);
        p.entitySources_.resize(byEntity.size());
        for (std::size_t id = 0; id < entities; ++id) {
            for (auto i = p.entityStart_[id]; i < p.entityStart_[id + 1]; ++i) {
                const Named& n = byEntity[i];
                p.entitySources_[i] = n.source & ~kDenial;
                if (n.source & kDenial) {
                    p.entityDenied_[id] = 1;
                } else {
                    p.entityConfidence_[id] = std::max(p.entityConfidence_[id], n.confidence);
                }
            }
        }
        byEntity = {};
        compactSources(p.entityStart_, p.entitySources_);

        std::vector<RelationClaim> byRelation;
        bucket(relationClaims, relations, p.relationStart_, byRelation);
        p.relationSources_.resize(byRelation.size());
        p.validityStart_.assign(relations + 1, 0);
        for (std::size_t id = 0; id < relations; ++id) {
            p.validityStart_[id] = static_cast<std::uint32_t>(p.validity_.size());
            for (auto i = p.relationStart_[id]; i < p.relationStart_[id + 1]; ++i) {
                const RelationClaim& c = byRelation[i];
                p.relationSources_[i] = c.source & ~kDenial;
                if (!(c.source & kDenial)) p.validity_.push_back(c.days);
            }
        }
        p.validityStart_.back() = static_cast<std::uint32_t>(p.validity_.size());
        p.validity_.shrink_to_fit();
        byRelation = {};
        compactSources(p.relationStart_, p.relationSources_);
        p.options_ = options;
        if (options.claims) readRelationClaims(db, options.quotes, relations, maxSource, p);
        if (options.entityFacts) readEntityFacts(db, entities, entityOf, p);
        return p;
    });
}

ClaimProvenance readClaimProvenance(const Store& store, const ProvenanceOptions& options) {
    return ProvenanceScanner::read(store, options);
}

std::size_t ClaimProvenance::memoryBytes() const {
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    return bytes(entityStart_) + bytes(entitySources_) + bytes(entityConfidence_) +
           bytes(entityDenied_) + bytes(relationStart_) + bytes(relationSources_) +
           bytes(validityStart_) + bytes(validity_) + bytes(claimStart_) + bytes(claims_) +
           bytes(attributes_) + bytes(factStart_) + bytes(facts_) + text_.capacity();
}

}  // namespace cg::graph
