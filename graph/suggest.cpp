// SPDX-License-Identifier: MIT
#include "graph/suggest.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "graph/ambiguity.hpp"
#include "graph/judgement_log.hpp"
#include "graph/name_parts.hpp"

namespace cg::graph {

extern const char* const kTitlesJson;

namespace {

// Forms of address that say a person is a man or a woman (graph/data/titles.json), by the
// spelling the resolver stores in 'title' properties.
struct FormsOfAddress {
    std::unordered_set<std::string> male, female;

    FormsOfAddress() {
        rapidjson::Document d;
        d.Parse(kTitlesJson);
        if (!d.IsObject() || !d.HasMember("forms_of_address") || !d["forms_of_address"].IsObject())
            return;
        const auto& f = d["forms_of_address"];
        for (const char* g : {"male", "female"}) {
            if (!f.HasMember(g) || !f[g].IsArray()) continue;
            for (const auto& v : f[g].GetArray()) {
                if (v.IsString()) (g[0] == 'm' ? male : female).insert(v.GetString());
            }
        }
    }
};

const FormsOfAddress& formsOfAddress() {
    static const FormsOfAddress instance;
    return instance;
}

constexpr std::uint8_t kAddressedAsMan = 1, kAddressedAsWoman = 2;

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

struct Word {
    std::string_view text;
    double weight = 1;
};

// The one implementation of name comparison; compareNames() and the scorer both call it.
NameMatch compareWords(const Word* a, std::size_t na, const Word* b, std::size_t nb) {
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

// Names with more words than this get only their sorted-words and legal-form keys: the
// per-word keys would grow with the square of the length for little gain.
constexpr std::size_t kMaxKeyedWords = 10;

// Calls emit(key, partial) for every blocking key of a name given as its words in order;
// `partial` marks the keys made by leaving one of its words out. The first `core` words are
// the name without its legal form (core == words.size() when none).
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

std::size_t coreWordCount(const std::string& key, std::size_t words) {
    std::string stripped = stripLegalForm(key);
    if (stripped.size() == key.size()) return words;
    return splitWords(stripped).size();
}

std::string fmt(const char* pattern, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, pattern, v);
    return buf;
}

// Flat "index -> sorted values" lists.
template <class T>
struct Lists {
    std::vector<std::uint32_t> offsets;
    std::vector<T> values;

    // From (index, value) pairs; sorts them and drops repeats.
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

enum Flags : std::uint32_t {
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

struct Scored {
    std::uint32_t a = 0, b = 0;
    double score = 0, similarity = 0;
    std::uint32_t flags = 0, sharedNeighbours = 0;
};

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Everything suggestMatches needs, read in one pass over each table.
class Index {
  public:
    Index(Store& store, const Schema& schema) : schema_(schema) {
        loadEntities(store);
        loadNames(store);
        loadIdentifiers(store);
        loadFacts(store);
        loadNeighbours(store);
    }

    std::size_t entityCount() const { return ids_.size(); }
    std::size_t nameCount() const { return nameEntity_.size(); }
    EntityId id(std::uint32_t i) const { return ids_[i]; }
    std::optional<std::uint32_t> indexOf(EntityId id) const {
        if (id < 0 || static_cast<std::size_t>(id) >= indexOf_.size() || indexOf_[id] == kNone)
            return std::nullopt;
        return indexOf_[id];
    }
    bool compatible(std::uint32_t a, std::uint32_t b) const {
        return schema_.compatible(types_[a], types_[b]);
    }

    // Calls emit(hash, entity) for every blocking key whose hash falls in `shard` of `shards`.
    template <class Emit>
    void forEachKey(std::size_t maxBlock, std::uint64_t shard, std::uint64_t shards,
                    Emit&& emit) const {
        std::hash<std::string_view> hasher;
        std::vector<std::string_view> words;
        for (std::uint32_t n = 0; n < nameEntity_.size(); ++n) {
            std::uint32_t e = nameEntity_[n];
            auto put = [&](std::string_view key, bool partial) {
                std::uint64_t h = hasher(key);
                if (h % shards == shard) emit(h, (e << 1) | (partial ? 1u : 0u));
            };
            words.clear();
            const std::uint32_t* w = nameWords_.begin(n);
            const std::uint32_t* we = nameWords_.end(n);
            std::uint32_t rarest = kNone;
            for (; w != we; ++w) {
                words.push_back(wordText_[*w]);
                if (rarest == kNone || wordDf_[*w] < wordDf_[rarest] ||
                    (wordDf_[*w] == wordDf_[rarest] && wordText_[*w] < wordText_[rarest])) {
                    rarest = *w;
                }
            }
            forEachNameKey(words, nameCore_[n], put);
            // The rarest word alone catches names that share little else ("Marisol V.
            // Tongeren"); only when it is rare enough to make a block.
            if (rarest != kNone && wordText_[rarest].size() >= 3 && wordDf_[rarest] >= 2 &&
                wordDf_[rarest] <= maxBlock) {
                put("t:" + wordText_[rarest], false);
            }
        }
        for (const auto& [i, h] : identifierPairs_) {
            if (h % shards == shard) emit(h, i << 1);
        }
    }

    std::size_t keyEstimate() const {
        std::size_t n = identifierPairs_.size();
        for (std::uint32_t i = 0; i < nameEntity_.size(); ++i) {
            for (const std::uint32_t* w = nameWords_.begin(i); w != nameWords_.end(i); ++w) {
                n += wordText_[*w].size() + 2;
            }
        }
        return n;
    }

    Scored score(std::uint32_t a, std::uint32_t b) const {
        Scored s;
        s.a = a;
        s.b = b;
        std::vector<Word> wa, wb;
        NameMatch best;
        bool sameWithoutForm = false;
        for (std::uint32_t x = entityNames_[a]; x < entityNames_[a + 1]; ++x) {
            words(x, wa);
            for (std::uint32_t y = entityNames_[b]; y < entityNames_[b + 1]; ++y) {
                words(y, wb);
                NameMatch m = compareWords(wa.data(), wa.size(), wb.data(), wb.size());
                if (m.similarity > best.similarity) best = m;
                if (!sameWithoutForm && (nameCore_[x] < wa.size() || nameCore_[y] < wb.size()) &&
                    nameCore_[x] == nameCore_[y] &&
                    std::equal(nameWords_.begin(x), nameWords_.begin(x) + nameCore_[x],
                               nameWords_.begin(y))) {
                    sameWithoutForm = true;
                }
            }
        }
        bool sharedId = countShared(identifiers_.begin(a), identifiers_.end(a),
                                    identifiers_.begin(b), identifiers_.end(b)) > 0;
        s.similarity = best.similarity;
        if (best.similarity < 0.75 && !sharedId && !sameWithoutForm) return s;
        double score = 0.7 * best.similarity;
        // A common name shared by chance says little: with word weights log(1 + N / df), a
        // name whose matched words weigh less than one word found once, plus 2, is expected
        // on other entities too ("Michael Smith"), and loses up to 0.15.
        double distinct = best.information - std::log(1.0 + static_cast<double>(ids_.size()));
        double common = 0.15 * std::clamp((2.0 - distinct) / 3.0, 0.0, 1.0);
        if (common > 0) {
            score -= common;
            if (common >= 0.05) s.flags |= kCommonName;
        }
        if (best.reordered) s.flags |= kReordered;
        if (best.wordMissing) s.flags |= kWordMissing;
        if (best.spellingDiffers) s.flags |= kSpellingDiffers;
        if (sameWithoutForm && best.similarity < 1) {
            score += 0.1;
            s.flags |= kSameWithoutForm;
        }
        // "Herr Dr. Fischer" and "Frau Dr. Fischer": one addressed only as a man, the other
        // only as a woman, are two people whatever else they share.
        std::uint8_t ga = addressedAs_[a], gb = addressedAs_[b];
        if ((ga == kAddressedAsMan && gb == kAddressedAsWoman) ||
            (ga == kAddressedAsWoman && gb == kAddressedAsMan)) {
            score -= 0.5;
            s.flags |= kOtherFormOfAddress;
        }
        if (sharedId) {
            score += 0.4;
            s.flags |= kSharedIdentifier;
        }
        if (!countries_.empty(a) && !countries_.empty(b)) {
            if (countShared(countries_.begin(a), countries_.end(a), countries_.begin(b),
                            countries_.end(b))) {
                score += 0.1;
                s.flags |= kSameCountry;
            } else {
                score -= 0.15;
                s.flags |= kDifferentCountries;
            }
        }
        if (!birthDates_.empty(a) && !birthDates_.empty(b)) {
            if (datesAgree(a, b)) {
                score += 0.15;
                s.flags |= kSameBirthDate;
            } else {
                score -= 0.3;
                s.flags |= kDifferentBirthDates;
            }
        }
        auto shared = countShared(neighbours_.begin(a), neighbours_.end(a), neighbours_.begin(b),
                                  neighbours_.end(b));
        if (shared > 0) {
            score += std::min(0.15, 0.05 * static_cast<double>(shared));
            s.sharedNeighbours = static_cast<std::uint32_t>(shared);
        }
        s.score = std::clamp(score, 0.0, 1.0);
        return s;
    }

  private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    // Entities retraction hid, and names and identifiers only retracted claims gave, are no
    // candidates (docs/retraction.md).
    static constexpr bool kLiveOnly = true;

    void loadEntities(Store& store) {
        std::vector<std::pair<EntityId, EntityId>> merged;
        std::unordered_map<std::string, EntityTypeId> typeIds;
        std::vector<bool> stub;
        store.forEachEntity(
            [&](EntityId id, const std::string& key, const std::string& type, bool isStub,
                std::optional<EntityId> mergedInto) {
                if (id < 0) return;
                if (static_cast<std::size_t>(id) >= indexOf_.size())
                    indexOf_.resize(static_cast<std::size_t>(id) + 1, kNone);
                if (mergedInto) {
                    merged.emplace_back(id, *mergedInto);
                    return;
                }
                auto it = typeIds.find(type);
                if (it == typeIds.end()) {
                    it = typeIds
                             .emplace(type, schema_.entityTypeId(type).value_or(schema_.rootType()))
                             .first;
                }
                indexOf_[id] = static_cast<std::uint32_t>(ids_.size());
                ids_.push_back(id);
                types_.push_back(it->second);
                // Placeholders of ambiguous references are paired with their candidates apart.
                stub.push_back(isStub || isAmbiguousKey(key));
            },
            kLiveOnly);
        // A merged entity's names and facts belong to the entity it is merged into.
        std::unordered_map<EntityId, EntityId> parent(merged.begin(), merged.end());
        for (const auto& [id, into] : merged) {
            EntityId c = into;
            for (int guard = 0; guard < 64; ++guard) {
                auto it = parent.find(c);
                if (it == parent.end()) break;
                c = it->second;
            }
            if (c >= 0 && static_cast<std::size_t>(c) < indexOf_.size()) indexOf_[id] = indexOf_[c];
        }
        candidate_ = std::move(stub);
        candidate_.flip();
        person_ = schema_.entityTypeId("Person");
    }

    void loadNames(Store& store) {
        std::vector<std::pair<std::uint32_t, std::string>> names;
        store.forEachName(
            [&](EntityId id, const std::string& norm) {
                auto i = indexOf(id);
                if (!i || !candidate_[*i] || norm.empty()) return;
                names.emplace_back(*i, norm);
            },
            kLiveOnly);
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        std::unordered_map<std::string, std::uint32_t> wordIds;
        entityNames_.assign(ids_.size() + 1, 0);
        nameWords_.offsets.assign(1, 0);
        std::vector<std::uint32_t> seen;  // the words of the current entity, for frequencies
        std::uint32_t current = kNone;
        auto countWords = [&] {
            std::sort(seen.begin(), seen.end());
            seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
            for (auto w : seen) ++wordDf_[w];
            seen.clear();
        };
        for (const auto& [e, norm] : names) {
            if (e != current) countWords();
            current = e;
            nameEntity_.push_back(e);
            ++entityNames_[e + 1];
            std::vector<std::string> words = splitWords(norm);
            bool person = person_ && schema_.isA(types_[e], *person_);
            nameCore_.push_back(static_cast<std::uint32_t>(
                person ? words.size() : coreWordCount(norm, words.size())));
            for (auto& w : words) {
                auto [it, added] =
                    wordIds.emplace(std::move(w), static_cast<std::uint32_t>(wordText_.size()));
                if (added) {
                    wordText_.push_back(it->first);
                    wordDf_.push_back(0);
                }
                nameWords_.values.push_back(it->second);  // in the name's order
                seen.push_back(it->second);
            }
            nameWords_.offsets.push_back(static_cast<std::uint32_t>(nameWords_.values.size()));
        }
        countWords();
        for (std::size_t i = 0; i < ids_.size(); ++i) entityNames_[i + 1] += entityNames_[i];
        double total = static_cast<double>(std::max<std::size_t>(1, ids_.size()));
        wordWeight_.resize(wordText_.size());
        for (std::size_t w = 0; w < wordText_.size(); ++w) {
            wordWeight_[w] = std::log(1.0 + total / std::max<double>(1, wordDf_[w]));
        }
        entityCount_ = 0;
        for (std::size_t i = 0; i < ids_.size(); ++i)
            entityCount_ += entityNames_[i + 1] > entityNames_[i];
    }

    void loadIdentifiers(Store& store) {
        std::hash<std::string> hasher;
        std::vector<std::pair<std::uint32_t, std::uint64_t>> pairs;
        store.forEachIdentifier(
            [&](EntityId id, const std::string& scheme, const std::string& value) {
                auto i = indexOf(id);
                if (!i || !candidate_[*i]) return;
                pairs.emplace_back(*i, hasher("i:" + scheme + ":" + value));
            },
            kLiveOnly);
        identifierPairs_ = pairs;
        identifiers_.build(pairs, ids_.size());
    }

    void loadFacts(Store& store) {
        std::unordered_map<std::string, std::uint32_t> valueIds;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> countries, dates;
        const FormsOfAddress& forms = formsOfAddress();
        addressedAs_.assign(ids_.size(), 0);
        store.forEachPropertyValue(
            {"country", "nationality", "jurisdiction", "birth_date", "title"},
            [&](EntityId id, const std::string& name, const std::string& value) {
                auto i = indexOf(id);
                if (!i || !candidate_[*i]) return;
                if (name == "title") {
                    if (forms.male.count(value)) addressedAs_[*i] |= kAddressedAsMan;
                    if (forms.female.count(value)) addressedAs_[*i] |= kAddressedAsWoman;
                    return;
                }
                auto [it, added] =
                    valueIds.emplace(value, static_cast<std::uint32_t>(values_.size()));
                if (added) values_.push_back(value);
                (name == "birth_date" ? dates : countries).emplace_back(*i, it->second);
            });
        countries_.build(countries, ids_.size());
        birthDates_.build(dates, ids_.size());
    }

    void loadNeighbours(Store& store) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        store.forEachRelationKey(
            [&](RelationId, const std::string&, EntityId src, EntityId dst, const std::string&) {
                auto a = indexOf(src);
                auto b = indexOf(dst);
                if (!a || !b || *a == *b) return;
                edges.emplace_back(*a, *b);
                edges.emplace_back(*b, *a);
            });
        neighbours_.build(edges, ids_.size());
    }

    // Birth dates agree when one of each entity's dates equals, or is a less precise form of,
    // one of the other's ("1971-03" and "1971-03-02").
    bool datesAgree(std::uint32_t a, std::uint32_t b) const {
        for (const auto* x = birthDates_.begin(a); x != birthDates_.end(a); ++x) {
            for (const auto* y = birthDates_.begin(b); y != birthDates_.end(b); ++y) {
                const std::string& p = values_[*x];
                const std::string& q = values_[*y];
                const std::string& shorter = p.size() <= q.size() ? p : q;
                const std::string& longer = p.size() <= q.size() ? q : p;
                if (longer.compare(0, shorter.size(), shorter) == 0) return true;
            }
        }
        return false;
    }

    void words(std::uint32_t name, std::vector<Word>& out) const {
        out.clear();
        for (const std::uint32_t* w = nameWords_.begin(name); w != nameWords_.end(name); ++w) {
            out.push_back(Word{wordText_[*w], wordWeight_[*w]});
        }
    }

  public:
    std::size_t describedEntities() const { return entityCount_; }

  private:
    const Schema& schema_;
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

std::vector<std::string> reasonsOf(const Scored& s) {
    std::vector<std::string> r;
    r.push_back(fmt("name similarity %.2f", s.similarity));
    if (s.flags & kReordered) r.emplace_back("same words in another order");
    if (s.flags & kWordMissing) r.emplace_back("one name lacks a word of the other");
    if (s.flags & kSpellingDiffers) r.emplace_back("one word spelt differently");
    if (s.flags & kCommonName) r.emplace_back("common name");
    if (s.flags & kOtherFormOfAddress)
        r.emplace_back("addressed as a man and as a woman (Herr / Frau)");
    if (s.flags & kSameWithoutForm) r.emplace_back("same name apart from the legal form");
    if (s.flags & kSharedIdentifier) r.emplace_back("shared identifier");
    if (s.flags & kSameCountry) r.emplace_back("same country");
    if (s.flags & kDifferentCountries) r.emplace_back("different countries");
    if (s.flags & kSameBirthDate) r.emplace_back("same birth date");
    if (s.flags & kDifferentBirthDates) r.emplace_back("different birth dates");
    if (s.sharedNeighbours > 0) {
        r.push_back(std::to_string(s.sharedNeighbours) + " shared neighbour" +
                    (s.sharedNeighbours > 1 ? "s" : ""));
    }
    return r;
}

}  // namespace

double jaroWinkler(const std::string& a, const std::string& b) { return jaroWinklerView(a, b); }

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

NameMatch compareNames(const std::string& a, const std::string& b,
                       const std::function<double(std::string_view word)>& weight) {
    std::vector<std::string> ta = splitWords(a), tb = splitWords(b);
    std::vector<Word> wa, wb;
    for (const auto& w : ta) wa.push_back(Word{w, weight(w)});
    for (const auto& w : tb) wb.push_back(Word{w, weight(w)});
    return compareWords(wa.data(), wa.size(), wb.data(), wb.size());
}

std::vector<Suggestion> suggestMatches(Store& store, const Schema& schema,
                                       const SuggestOptions& options, SuggestStats* stats) {
    SuggestStats local;
    SuggestStats& st = stats ? *stats : local;
    st = SuggestStats{};
    auto t0 = Clock::now();
    Index index(store, schema);
    st.entities = index.describedEntities();
    st.names = index.nameCount();

    // Pairs judged different, as pairs of canonical indexes.
    std::unordered_set<std::uint64_t> notSame;
    auto pairKey = [](std::uint32_t x, std::uint32_t y) {
        if (x > y) std::swap(x, y);
        return (static_cast<std::uint64_t>(x) << 32) | y;
    };
    for (const auto& j : JudgementLog(store).list(false)) {
        if (j.kind != "not_same") continue;
        auto a = store.entityByKey(j.a);
        auto b = store.entityByKey(j.b);
        if (!a || !b) continue;
        auto ia = index.indexOf(*a);
        auto ib = index.indexOf(*b);
        if (ia && ib) notSame.insert(pairKey(*ia, *ib));
    }
    st.loadSeconds = secondsSince(t0);

    // Blocking. Keys are hashed and grouped by sorting; when there are many they are made in
    // shards by hash so that the key array stays within a few tens of megabytes.
    auto t1 = Clock::now();
    const std::size_t maxBlock = std::max<std::size_t>(2, options.maxBlock);
    const std::uint64_t shards = 1 + index.keyEstimate() / (std::size_t{4} << 20);
    std::vector<std::uint64_t> pairs;
    std::size_t distinctPairs = 0;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    std::vector<std::uint32_t> block;  // entities sharing one key
    std::vector<bool> partial;         // ... through a form with one of their words left out
    for (std::uint64_t shard = 0; shard < shards; ++shard) {
        keys.clear();
        index.forEachKey(maxBlock, shard, shards,
                         [&](std::uint64_t h, std::uint32_t e) { keys.emplace_back(h, e); });
        st.blockingKeys += keys.size();
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
                ++st.skippedBlocks;
                continue;
            }
            ++st.blocks;
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
    st.candidates = pairs.size();
    pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                               [&](std::uint64_t p) {
                                   auto a = static_cast<std::uint32_t>(p >> 32);
                                   auto b = static_cast<std::uint32_t>(p);
                                   return !index.compatible(a, b) || notSame.count(p) > 0;
                               }),
                pairs.end());
    st.scored = pairs.size();
    st.blockSeconds = secondsSince(t1);

    // Scoring, on every core: each thread takes an interleaved share of the pairs.
    auto t2 = Clock::now();
    unsigned threads = options.threads;
    if (threads == 0) {
        // Every core, but not for a few pairs, where starting threads costs more than it saves.
        threads = std::max(1u, std::thread::hardware_concurrency());
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, 1 + pairs.size() / 4096));
    }
    std::vector<std::vector<Scored>> found(threads);
    auto work = [&](unsigned t) {
        for (std::size_t i = t; i < pairs.size(); i += threads) {
            Scored s = index.score(static_cast<std::uint32_t>(pairs[i] >> 32),
                                   static_cast<std::uint32_t>(pairs[i]));
            if (s.score >= options.minScore && s.score > 0) found[t].push_back(s);
        }
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
        work(0);
        for (auto& th : pool) th.join();
    }
    std::vector<Scored> all;
    for (auto& f : found) all.insert(all.end(), f.begin(), f.end());
    st.suggestions = all.size();
    // Indexes are in entity id order, so ordering by them orders by ids.
    auto better = [](const Scored& x, const Scored& y) {
        if (x.score != y.score) return x.score > y.score;
        return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
    };
    if (all.size() > options.limit) {
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(options.limit),
                          all.end(), better);
        all.resize(options.limit);
    } else {
        std::sort(all.begin(), all.end(), better);
    }
    // Keys and names of the entities shown: looked up one by one for a short list, read in
    // one pass over the entities for a long one.
    std::vector<EntityId> shown;
    for (const auto& s : all) {
        shown.push_back(index.id(s.a));
        shown.push_back(index.id(s.b));
    }
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    std::vector<std::pair<std::string, std::string>> labels(shown.size());
    auto slot = [&](EntityId id) {
        return static_cast<std::size_t>(std::lower_bound(shown.begin(), shown.end(), id) -
                                        shown.begin());
    };
    if (shown.size() <= 1000) {
        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (auto e = store.entity(shown[i])) labels[i] = {e->key, e->name};
        }
    } else {
        store.forEachCanonicalEntity(
            [&](EntityId id, const std::string& key, const std::string&, const std::string& name) {
                std::size_t i = slot(id);
                if (i < shown.size() && shown[i] == id) labels[i] = {key, name};
            });
    }
    std::vector<Suggestion> out;
    out.reserve(all.size());
    for (const auto& s : all) {
        Suggestion sug;
        sug.a = index.id(s.a);
        sug.b = index.id(s.b);
        sug.score = s.score;
        sug.reasons = reasonsOf(s);
        std::tie(sug.aKey, sug.aName) = labels[slot(sug.a)];
        std::tie(sug.bKey, sug.bName) = labels[slot(sug.b)];
        out.push_back(std::move(sug));
    }
    st.scoreSeconds = secondsSince(t2);
    std::vector<Suggestion> held = ambiguitySuggestions(store, schema);
    if (held.empty()) return out;
    st.suggestions += held.size();
    held.insert(held.end(), std::make_move_iterator(out.begin()),
                std::make_move_iterator(out.end()));
    if (held.size() > options.limit) held.resize(options.limit);
    return held;
}

}  // namespace cg::graph
