// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <string_view>

#include "graph/fnv.hpp"
#include "graph/model.hpp"

namespace cg::ingest {

// The content-hash rule of every reader, in one place. A claim's content hash covers what it
// claims and never where it was read (source, file, line), so that the same record read again
// from another file is a duplicate and a changed record under the same key is reported as
// changed. Every hash is FNV-1a (graph/fnv.hpp).

/// Folds one field into the running hash `h`, followed by a separator, so that ("ab", "c") and
/// ("a", "bc") hash differently.
inline void addHashField(std::uint64_t& h, std::string_view bytes) {
    graph::fnv1aAdd(h, bytes);
    graph::fnv1aAdd(h, "\xff");
}

/// Fills in the content hash of a claim a reader built field by field (FtM, BODS, PSC, ICIJ,
/// CSV) from subject and object keys, relation or property, value, attributes, share, stance,
/// confidence and dates.
void sealClaim(graph::Claim& claim);

/// The content hash of a record that is itself the claim (the claims format): the record's
/// JSON in canonical form (keys sorted, numbers by value, strings by bytes), without the
/// top-level member `skipTopLevelKey` (the claim's own id). Key order and spacing do not
/// change it; any value does. O(n log n) in the record's size.
std::uint64_t canonicalJsonHash(const rapidjson::Value& record, std::string_view skipTopLevelKey);

/// The same for JSON text; text that is not JSON hashes as nothing.
std::uint64_t canonicalJsonHash(std::string_view json, std::string_view skipTopLevelKey);

}  // namespace cg::ingest
