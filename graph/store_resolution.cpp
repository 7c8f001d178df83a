// SPDX-License-Identifier: MIT
// The part of Store that re-files claims after a merge.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "graph/error.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

void Store::setMergedInto(EntityId id, std::optional<EntityId> into) {
    storageCall(path_, "cannot store the merge", [&] {
        auto& q = impl_->stmt("UPDATE entities SET merged_into = ? WHERE id = ?");
        if (into)
            q.bind(1, *into);
        else
            q.bind(1);
        q.bind(2, id);
        q.exec();
        q.reset();
    });
}

void Store::setEntityType(EntityId id, const std::string& type) {
    storageCall(path_, "cannot store the entity", [&] {
        auto& q = impl_->stmt("UPDATE entities SET type = ? WHERE id = ?");
        q.bind(1, type);
        q.bind(2, id);
        q.exec();
        q.reset();
    });
}

std::vector<EntityId> Store::mergedMembers(EntityId canonicalId) {
    return storageCall(path_, "cannot read the entities", [&]() -> std::vector<EntityId> {
        auto& q = impl_->stmt("SELECT id FROM entities WHERE merged_into = ? ORDER BY id");
        q.bind(1, canonicalId);
        std::vector<EntityId> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
        q.reset();
        return out;
    });
}

void Store::reassignRelations(const std::vector<EntityId>& entities) {
    storageCall(path_, "cannot re-file the claims", [&] {
        if (entities.empty()) return;
        struct Move {
            ClaimId claim;
            std::string type;
            EntityId subject, object;
            RelationId relation;
            std::string rkey;
            bool directed;
        };
        std::vector<Move> moves;
        auto& q = impl_->stmt(
            "SELECT c.id, c.relation, c.subject, c.object, c.relation_id, r.rkey, r.directed "
            "FROM claims c JOIN relations r ON r.id = c.relation_id "
            "WHERE c.kind = 0 AND (c.subject = ?1 OR c.object = ?1)");
        for (EntityId e : entities) {
            q.bind(1, e);
            while (q.executeStep()) {
                moves.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                 q.getColumn(2).getInt64(), q.getColumn(3).getInt64(),
                                 q.getColumn(4).getInt64(), q.getColumn(5).getString(),
                                 q.getColumn(6).getInt() != 0});
            }
            q.reset();
        }
        std::sort(moves.begin(), moves.end(),
                  [](const Move& a, const Move& b) { return a.claim < b.claim; });
        moves.erase(std::unique(moves.begin(), moves.end(),
                                [](const Move& a, const Move& b) { return a.claim == b.claim; }),
                    moves.end());
        auto& update = impl_->stmt("UPDATE claims SET relation_id = ? WHERE id = ?");
        for (const auto& m : moves) {
            EntityId a = canonical(m.subject);
            EntityId b = canonical(m.object);
            if (!m.directed && b < a) std::swap(a, b);
            RelationId target = relationFor(m.type, a, b, m.rkey, m.directed);
            if (target == m.relation) continue;
            update.bind(1, target);
            update.bind(2, m.claim);
            update.exec();
            update.reset();
            // Claims moved: both relations are recomputed from the table at commit.
            impl_->reload.insert(m.relation);
            impl_->reload.insert(target);
        }
    });
}

void Store::forEachPropertyValue(
    const std::vector<std::string>& names,
    const std::function<void(EntityId, const std::string&, const std::string&)>& fn) {
    storageCall(path_, "cannot read the properties", [&] {
        if (names.empty()) return;
        std::string sql =
            "SELECT entity, name, value FROM live_properties WHERE stance IN (0, 2) AND name IN (";
        for (std::size_t i = 0; i < names.size(); ++i) sql += i ? ", ?" : "?";
        sql += ") ORDER BY id";
        SQLite::Statement q(impl_->db, sql);
        for (std::size_t i = 0; i < names.size(); ++i) q.bind(static_cast<int>(i + 1), names[i]);
        while (q.executeStep()) {
            fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString());
        }
    });
}

}  // namespace cg::graph
