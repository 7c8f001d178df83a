// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/store.hpp"

namespace cg::resolve {

using graph::EntityRow;
using graph::Store;

/// An entity whose name is close to what a user typed, for "did you mean".
struct NearName {
    EntityRow entity;       ///< canonical, not hidden
    std::string name;       ///< the close name as normalised (one of the entity's names)
    double similarity = 0;  ///< 0..1, word by word as `resolve suggest` compares names
};

/// The entities with a name close to `text` (a typo, a letter left out, words in another
/// order), best first, at most `limit`, each canonical entity once, none hidden by a
/// retraction; only those at or above `minSimilarity`. Reads every live name once: a cheap
/// filter on length and shared letter pairs, then on what passes the word comparison of
/// `resolve suggest` (resolve/similarity.hpp compareNames: word order, a word left out), at least
/// `minSimilarity`, or the whole names' Jaro-Winkler (a typo in a short word), at least
/// `minSimilarity` + 0.08; the similarity is the higher of the two. Meant for the error path
/// of a failed look-up. Throws StorageError when the store cannot be read.
std::vector<NearName> nearNames(Store& store, const std::string& text, std::size_t limit = 5,
                                double minSimilarity = 0.8);

}  // namespace cg::resolve
