// SPDX-License-Identifier: MIT
#include "resolve/near_names.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <string_view>

#include "resolve/name_parts.hpp"
#include "resolve/similarity.hpp"
#include "resolve/suggest.hpp"

namespace cg::resolve {

using graph::EntityId;

namespace {

// The letter pairs of a name as bits of one word: two names far apart share few of them.
std::uint64_t pairBits(std::string_view s) {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == ' ' || s[i + 1] == ' ') continue;
        auto h = static_cast<unsigned char>(s[i]) * 31u + static_cast<unsigned char>(s[i + 1]);
        bits |= std::uint64_t{1} << (h % 64);
    }
    return bits;
}

constexpr double kLetterMargin = 0.08;

struct Candidate {
    double similarity;
    std::string norm;
};

}  // namespace

std::vector<NearName> nearNames(Store& store, const std::string& text, std::size_t limit,
                                double minSimilarity) {
    std::vector<std::string> keys;
    for (bool person : {true, false}) {
        std::string key = matchKey(text, person);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    }
    if (keys.empty() || limit == 0) return {};
    std::vector<std::uint64_t> bits;
    for (const auto& key : keys) bits.push_back(pairBits(key));
    auto uniform = [](std::string_view) { return 1.0; };

    std::map<EntityId, Candidate> best;  // by raw entity id
    store.forEachName(
        [&](EntityId id, const std::string& norm) {
            for (std::size_t k = 0; k < keys.size(); ++k) {
                const std::string& key = keys[k];
                std::size_t longer = std::max(key.size(), norm.size());
                std::size_t shorter = std::min(key.size(), norm.size());
                if (longer > shorter * 2 + 2) continue;
                std::uint64_t mine = bits[k], theirs = pairBits(norm);
                int shared = std::popcount(mine & theirs);
                int total = std::popcount(mine) + std::popcount(theirs);
                if (total > 0 && 2.0 * shared / total < 0.4) continue;
                // Words compared as `resolve suggest` does find another order or a word left
                // out; the whole name's Jaro-Winkler finds a typo in a short word, which the
                // word comparison rightly weighs as another name when deciding a merge. Its
                // common-prefix bonus is generous, so it must clear a higher bar.
                double words = compareNames(key, norm, uniform).similarity;
                double letters = jaroWinkler(key, norm);
                if (words < minSimilarity && letters < minSimilarity + kLetterMargin) continue;
                double similarity = std::max(words, letters);
                auto [it, fresh] = best.try_emplace(id, Candidate{similarity, norm});
                if (!fresh && similarity > it->second.similarity) it->second = {similarity, norm};
            }
        },
        true);

    // Each canonical entity once, with its best name.
    std::map<EntityId, Candidate> canonical;
    for (auto& [id, c] : best) {
        EntityId root = store.canonical(id);
        auto [it, fresh] = canonical.try_emplace(root, c);
        if (!fresh && c.similarity > it->second.similarity) it->second = c;
    }
    std::vector<std::pair<EntityId, Candidate>> ranked(canonical.begin(), canonical.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second.similarity > b.second.similarity;
    });
    std::vector<NearName> out;
    for (auto& [id, c] : ranked) {
        if (out.size() == limit) break;
        if (store.isHidden(id)) continue;
        auto row = store.entity(id);
        if (!row) continue;
        out.push_back(NearName{std::move(*row), std::move(c.norm), c.similarity});
    }
    return out;
}

}  // namespace cg::resolve
