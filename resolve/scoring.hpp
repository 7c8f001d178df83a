// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "resolve/blocking.hpp"
#include "resolve/similarity.hpp"

namespace cg::resolve {

using graph::EntityId;
using graph::EntityTypeId;
using graph::Store;

/// Flat "index -> sorted values" lists, for the scorer's per-entity facts.
template <class T>
struct Lists {
    std::vector<std::uint32_t> offsets;
    std::vector<T> values;

    /// From (index, value) pairs; sorts them and drops repeats.
    void build(std::vector<std::pair<std::uint32_t, T>>& pairs, std::size_t n) {
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        offsets.assign(n + 1, 0);
        for (const auto& p : pairs) ++offsets[p.first + 1];
        for (std::size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
        values.resize(pairs.size());
        for (std::size_t i = 0; i < pairs.size(); ++i) values[i] = pairs[i].second;
    }
    const T* begin(std::uint32_t i) const { return values.data() + offsets[i]; }
    const T* end(std::uint32_t i) const { return values.data() + offsets[i + 1]; }
    bool empty(std::uint32_t i) const { return offsets[i] == offsets[i + 1]; }
};

/// How many values two sorted ranges share; O(n + m).
template <class T>
std::size_t countShared(const T* a, const T* ae, const T* b, const T* be) {
    std::size_t n = 0;
    while (a != ae && b != be) {
        if (*a < *b) {
            ++a;
        } else if (*b < *a) {
            ++b;
        } else {
            ++n;
            ++a;
            ++b;
        }
    }
    return n;
}

/// What a pair's score rests on, one bit each.
enum ScoreFlags : std::uint32_t {
    kSharedIdentifier = 1u << 0,
    kSameWithoutForm = 1u << 1,
    kSameCountry = 1u << 2,
    kDifferentCountries = 1u << 3,
    kSameBirthDate = 1u << 4,
    kDifferentBirthDates = 1u << 5,
    kReordered = 1u << 6,
    kWordMissing = 1u << 7,
    kSpellingDiffers = 1u << 8,
    kCommonName = 1u << 9,
    kOtherFormOfAddress = 1u << 10,
};

/// A candidate pair as scored: entity indexes (CandidateIndex), score 0..1, the best name
/// similarity, ScoreFlags and the number of shared neighbours.
struct ScoredPair {
    std::uint32_t a = 0, b = 0;
    double score = 0, similarity = 0;
    std::uint32_t flags = 0, sharedNeighbours = 0;
};

/// The reasons `resolve suggest` prints for a scored pair ("name similarity 0.93", "same
/// country", ...), in a fixed order.
std::vector<std::string> reasonsOf(const ScoredPair& pair);

/// What suggestion knows of every canonical entity, read in one pass over each table of the
/// store: its names as words weighted by rarity (log(1 + N / df)), identifiers, countries,
/// birth dates, forms of address and neighbours. Entities are numbered by index in id order.
/// Makes the blocking keys of its names (blocking.hpp) and scores pairs: name similarity
/// (similarity.hpp), less for a common name, more for a shared identifier, the same country,
/// the same birth date, a name the same but for its legal form and shared neighbours; less
/// for different countries or birth dates, much less for a man and a woman. Entities and
/// names that only retracted claims give, stubs and placeholders of ambiguous references are
/// left out. Throws StorageError when the store cannot be read.
class CandidateIndex {
  public:
    CandidateIndex(Store& store, const graph::Schema& schema);

    /// Canonical entities read (stubs and placeholders included).
    std::size_t entityCount() const { return ids_.size(); }
    /// Canonical entities with at least one name.
    std::size_t describedEntities() const { return entityCount_; }
    /// Distinct (entity, match key) pairs.
    std::size_t nameCount() const { return nameEntity_.size(); }
    /// The entity id of index `i`.
    EntityId id(std::uint32_t i) const { return ids_[i]; }
    /// The index of the canonical entity `id` is, or is merged into; nothing for an entity
    /// not read.
    std::optional<std::uint32_t> indexOf(EntityId id) const {
        if (id < 0 || static_cast<std::size_t>(id) >= indexOf_.size() || indexOf_[id] == kNone)
            return std::nullopt;
        return indexOf_[id];
    }
    /// True when the two entities' types can name one thing.
    bool compatible(std::uint32_t a, std::uint32_t b) const {
        return schema_.compatible(types_[a], types_[b]);
    }

    /// Appends the blocking keys whose hash falls in `shard` of `shards` (blocking.hpp
    /// KeyEntry): every name's keys, its rarest word when at most `maxBlock` entities use it,
    /// and every identifier.
    void keys(std::size_t maxBlock, std::uint64_t shard, std::uint64_t shards,
              std::vector<KeyEntry>& out) const;
    /// About how many keys keys() makes over all shards.
    std::size_t keyEstimate() const;
    /// Scores the pair of indexes `a` and `b`; O(names(a) × names(b) × words²).
    ScoredPair score(std::uint32_t a, std::uint32_t b) const;

  private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    // Entities retraction hid, and names and identifiers only retracted claims gave, are no
    // candidates (docs/retraction.md).
    static constexpr bool kLiveOnly = true;

    void loadEntities(Store& store);
    void loadNames(Store& store);
    void loadIdentifiers(Store& store);
    void loadFacts(Store& store);
    void loadNeighbours(Store& store);
    bool datesAgree(std::uint32_t a, std::uint32_t b) const;
    void words(std::uint32_t name, std::vector<WeightedWord>& out) const;

    const graph::Schema& schema_;
    std::optional<EntityTypeId> person_;
    std::vector<EntityId> ids_;               // index -> canonical entity id, in id order
    std::vector<EntityTypeId> types_;         // index -> type
    std::vector<bool> candidate_;             // index -> not a stub
    std::vector<std::uint32_t> indexOf_;      // entity id -> index of its canonical entity
    std::vector<std::uint32_t> nameEntity_;   // name -> index, names grouped by entity
    std::vector<std::uint32_t> nameCore_;     // name -> words before its legal form
    std::vector<std::uint32_t> entityNames_;  // index -> first name (offsets)
    Lists<std::uint32_t> nameWords_;          // name -> word ids, in order
    std::vector<std::string> wordText_;
    std::vector<std::uint32_t> wordDf_;  // word -> entities using it
    std::vector<double> wordWeight_;     // word -> log(1 + N / df)
    std::vector<std::pair<std::uint32_t, std::uint64_t>> identifierPairs_;
    Lists<std::uint64_t> identifiers_;
    std::vector<std::string> values_;
    Lists<std::uint32_t> countries_, birthDates_, neighbours_;
    std::vector<std::uint8_t> addressedAs_;  // index -> kAddressedAsMan | kAddressedAsWoman
    std::size_t entityCount_ = 0;
};

}  // namespace cg::resolve
