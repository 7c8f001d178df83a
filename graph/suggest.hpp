// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// A pair of entities that may be one real thing, with the evidence for and against.
struct Suggestion {
    EntityId a = 0;
    EntityId b = 0;
    double score = 0;  ///< 0..1, higher is more likely the same
    std::vector<std::string> reasons;
};

/// Options of `resolve suggest`.
struct SuggestOptions {
    double minScore = 0.6;
    std::size_t limit = 50;
    std::size_t maxBlock = 64;  ///< name tokens shared by more entities are too common to block on
};

/// Finds candidate pairs among canonical entities of compatible types without comparing all
/// pairs: entities are blocked by their two rarest name tokens, their name without legal
/// form and their identifiers, and only pairs within a block are scored. The score weighs
/// name similarity (Jaro-Winkler on the matching keys), shared identifiers, the same country,
/// the same or different birth dates and shared neighbours. Pairs judged not the same are
/// left out. Time about O(n log n + pairs); memory O(names).
std::vector<Suggestion> suggestMatches(Store& store, const Schema& schema, const SuggestOptions& options);

/// Jaro-Winkler similarity of two strings, 0..1.
double jaroWinkler(const std::string& a, const std::string& b);

}  // namespace cg::graph
