// SPDX-License-Identifier: MIT
#include "resolve/blocking.hpp"

#include <unordered_set>

#include "resolve/name_parts.hpp"
#include "resolve/similarity.hpp"

namespace cg::resolve {

std::size_t coreWordCount(const std::string& key, std::size_t words) {
    std::string stripped = stripLegalForm(key);
    if (stripped.size() == key.size()) return words;
    return splitWords(stripped).size();
}

std::vector<std::string> blockingKeys(const std::string& matchKey, bool organisation) {
    std::vector<std::string> owned = splitWords(matchKey);
    std::vector<std::string_view> words(owned.begin(), owned.end());
    std::size_t core = organisation ? coreWordCount(matchKey, words.size()) : words.size();
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    forEachNameKey(words, core, [&](std::string_view k, bool) {
        if (seen.emplace(k).second) out.emplace_back(k);
    });
    return out;
}

std::vector<std::uint64_t> candidatePairs(const KeyShard& keyShard, std::size_t keyEstimate,
                                          std::size_t maxBlock, BlockingCounts& counts) {
    maxBlock = std::max<std::size_t>(2, maxBlock);
    const std::uint64_t shards = 1 + keyEstimate / (std::size_t{4} << 20);
    std::vector<std::uint64_t> pairs;
    std::size_t distinctPairs = 0;
    std::vector<KeyEntry> keys;
    std::vector<std::uint32_t> block;  // entities sharing one key
    std::vector<bool> partial;         // ... through a form with one of their words left out
    for (std::uint64_t shard = 0; shard < shards; ++shard) {
        keys.clear();
        keyShard(shard, shards, keys);
        counts.keys += keys.size();
        std::sort(keys.begin(), keys.end());
        for (std::size_t i = 0; i < keys.size();) {
            std::size_t j = i;
            block.clear();
            partial.clear();
            std::size_t whole = 0;
            // Sorted by (hash, entity, role): an entity's whole-name entry comes first.
            for (; j < keys.size() && keys[j].first == keys[i].first; ++j) {
                std::uint32_t e = keys[j].second >> 1;
                if (!block.empty() && block.back() == e) continue;
                block.push_back(e);
                partial.push_back(keys[j].second & 1);
                whole += !partial.back();
            }
            i = j;
            const std::size_t n = block.size();
            if (n < 2 || whole == 0) continue;
            // Names met only through a dropped word ("Carlos A Lim", "Carlos B Lim" under
            // "carlos lim") are not compared there: only pairs with a whole name count, so a
            // block of one "Carlos Lim" and a hundred "Carlos X Lim" costs a hundred pairs.
            const std::size_t work = whole * (n - 1) - whole * (whole - 1) / 2;
            if (work > maxBlock * (maxBlock - 1) / 2) {
                ++counts.skippedBlocks;
                continue;
            }
            ++counts.blocks;
            for (std::size_t x = 0; x < n; ++x) {
                for (std::size_t y = x + 1; y < n; ++y) {
                    if (!partial[x] || !partial[y]) pairs.push_back(pairKey(block[x], block[y]));
                }
            }
            // Entities of one name meet in the blocks of all its keys: drop the repeats now
            // and then, so that memory follows the distinct pairs, not the blocks.
            if (pairs.size() > 2 * distinctPairs + (std::size_t{4} << 20)) {
                std::sort(pairs.begin(), pairs.end());
                pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
                distinctPairs = pairs.size();
            }
        }
    }
    keys = {};
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

}  // namespace cg::resolve
