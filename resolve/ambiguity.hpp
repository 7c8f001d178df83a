// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "resolve/suggest.hpp"

namespace cg::resolve {

using graph::EntityId;
using graph::Schema;
using graph::Store;

/// Keys of the entities that hold ambiguous references start with this; no other entity's
/// key is made with it.
inline constexpr std::string_view kAmbiguousKeyPrefix = "ambiguous/";

/// True for the key of an entity that holds ambiguous references (a placeholder).
bool isAmbiguousKey(std::string_view key);

/// The placeholder's key for name-only references of one type and match key in one source:
/// `ambiguous/person/chen-wei/SOURCE`. The same inputs give the same key in any order.
std::string ambiguousKey(std::string_view typeName, std::string_view matchKey,
                         std::string_view sourceKey);

/// The placeholder's display name, which says what it is wherever it is shown.
std::string ambiguousName(std::string_view name);

/// A reference found ambiguous while applying a claim: a name that fits several entities.
struct AmbiguousReference {
    std::string file;  ///< empty: the claim being applied
    std::int64_t line = 0;
    std::string name;  ///< the name as given, without titles
    std::string type;  ///< the type the reference gave; empty when it gave none
    EntityId placeholder = 0;
    std::vector<EntityId> candidates;  ///< canonical entities the name fits, by id
};

/// The canonical entities of a compatible type that a placeholder's names fit (not other
/// placeholders, not the one it is merged into), by id. Reads the store; throws StorageError.
std::vector<EntityId> ambiguityCandidates(Store& store, const Schema& schema, EntityId placeholder);

/// "key (Name, scheme value)": an entity as named in ambiguity warnings.
std::string describeCandidate(Store& store, EntityId id);

/// `file:line: ambiguous reference 'Chen Wei' (Person): matches k1 (Chen Wei, passport X),
/// k2 (...); held on PLACEHOLDER`, reading names and identifiers from the store.
std::string ambiguityMessage(Store& store, const AmbiguousReference& reference);

/// One suggestion per placeholder not merged and per entity its references may name, with
/// the placeholder as `a`, skipping pairs judged not the same; in placeholder key order, then
/// candidate id. Reads the store; throws StorageError.
std::vector<Suggestion> ambiguitySuggestions(Store& store, const Schema& schema);

}  // namespace cg::resolve
