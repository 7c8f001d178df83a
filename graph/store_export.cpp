// SPDX-License-Identifier: MIT
// The bulk reads exporters need: one streaming scan each, in id order, no per-row queries.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

namespace {

void sortUnique(std::vector<SourceId>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// Claims store dates in canonical ISO text; an unreadable one counts as open, as it does
// for the relation's derived dates.
int dayOf(const SQLite::Column& column, bool last) {
    if (column.isNull()) return 0;
    auto date = PartialDate::parse(column.getString());
    if (!date) return 0;
    return last ? date->lastDay() : date->firstDay();
}

}  // namespace

void Store::forEachSource(const std::function<void(SourceId, const Source&)>& fn) {
    try {
        SQLite::Statement q(impl_->db,
                            "SELECT id, key, title, publisher, url, published, retrieved, kind, "
                            "licence FROM sources ORDER BY key");
        Source s;
        while (q.executeStep()) {
            s.key = q.getColumn(1).getString();
            s.title = q.getColumn(2).getString();
            s.publisher = q.getColumn(3).getString();
            s.url = q.getColumn(4).getString();
            s.published = q.getColumn(5).getString();
            s.retrieved = q.getColumn(6).getString();
            s.kind = q.getColumn(7).getString();
            s.licence = q.getColumn(8).getString();
            fn(q.getColumn(0).getInt64(), s);
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot read sources: " + e.what());
    }
}

void Store::forEachRelationProvenance(const std::function<void(const RelationProvenance&)>& fn) {
    try {
        // The claims_relation index yields (relation_id, id) order without a sort.
        SQLite::Statement q(impl_->db,
                            "SELECT relation_id, source, stance, valid_from, valid_to FROM claims "
                            "WHERE relation_id IS NOT NULL ORDER BY relation_id, id");
        RelationProvenance row;
        bool open = false;
        auto emit = [&] {
            sortUnique(row.sources);
            fn(row);
        };
        while (q.executeStep()) {
            RelationId id = q.getColumn(0).getInt64();
            if (!open || id != row.id) {
                if (open) emit();
                open = true;
                row.id = id;
                row.sources.clear();
                row.validity.clear();
            }
            row.sources.push_back(q.getColumn(1).getInt64());
            if (q.getColumn(2).getInt() == static_cast<int>(Stance::Asserts)) {
                row.validity.emplace_back(dayOf(q.getColumn(3), false),
                                          dayOf(q.getColumn(4), true));
            }
        }
        if (open) emit();
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot read relation provenance: " + e.what());
    }
}

void Store::forEachEntityProvenance(const std::function<void(const EntityProvenance&)>& fn) {
    try {
        // Grouping in SQL sorts every (entity, claim) pair through SQLite's sorter, which is
        // several times slower than two sequential passes over the claims that bucket the
        // pairs by entity id (ids are dense rowids), as a counting sort does.
        std::vector<std::pair<EntityId, EntityId>> merged;
        {
            SQLite::Statement q(
                impl_->db,
                "SELECT id, merged_into FROM entities WHERE merged_into IS NOT NULL ORDER BY id");
            while (q.executeStep())
                merged.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
        }
        auto canonical = [&](EntityId id) {
            auto it =
                std::lower_bound(merged.begin(), merged.end(), std::make_pair(id, EntityId{0}));
            return it != merged.end() && it->first == id ? it->second : id;
        };
        auto maxId = impl_->db.execAndGet("SELECT coalesce(max(id), 0) FROM entities").getInt64();
        if (maxId <= 0) return;
        std::vector<std::uint32_t> start(static_cast<std::size_t>(maxId) + 2, 0);
        constexpr const char* kNamed =
            "SELECT subject, coalesce(object, 0), source, stance, confidence FROM claims";
        auto inRange = [&](EntityId id) { return id > 0 && id <= maxId; };
        {
            SQLite::Statement q(impl_->db, kNamed);
            while (q.executeStep()) {
                EntityId subject = canonical(q.getColumn(0).getInt64());
                EntityId object = q.getColumn(1).getInt64();
                if (inRange(subject)) ++start[static_cast<std::size_t>(subject) + 1];
                if (object != 0 && inRange(object = canonical(object)))
                    ++start[static_cast<std::size_t>(object) + 1];
            }
        }
        for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
        // A denial is kept as the negated source id (source ids are positive rowids).
        struct Named {
            std::int64_t source;
            double confidence;
        };
        std::vector<Named> named(start.back());
        {
            std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
            SQLite::Statement q(impl_->db, kNamed);
            while (q.executeStep()) {
                bool denies = q.getColumn(3).getInt() == static_cast<int>(Stance::Denies);
                std::int64_t source = q.getColumn(2).getInt64();
                Named n{denies ? -source : source, q.getColumn(4).getDouble()};
                EntityId subject = canonical(q.getColumn(0).getInt64());
                EntityId object = q.getColumn(1).getInt64();
                if (inRange(subject)) named[next[static_cast<std::size_t>(subject)]++] = n;
                if (object != 0 && inRange(object = canonical(object)))
                    named[next[static_cast<std::size_t>(object)]++] = n;
            }
        }
        EntityProvenance row;
        for (EntityId id = 1; id <= maxId; ++id) {
            auto b = named.begin() + start[static_cast<std::size_t>(id)];
            auto e = named.begin() + start[static_cast<std::size_t>(id) + 1];
            if (b == e) continue;
            row.id = id;
            row.sources.clear();
            row.confidence = 0;
            row.denied = false;
            for (auto it = b; it != e; ++it) {
                if (it->source < 0) {
                    row.denied = true;
                    row.sources.push_back(-it->source);
                } else {
                    row.sources.push_back(it->source);
                    row.confidence = std::max(row.confidence, it->confidence);
                }
            }
            sortUnique(row.sources);
            fn(row);
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot read entity provenance: " + e.what());
    }
}

void Store::forEachEntityFact(
    const std::function<void(EntityId, FactKind, const std::string&, const std::string&)>& fn) {
    // merged_into always names the canonical entity itself, never a chain.
    struct Scan {
        FactKind kind;
        const char* sql;
    };
    static constexpr Scan kScans[] = {
        {FactKind::Name,
         "SELECT coalesce(e.merged_into, e.id), '', n.name FROM names n "
         "JOIN entities e ON e.id = n.entity"},
        {FactKind::Identifier,
         "SELECT coalesce(e.merged_into, e.id), i.scheme, i.value FROM identifiers i "
         "JOIN entities e ON e.id = i.entity"},
        {FactKind::Property,
         "SELECT coalesce(e.merged_into, e.id), p.name, p.value FROM properties p "
         "JOIN entities e ON e.id = p.entity WHERE p.stance = 0"},
    };
    try {
        std::string key, value;
        for (const auto& scan : kScans) {
            SQLite::Statement q(impl_->db, scan.sql);
            while (q.executeStep()) {
                key = q.getColumn(1).getString();
                value = q.getColumn(2).getString();
                fn(q.getColumn(0).getInt64(), scan.kind, key, value);
            }
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ +
                           ": cannot read entity names, identifiers and properties: " + e.what());
    }
}

}  // namespace cg::graph
