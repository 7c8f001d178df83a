// SPDX-License-Identifier: MIT
#include "resolve/entity_lookup.hpp"

#include <algorithm>

#include "graph/error.hpp"
#include "graph/normalize.hpp"
#include "resolve/name_parts.hpp"
#include "resolve/near_names.hpp"

namespace cg::resolve {

using graph::EntityRow;
using graph::normalizeName;

EntityId findEntity(Store& store, const std::string& text, bool allowHidden) {
    if (auto id = store.entityByKey(text)) {
        EntityId canonical = store.canonical(*id);
        if (!allowHidden && store.isHidden(canonical)) {
            throw QueryError("entity '" + text +
                             "' is hidden: every claim naming it is retracted (see 'claimgraph "
                             "retract --list')");
        }
        return canonical;
    }
    std::string norm = normalizeName(text);
    // Person names are keyed without titles, other names with canonical legal forms: try both.
    std::vector<EntityId> ids;
    for (const std::string& key : {matchKey(text, true), matchKey(text, false)}) {
        if (key.empty()) continue;
        for (EntityId id : store.entitiesByNorm(key)) {
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
    }
    std::sort(ids.begin(), ids.end());
    if (ids.size() == 1) return ids.front();
    if (ids.empty()) {
        std::string message = "no entity matches '" + text + "'";
        auto containing = norm.empty() ? std::vector<EntityRow>{} : store.entities({}, norm, 8);
        if (!containing.empty()) {
            message += "; names containing it:";
            for (const auto& e : containing)
                message += "\n  " + e.key + "  " + e.name + " (" + e.type + ")";
        } else if (auto near = nearNames(store, text); !near.empty()) {
            message += "; did you mean:";
            for (const auto& n : near) {
                message +=
                    "\n  " + n.entity.key + "  " + n.entity.name + " (" + n.entity.type + ")";
            }
            message += "\n(give the id or the name as written)";
        } else {
            message +=
                " (list names with 'claimgraph entities --name TEXT', or search the "
                "evidence with 'claimgraph search TEXT')";
        }
        throw QueryError(message);
    }
    std::string message = "'" + text + "' matches " + std::to_string(ids.size()) +
                          " entities; give one of their ids:";
    for (EntityId id : ids) {
        if (auto e = store.entity(id))
            message += "\n  " + e->key + "  " + e->name + " (" + e->type + ")";
    }
    throw QueryError(message);
}

}  // namespace cg::resolve
