// SPDX-License-Identifier: MIT
// The part of Store that keeps name-only references and moves one to another entity when its
// name turns out to fit several (docs/resolution.md, "Ambiguous references").
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

void Store::addNameReference(EntityId entity, std::uint64_t normHash, ClaimId claim,
                             ReferenceRole role, const std::string& type, const std::string& name) {
    storageCall(path_, "cannot record a name reference", [&] {
        auto& q = impl_->stmt(
            "INSERT OR IGNORE INTO name_references(entity, norm_hash, claim, role, type, name) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        q.bind(1, entity);
        q.bind(2, static_cast<std::int64_t>(normHash));
        q.bind(3, claim);
        q.bind(4, static_cast<int>(role));
        q.bind(5, type);
        q.bind(6, name);
        q.exec();
        q.reset();
    });
}

std::vector<NameReferenceRow> Store::takeNameReferences(EntityId entity, std::uint64_t normHash) {
    std::vector<NameReferenceRow> out;
    storageCall(path_, "cannot read name references", [&] {
        auto& q = impl_->stmt(
            "SELECT n.claim, n.role, n.type, n.name, s.key, c.file, c.line "
            "FROM name_references n JOIN claims c ON c.id = n.claim "
            "JOIN sources s ON s.id = c.source "
            "WHERE n.entity = ? AND n.norm_hash = ? ORDER BY n.claim, n.role");
        q.bind(1, entity);
        q.bind(2, static_cast<std::int64_t>(normHash));
        while (q.executeStep()) {
            NameReferenceRow r;
            r.claim = q.getColumn(0).getInt64();
            r.role = q.getColumn(1).getInt() == 0 ? ReferenceRole::Subject : ReferenceRole::Object;
            r.type = q.getColumn(2).getString();
            r.name = q.getColumn(3).getString();
            r.sourceKey = q.getColumn(4).getString();
            r.file = shownFilePath(q.getColumn(5).getString());
            r.line = q.getColumn(6).getInt64();
            out.push_back(std::move(r));
        }
        q.reset();
        auto& del = impl_->stmt("DELETE FROM name_references WHERE entity = ? AND norm_hash = ?");
        del.bind(1, entity);
        del.bind(2, static_cast<std::int64_t>(normHash));
        del.exec();
        del.reset();
    });
    return out;
}

void Store::forEachNameReference(const std::function<void(EntityId, std::uint64_t normHash)>& fn) {
    storageCall(path_, "cannot read name references", [&] {
        RowScan q(impl_->db, "SELECT entity, norm_hash FROM name_references");
        while (q.next()) fn(q.int64(0), static_cast<std::uint64_t>(q.int64(1)));
    });
}

void Store::moveReference(ClaimId claim, ReferenceRole role, EntityId from, EntityId to) {
    storageCall(path_, "cannot move a reference", [&] {
        impl_->useIndex("properties_entity");
        auto& read = impl_->stmt(
            "SELECT c.relation, c.subject, c.object, c.relation_id, r.rkey, r.directed "
            "FROM claims c LEFT JOIN relations r ON r.id = c.relation_id WHERE c.id = ?");
        read.bind(1, claim);
        if (!read.executeStep()) {
            read.reset();
            return;
        }
        bool isRelation = !read.getColumn(0).isNull() && !read.getColumn(3).isNull();
        std::string type = read.getColumn(0).getString();
        EntityId subject = read.getColumn(1).getInt64();
        EntityId object = read.getColumn(2).getInt64();
        RelationId relation = read.getColumn(3).getInt64();
        std::string rkey = read.getColumn(4).getString();
        bool directed = read.getColumn(5).getInt() != 0;
        read.reset();
        bool isSubject = role == ReferenceRole::Subject;
        auto& update = isSubject ? impl_->stmt("UPDATE claims SET subject = ? WHERE id = ?")
                                 : impl_->stmt("UPDATE claims SET object = ? WHERE id = ?");
        update.bind(1, to);
        update.bind(2, claim);
        update.exec();
        update.reset();
        // Titles and countries the reference gave are facts about whoever it names.
        auto& props =
            impl_->stmt("UPDATE properties SET entity = ? WHERE entity = ? AND claim = ?");
        props.bind(1, to);
        props.bind(2, from);
        props.bind(3, claim);
        props.exec();
        props.reset();
        if (!isRelation) return;
        (isSubject ? subject : object) = to;
        EntityId a = canonical(subject);
        EntityId b = canonical(object);
        if (!directed && b < a) std::swap(a, b);
        RelationId target = relationFor(type, a, b, rkey, directed);
        if (target == relation) return;
        auto& refile = impl_->stmt("UPDATE claims SET relation_id = ? WHERE id = ?");
        refile.bind(1, target);
        refile.bind(2, claim);
        refile.exec();
        refile.reset();
        // Both relations are recomputed from their claims at commit.
        impl_->reload.insert(relation);
        impl_->reload.insert(target);
    });
}

std::vector<EntityRow> Store::entitiesWithKeyPrefix(const std::string& prefix) {
    return storageCall(path_, "cannot read the entities", [&]() -> std::vector<EntityRow> {
        std::vector<EntityId> ids;
        {
            // A range on the unique key index; the prefix's last byte + 1 ends it.
            std::string end = prefix;
            if (!end.empty()) end.back() = static_cast<char>(end.back() + 1);
            auto& q = impl_->stmt(
                "SELECT id FROM entities WHERE key >= ? AND key < ? AND merged_into IS NULL "
                "ORDER BY key");
            q.bind(1, prefix);
            q.bind(2, end);
            while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
            q.reset();
        }
        std::vector<EntityRow> out;
        for (EntityId id : ids) {
            if (auto row = entity(id)) out.push_back(std::move(*row));
        }
        return out;
    });
}

std::vector<std::pair<std::string, std::string>> Store::identifiersOf(EntityId id) {
    return storageCall(
        path_, "cannot read the identifiers",
        [&]() -> std::vector<std::pair<std::string, std::string>> {
            auto& q = impl_->stmt("SELECT scheme, value FROM identifiers WHERE entity = ?");
            q.bind(1, id);
            std::vector<std::pair<std::string, std::string>> out;
            while (q.executeStep())
                out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
            q.reset();
            std::sort(out.begin(), out.end());
            return out;
        });
}

}  // namespace cg::graph
