// SPDX-License-Identifier: MIT
#include "resolve/similarity.hpp"

#include <algorithm>
#include <array>

namespace cg::resolve {

namespace {

// Jaro-Winkler on views, without allocating for words of up to 64 bytes (all real ones).
double jaroWinklerView(std::string_view a, std::string_view b) {
    if (a.empty() && b.empty()) return 1;
    if (a.empty() || b.empty()) return 0;
    std::array<bool, 64> fixedA{}, fixedB{};
    std::vector<bool> heapA, heapB;
    bool small = a.size() <= 64 && b.size() <= 64;
    if (!small) {
        heapA.assign(a.size(), false);
        heapB.assign(b.size(), false);
    }
    auto getA = [&](std::size_t i) { return small ? fixedA[i] : heapA[i]; };
    auto getB = [&](std::size_t i) { return small ? fixedB[i] : heapB[i]; };
    auto setA = [&](std::size_t i) { small ? void(fixedA[i] = true) : void(heapA[i] = true); };
    auto setB = [&](std::size_t i) { small ? void(fixedB[i] = true) : void(heapB[i] = true); };
    std::size_t range = std::max(a.size(), b.size()) / 2;
    range = range > 0 ? range - 1 : 0;
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::size_t lo = i > range ? i - range : 0;
        std::size_t hi = std::min(b.size(), i + range + 1);
        for (std::size_t j = lo; j < hi; ++j) {
            if (getB(j) || a[i] != b[j]) continue;
            setA(i);
            setB(j);
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0;
    std::size_t t = 0;
    for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!getA(i)) continue;
        while (!getB(j)) ++j;
        if (a[i] != b[j]) ++t;
        ++j;
    }
    double m = static_cast<double>(matches);
    double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                   (m - static_cast<double>(t) / 2) / m) /
                  3;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1 - jaro);
}

// True when one edit (a letter added, dropped or changed, or two neighbours swapped) turns
// one word into the other.
bool oneEditApart(std::string_view a, std::string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    if (a.size() - b.size() > 1) return false;
    std::size_t i = 0;
    while (i < b.size() && a[i] == b[i]) ++i;
    if (a.size() != b.size()) return a.substr(i + 1) == b.substr(i);
    if (i == a.size()) return false;  // equal
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
}

double wordSimilarity(std::string_view a, std::string_view b) {
    if (a == b) return 1;
    if (a.size() < 3 || b.size() < 3) return 0;
    double jw = jaroWinklerView(a, b);
    if (jw >= 0.9) return jw;
    // One edit in a word of four letters or more ("chen" / "chan"); in shorter words, often
    // acronyms, one letter is another name ("CSU" / "CDU").
    return a.size() >= 4 && b.size() >= 4 && oneEditApart(a, b) ? 0.85 : 0;
}

}  // namespace

NameMatch compareWords(const WeightedWord* a, std::size_t na, const WeightedWord* b,
                       std::size_t nb) {
    NameMatch out;
    if (na == 0 || nb == 0) return out;
    thread_local std::vector<double> bestA, bestB;
    bestA.assign(na, 0);
    bestB.assign(nb, 0);
    for (std::size_t i = 0; i < na; ++i) {
        for (std::size_t j = 0; j < nb; ++j) {
            double s = wordSimilarity(a[i].text, b[j].text);
            bestA[i] = std::max(bestA[i], s);
            bestB[j] = std::max(bestB[j], s);
        }
    }
    double wa = 0, ma = 0, wb = 0, mb = 0;
    bool unmatchedA = false, unmatchedB = false, approx = false;
    for (std::size_t i = 0; i < na; ++i) {
        wa += a[i].weight;
        ma += a[i].weight * bestA[i];
        unmatchedA |= bestA[i] == 0;
        approx |= bestA[i] > 0 && bestA[i] < 1;
    }
    for (std::size_t j = 0; j < nb; ++j) {
        wb += b[j].weight;
        mb += b[j].weight * bestB[j];
        unmatchedB |= bestB[j] == 0;
        approx |= bestB[j] > 0 && bestB[j] < 1;
    }
    double sim = (ma + mb) / (wa + wb);
    // How much the matched words tell, from the side that tells less.
    out.information = std::min(ma, mb);
    // A word on each side without any counterpart is another word, not a misspelling:
    // "X Y Gaming SA" and "X Y Investment SA" are usually two companies.
    if (unmatchedA && unmatchedB) sim = std::max(0.0, sim - 0.15);
    double covA = ma / wa, covB = mb / wb;
    const bool aShorter = na < nb;
    std::size_t shortWords = aShorter ? na : nb;
    double shortCov = aShorter ? covA : covB, longCov = aShorter ? covB : covA;
    if (na != nb && shortWords >= 2 && shortCov >= 0.85 && !(aShorter ? unmatchedA : unmatchedB)) {
        out.wordMissing = true;
        sim = std::max(sim, 0.7 + 0.25 * longCov);
    }
    out.spellingDiffers = approx;
    if (na == nb && !unmatchedA && !unmatchedB && !approx) {
        for (std::size_t i = 0; i < na && !out.reordered; ++i)
            out.reordered = a[i].text != b[i].text;
    }
    out.similarity = std::clamp(sim, 0.0, 1.0);
    return out;
}

// The words of a match key; runs of single letters ("g m b h", "s a") join into one word.
std::vector<std::string> splitWords(std::string_view key) {
    std::vector<std::string> out;
    bool lastSingle = false;
    std::size_t start = 0;
    while (start < key.size()) {
        std::size_t end = key.find(' ', start);
        if (end == std::string_view::npos) end = key.size();
        if (end > start) {
            std::string_view w = key.substr(start, end - start);
            bool single = w.size() == 1;
            if (single && lastSingle) {
                out.back() += w;
            } else {
                out.emplace_back(w);
            }
            lastSingle = single;
        }
        start = end + 1;
    }
    return out;
}

double jaroWinkler(const std::string& a, const std::string& b) { return jaroWinklerView(a, b); }

NameMatch compareNames(const std::string& a, const std::string& b,
                       const std::function<double(std::string_view word)>& weight) {
    std::vector<std::string> ta = splitWords(a), tb = splitWords(b);
    std::vector<WeightedWord> wa, wb;
    for (const auto& w : ta) wa.push_back(WeightedWord{w, weight(w)});
    for (const auto& w : tb) wb.push_back(WeightedWord{w, weight(w)});
    return compareWords(wa.data(), wa.size(), wb.data(), wb.size());
}

}  // namespace cg::resolve
