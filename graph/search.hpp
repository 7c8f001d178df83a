// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cg::graph {

/// What a search may be narrowed to.
struct SearchOptions {
    std::string type;    ///< only claims naming an entity of this exact type
    std::string source;  ///< only claims from the source with this id
    long limit = 20;     ///< at most this many hits (0: all)
};

/// An entity named by a hit, as the current resolution has it (merges followed).
struct SearchEntity {
    std::string id, name, type;
};

/// One claim found by a search: best first.
struct SearchHit {
    std::string claim;    ///< the claim's id
    double score = 0;     ///< bm25 (lower is better)
    std::string snippet;  ///< the matched text, normalised, matches in [brackets]
    std::string quote;    ///< the claim's quote as written
    std::vector<SearchEntity> entities;
    std::string sourceId, sourceTitle;
};

/// The FTS5 query for what a user typed: words (all must match), "quoted phrases" and a
/// trailing `*` on a word (prefix). Every token is normalised like an entity name and
/// quoted, so no other FTS5 syntax survives; empty when nothing searchable is left.
std::string buildSearchQuery(std::string_view text);

/// Searches claim quotes and notes, the names and aliases of the entities a claim names,
/// and its source's title. The index lives in the database (table `search_index`) and is
/// rebuilt first whenever claims, names, sources or merges changed since it was built.
/// Throws StorageError on a storage failure.
std::vector<SearchHit> searchClaims(const std::string& dbPath, std::string_view text,
                                    const SearchOptions& options);

}  // namespace cg::graph
