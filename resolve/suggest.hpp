// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::resolve {

using graph::EntityId;

/// A pair of entities that may be one real thing, with the evidence for and against.
struct Suggestion {
    EntityId a = 0;  ///< the canonical entity with the smaller id, or the placeholder
    EntityId b = 0;
    double score = 0;  ///< 0..1, higher is more likely the same
    /// a is a placeholder of ambiguous references and b one of the entities they may name
    /// (score 1 / the number of those); `resolve merge a b` settles them
    bool ambiguous = false;
    std::vector<std::string> reasons;
    std::string aKey, aName, bKey, bName;  ///< as stored, so callers need not read them again
};

/// Options of `resolve suggest`.
struct SuggestOptions {
    double minScore = 0.6;
    std::size_t limit = 50;
    /// Blocks (entities sharing one blocking key) of more than this many entities are
    /// skipped: such a key is too common to tell anything, and a block of n costs n²/2
    /// comparisons. (A block met partly through names with a word left out is skipped when
    /// it needs more comparisons than a full block of maxBlock.)
    std::size_t maxBlock = 64;
    /// Threads that score candidate pairs; 0 uses every core.
    unsigned threads = 0;
    /// Called on the calling thread with the candidate pairs scored so far and their number,
    /// about every thousand pairs and once at the end, for a progress bar.
    std::function<void(std::uint64_t scored, std::uint64_t total)> progress;
};

/// What one run of suggestMatches did, for `resolve suggest --stats` and the benchmarks.
struct SuggestStats {
    std::size_t entities = 0;       ///< canonical, described entities considered
    std::size_t names = 0;          ///< distinct (entity, match key) pairs
    std::size_t blockingKeys = 0;   ///< keys emitted, before grouping
    std::size_t blocks = 0;         ///< keys shared by 2..maxBlock entities
    std::size_t skippedBlocks = 0;  ///< keys shared by more than maxBlock entities
    std::size_t candidates = 0;     ///< distinct pairs found in the blocks
    std::size_t scored = 0;         ///< candidates of compatible types, not judged different
    std::size_t suggestions = 0;    ///< scored at or above minScore (before the limit)
    double loadSeconds = 0, blockSeconds = 0, scoreSeconds = 0;
};

/// Finds candidate pairs among canonical entities of compatible types without comparing all
/// pairs. Every name emits a few blocking keys (blocking.hpp blockingKeys(), plus its rarest token
/// and each identifier); entities sharing a key form a block, blocks of more than
/// options.maxBlock entities are skipped, and only pairs inside a block are scored (on all
/// cores, scoring.hpp). The score weighs name similarity, shared identifiers, the same country, the
/// same or different birth dates and shared neighbours. Pairs judged not the same, and pairs of
/// incompatible types, are never returned. Sorted by score, then ids; at most options.limit.
/// Placeholders of ambiguous references are never blocked or scored; each comes first, paired
/// with each entity its references may name (ambiguitySuggestions()), whatever the minimum.
/// Time O(K log K + P) for K keys (about one per character of the names) and P candidate
/// pairs (at most K × maxBlock / 2); memory O(K) in a few flat arrays. Throws StorageError
/// when the store cannot be read.
std::vector<Suggestion> suggestMatches(graph::Store& store, const graph::Schema& schema,
                                       const SuggestOptions& options,
                                       SuggestStats* stats = nullptr);

}  // namespace cg::resolve
