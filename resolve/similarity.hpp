// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cg::resolve {

/// How two names compare, word by word.
struct NameMatch {
    double similarity = 0;         ///< 0..1
    bool reordered = false;        ///< the same words in another order
    bool wordMissing = false;      ///< every word of the shorter name is in the longer one
    bool spellingDiffers = false;  ///< some word matched only approximately
    double information = 0;  ///< the weight of the matched words, on the side where it is less
};

/// A word of a name with its weight (rarer words weigh more).
struct WeightedWord {
    std::string_view text;
    double weight = 1;
};

/// The words of a match key; runs of single letters ("g m b h", "s a") join into one word.
std::vector<std::string> splitWords(std::string_view key);

/// The one implementation of name comparison, on names given as weighted words (compareNames
/// and the suggestion scorer both call it). Each word finds its closest word in the other name
/// (the same word 1, Jaro-Winkler from 0.9 up, else 0.85 for one edit between words of four or
/// more letters), and the similarity is the weighted share of matched words over both names;
/// when every word of the shorter name (of at least two words) is matched, at least 0.7 + 0.25
/// × the longer name's share. O(na × nb) word comparisons; never throws.
NameMatch compareWords(const WeightedWord* a, std::size_t na, const WeightedWord* b,
                       std::size_t nb);

/// Compares two match keys as compareWords does, each word weighing `weight(word)`. Never
/// throws.
NameMatch compareNames(const std::string& a, const std::string& b,
                       const std::function<double(std::string_view word)>& weight);

/// Jaro-Winkler similarity of two strings, 0..1.
double jaroWinkler(const std::string& a, const std::string& b);

}  // namespace cg::resolve
