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
                row.validity.emplace_back(dayOf(q.getColumn(3), false), dayOf(q.getColumn(4), true));
            }
        }
        if (open) emit();
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot read relation provenance: " + e.what());
    }
}

void Store::forEachEntityProvenance(const std::function<void(const EntityProvenance&)>& fn) {
    try {
        // One row per (canonical entity, source); SQLite groups and sorts in one pass.
        SQLite::Statement q(impl_->db,
                            "SELECT coalesce(e.merged_into, e.id) AS canon, m.source, max(m.stance), "
                            "max(CASE WHEN m.stance = 0 THEN m.confidence END) FROM ("
                            "SELECT subject AS named, source, stance, confidence FROM claims "
                            "UNION ALL SELECT object, source, stance, confidence FROM claims "
                            "WHERE object IS NOT NULL) m JOIN entities e ON e.id = m.named "
                            "GROUP BY canon, m.source ORDER BY canon, m.source");
        EntityProvenance row;
        bool open = false;
        while (q.executeStep()) {
            EntityId id = q.getColumn(0).getInt64();
            if (!open || id != row.id) {
                if (open) fn(row);
                open = true;
                row.id = id;
                row.sources.clear();
                row.confidence = 0;
                row.denied = false;
            }
            row.sources.push_back(q.getColumn(1).getInt64());
            if (q.getColumn(2).getInt() == static_cast<int>(Stance::Denies)) row.denied = true;
            if (!q.getColumn(3).isNull()) {
                row.confidence = std::max(row.confidence, q.getColumn(3).getDouble());
            }
        }
        if (open) fn(row);
    } catch (const SQLite::Exception& e) {
        throw StorageError(path_ + ": cannot read entity provenance: " + e.what());
    }
}

}  // namespace cg::graph
