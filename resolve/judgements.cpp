// SPDX-License-Identifier: MIT
#include "resolve/judgements.hpp"

#include <algorithm>

#include "graph/error.hpp"
#include "graph/judgement_log.hpp"
#include "resolve/ambiguity.hpp"

namespace cg::resolve {

using graph::JudgementLog;
using graph::JudgementRow;

namespace {

std::vector<EntityId> groupOf(Store& store, EntityId canonicalId) {
    std::vector<EntityId> group = store.mergedMembers(canonicalId);
    group.push_back(canonicalId);
    return group;
}

std::string keyOf(Store& store, EntityId id) {
    auto e = store.entity(id);
    return e ? e->key : std::to_string(id);
}

// The not-same judgement that separates the two groups, if any.
std::optional<JudgementRow> blockingJudgement(Store& store, const std::vector<EntityId>& ga,
                                              const std::vector<EntityId>& gb) {
    std::vector<std::string> ka, kb;
    for (EntityId e : ga) ka.push_back(keyOf(store, e));
    for (EntityId e : gb) kb.push_back(keyOf(store, e));
    auto in = [](const std::vector<std::string>& keys, const std::string& k) {
        return std::find(keys.begin(), keys.end(), k) != keys.end();
    };
    for (const auto& j : JudgementLog(store).list(false)) {
        if (j.kind != "not_same") continue;
        if ((in(ka, j.a) && in(kb, j.b)) || (in(ka, j.b) && in(kb, j.a))) return j;
    }
    return std::nullopt;
}

void doMerge(Store& store, const Schema& schema, EntityId ca, EntityId cb) {
    auto ea = store.entity(ca);
    auto eb = store.entity(cb);
    auto ta = schema.entityTypeId(ea->type).value_or(schema.rootType());
    auto tb = schema.entityTypeId(eb->type).value_or(schema.rootType());
    if (!schema.compatible(ta, tb)) {
        throw QueryError("cannot merge " + ea->key + " (" + ea->type + ") with " + eb->key + " (" +
                         eb->type + "): the types cannot name the same thing");
    }
    // The merged entity keeps the more specific type (Company over Organization).
    if (schema.isA(tb, ta) && tb != ta) store.setEntityType(ca, eb->type);
    std::vector<EntityId> moved = groupOf(store, cb);
    for (EntityId e : moved) store.setMergedInto(e, ca);
    std::vector<EntityId> all = moved;
    all.push_back(ca);
    store.reassignRelations(all);
}

}  // namespace

std::int64_t mergeEntities(Store& store, const Schema& schema, EntityId a, EntityId b,
                           const std::string& note, const std::string& author) {
    EntityId ca = store.canonical(a);
    EntityId cb = store.canonical(b);
    if (ca == cb)
        throw QueryError(keyOf(store, a) + " and " + keyOf(store, b) + " are already one entity");
    // A placeholder of ambiguous references is settled into the entity they name, whichever
    // order the two are given in: its claims become that entity's.
    if (isAmbiguousKey(keyOf(store, ca)) && !isAmbiguousKey(keyOf(store, cb))) {
        std::swap(a, b);
        std::swap(ca, cb);
    }
    if (auto j = blockingJudgement(store, groupOf(store, ca), groupOf(store, cb))) {
        throw QueryError("judgement " + std::to_string(j->id) + " says " + j->a + " and " + j->b +
                         " are not the same; undo it first ('claimgraph resolve undo " +
                         std::to_string(j->id) + "')");
    }
    Store::Batch batch(store);
    doMerge(store, schema, ca, cb);
    std::int64_t id =
        JudgementLog(store).add("merge", keyOf(store, ca), keyOf(store, b), note, author);
    batch.commit();
    return id;
}

std::int64_t markNotSame(Store& store, EntityId a, EntityId b, const std::string& note,
                         const std::string& author) {
    if (store.canonical(a) == store.canonical(b)) {
        throw QueryError(keyOf(store, a) + " and " + keyOf(store, b) +
                         " are merged; split them first ('claimgraph resolve split " +
                         keyOf(store, store.canonical(a)) + "')");
    }
    Store::Batch batch(store);
    std::int64_t id =
        JudgementLog(store).add("not_same", keyOf(store, a), keyOf(store, b), note, author);
    batch.commit();
    return id;
}

std::int64_t splitEntity(Store& store, EntityId a, const std::string& note,
                         const std::string& author) {
    EntityId ca = store.canonical(a);
    std::vector<EntityId> members = store.mergedMembers(ca);
    if (members.empty())
        throw QueryError(keyOf(store, ca) + " has no merged entities to split off");
    std::vector<std::string> keys;
    for (EntityId e : members) keys.push_back(keyOf(store, e));
    keys.push_back(keyOf(store, ca));
    Store::Batch batch(store);
    for (EntityId e : members) store.setMergedInto(e, std::nullopt);
    for (const auto& j : JudgementLog(store).list(false)) {
        bool inGroup = std::find(keys.begin(), keys.end(), j.a) != keys.end() ||
                       std::find(keys.begin(), keys.end(), j.b) != keys.end();
        if (j.kind == "merge" && inGroup) JudgementLog(store).undo(j.id);
    }
    members.push_back(ca);
    store.reassignRelations(members);
    std::int64_t id = JudgementLog(store).add("split", keyOf(store, ca), "", note, author);
    batch.commit();
    return id;
}

void undoJudgement(Store& store, std::int64_t id) {
    auto all = JudgementLog(store).list(true);
    auto it =
        std::find_if(all.begin(), all.end(), [&](const JudgementRow& j) { return j.id == id; });
    if (it == all.end()) throw QueryError("no judgement with id " + std::to_string(id));
    if (it->undone) throw QueryError("judgement " + std::to_string(id) + " is already undone");
    if (it->kind == "split") throw QueryError("a split cannot be undone; merge the entities again");
    if (it->kind == "merge") {
        auto b = store.entityByKey(it->b);
        if (b && store.canonical(*b) != *b) {
            EntityId canon = store.canonical(*b);
            Store::Batch batch(store);
            // Split off b and whatever was merged into it through this judgement.
            store.setMergedInto(*b, std::nullopt);
            JudgementLog(store).undo(id);
            store.reassignRelations({*b, canon});
            batch.commit();
            return;
        }
    }
    Store::Batch batch(store);
    JudgementLog(store).undo(id);
    batch.commit();
}

int applyJudgements(Store& store, const Schema& schema) {
    int applied = 0;
    for (const auto& j : JudgementLog(store).list(false)) {
        if (j.kind != "merge") continue;
        auto a = store.entityByKey(j.a);
        auto b = store.entityByKey(j.b);
        if (!a || !b) continue;
        EntityId ca = store.canonical(*a);
        EntityId cb = store.canonical(*b);
        if (ca == cb) continue;
        if (blockingJudgement(store, groupOf(store, ca), groupOf(store, cb))) continue;
        Store::Batch batch(store);
        doMerge(store, schema, ca, cb);
        batch.commit();
        ++applied;
    }
    return applied;
}

}  // namespace cg::resolve
