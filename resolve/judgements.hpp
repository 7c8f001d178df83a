// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::resolve {

using graph::EntityId;
using graph::Schema;
using graph::Store;

/// Records that `b` is the same real thing as `a` and merges it (and whatever was merged
/// into it) into `a`'s canonical entity; every name, identifier, property and claim is kept
/// and relations are re-filed. A placeholder of ambiguous references (ambiguity.hpp) is
/// always the one merged, into the other, whichever of `a` and `b` it is. Throws QueryError
/// when they are already one entity, when their types cannot name one thing (a Person and a
/// Company), or when a not-same judgement between the two groups blocks it. Returns the
/// judgement id.
std::int64_t mergeEntities(Store& store, const Schema& schema, EntityId a, EntityId b,
                           const std::string& note, const std::string& author = {});

/// Records that `a` and `b` are different things, which blocks any later merge of the two.
/// Throws QueryError when they are currently merged (split first).
std::int64_t markNotSame(Store& store, EntityId a, EntityId b, const std::string& note,
                         const std::string& author = {});

/// Undoes every merge into `a`'s canonical entity: each merged entity stands alone again
/// with its own names and claims, and the merge judgements are marked undone so re-ingest
/// does not redo them. Throws QueryError when nothing was merged into it.
std::int64_t splitEntity(Store& store, EntityId a, const std::string& note,
                         const std::string& author = {});

/// Marks a judgement undone; undoing a merge splits the merged entity off again. Throws
/// QueryError for an unknown or already undone id.
void undoJudgement(Store& store, std::int64_t id);

/// Re-applies recorded merges whose two entities exist but are not merged (run at the end of
/// every ingest, so judgements hold whatever the input order). Returns how many it applied.
int applyJudgements(Store& store, const Schema& schema);

}  // namespace cg::resolve
