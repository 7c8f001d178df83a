// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cg::resolve {

/// Names with more words than this get only their sorted-words and legal-form keys: the
/// per-word keys would grow with the square of the length for little gain.
inline constexpr std::size_t kMaxKeyedWords = 10;

/// Calls emit(key, partial) for every blocking key of a name given as its words in order (the
/// keys blockingKeys() lists); `partial` marks the keys made by leaving one of its words out.
/// The first `core` words are the name without its legal form (core == words.size() when
/// none). A template, because the suggestion runner calls it for every name of the store.
template <class Emit>
void forEachNameKey(const std::vector<std::string_view>& words, std::size_t core, Emit&& emit) {
    const std::size_t k = words.size();
    if (k == 0) return;
    std::vector<std::string_view> sorted(words);
    std::sort(sorted.begin(), sorted.end());
    std::string buf;
    auto joinSkipping = [&](const std::vector<std::string_view>& w, std::size_t skip) {
        bool first = true;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (i == skip) continue;
            if (!first) buf += ' ';
            buf += w[i];
            first = false;
        }
    };
    const std::size_t none = std::numeric_limits<std::size_t>::max();
    buf = "w:";
    joinSkipping(sorted, none);
    emit(std::string_view(buf), false);
    if (core >= 1 && core < k) {
        std::vector<std::string_view> coreWords(words.begin(),
                                                words.begin() + static_cast<std::ptrdiff_t>(core));
        std::sort(coreWords.begin(), coreWords.end());
        buf = "w:";
        joinSkipping(coreWords, none);
        emit(std::string_view(buf), false);
    }
    if (k > kMaxKeyedWords) return;
    if (k >= 3) {
        for (std::size_t i = 0; i < k; ++i) {
            if (i > 0 && sorted[i] == sorted[i - 1]) continue;
            buf = "w:";
            joinSkipping(sorted, i);
            emit(std::string_view(buf), true);
        }
    }
    std::string rest;
    for (std::size_t i = 0; i < k; ++i) {
        if (sorted[i].size() < 3 || (i > 0 && sorted[i] == sorted[i - 1])) continue;
        buf.clear();
        joinSkipping(sorted, i);
        rest.assign("|").append(buf);
        std::string_view w = sorted[i];
        buf.assign("d:").append(w).append(rest);
        emit(std::string_view(buf), false);
        for (std::size_t j = 0; j < w.size(); ++j) {
            if (j > 0 && w[j] == w[j - 1]) continue;  // same deletion as the previous letter
            buf.assign("d:").append(w.substr(0, j)).append(w.substr(j + 1)).append(rest);
            emit(std::string_view(buf), false);
        }
    }
}

/// The number of words of `key` (which has `words` words) before its legal form.
std::size_t coreWordCount(const std::string& key, std::size_t words);

/// The blocking keys of one match key (normalised, single spaces): the sorted words
/// ("w:"), the sorted words with one word left out when there are three or more ("w:"),
/// the sorted words without the legal form when `organisation` ("w:"), and for every word of
/// three or more characters that word and each of its one-character deletions followed by the
/// other words sorted ("d:"). Two names share a key when they differ only in word order, by
/// one missing word (middle name, sector word, legal form), or by one typo (a letter added,
/// dropped, changed or two swapped) in one word. Runs of single letters count as one word
/// ("g m b h" is "gmbh"). Distinct keys, in the order made.
std::vector<std::string> blockingKeys(const std::string& matchKey, bool organisation);

/// Two entity indexes as one pair key, the smaller in the high half.
inline std::uint64_t pairKey(std::uint32_t x, std::uint32_t y) {
    if (x > y) std::swap(x, y);
    return (static_cast<std::uint64_t>(x) << 32) | y;
}

/// One entity's blocking key as blocking groups it: the key's hash, and the entity's index
/// shifted left by one with the low bit set when the key leaves one of its words out.
using KeyEntry = std::pair<std::uint64_t, std::uint32_t>;

/// Fills `keys` with the entries whose hash falls in `shard` of `shards`.
using KeyShard =
    std::function<void(std::uint64_t shard, std::uint64_t shards, std::vector<KeyEntry>& keys)>;

/// What blocking did, for `resolve suggest --stats`.
struct BlockingCounts {
    std::size_t keys = 0;           ///< keys emitted, before grouping
    std::size_t blocks = 0;         ///< keys whose pairs were taken
    std::size_t skippedBlocks = 0;  ///< keys shared by too many entities to tell anything
};

/// The distinct candidate pairs (pairKey) of entities that share a blocking key, sorted.
/// Keys are made shard by shard (about `keyEstimate` in all, in shards of about four million
/// so the key array stays within a few tens of megabytes), sorted and grouped; a block whose
/// comparisons exceed those of a full block of `maxBlock` entities is skipped, and entities
/// met only through a key with a word left out are never paired with each other. Time
/// O(K log K + P) for K keys and P pairs; memory O(K / shards + P).
std::vector<std::uint64_t> candidatePairs(const KeyShard& keyShard, std::size_t keyEstimate,
                                          std::size_t maxBlock, BlockingCounts& counts);

}  // namespace cg::resolve
