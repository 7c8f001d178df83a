// SPDX-License-Identifier: MIT
#include "resolve/scoring.hpp"

#include <rapidjson/document.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "resolve/ambiguity.hpp"
#include "resolve/name_parts.hpp"

// The titles (graph/data/titles.json), compiled into the graph library.
namespace cg::graph {
extern const char* const kTitlesJson;
}  // namespace cg::graph

namespace cg::resolve {

using graph::RelationId;
using graph::Schema;

namespace {

// Forms of address that say a person is a man or a woman (graph/data/titles.json), by the
// spelling the resolver stores in 'title' properties.
struct FormsOfAddress {
    std::unordered_set<std::string> male, female;

    FormsOfAddress() {
        rapidjson::Document d;
        d.Parse(graph::kTitlesJson);
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

std::string fmt(const char* pattern, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, pattern, v);
    return buf;
}

}  // namespace

std::vector<std::string> reasonsOf(const ScoredPair& s) {
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

CandidateIndex::CandidateIndex(Store& store, const Schema& schema) : schema_(schema) {
    loadEntities(store);
    loadNames(store);
    loadIdentifiers(store);
    loadFacts(store);
    loadNeighbours(store);
}

void CandidateIndex::keys(std::size_t maxBlock, std::uint64_t shard, std::uint64_t shards,
                          std::vector<KeyEntry>& out) const {
    std::hash<std::string_view> hasher;
    std::vector<std::string_view> words;
    for (std::uint32_t n = 0; n < nameEntity_.size(); ++n) {
        std::uint32_t e = nameEntity_[n];
        auto put = [&](std::string_view key, bool partial) {
            std::uint64_t h = hasher(key);
            if (h % shards == shard) out.emplace_back(h, (e << 1) | (partial ? 1u : 0u));
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
        if (h % shards == shard) out.emplace_back(h, i << 1);
    }
}

std::size_t CandidateIndex::keyEstimate() const {
    std::size_t n = identifierPairs_.size();
    for (std::uint32_t i = 0; i < nameEntity_.size(); ++i) {
        for (const std::uint32_t* w = nameWords_.begin(i); w != nameWords_.end(i); ++w) {
            n += wordText_[*w].size() + 2;
        }
    }
    return n;
}

ScoredPair CandidateIndex::score(std::uint32_t a, std::uint32_t b) const {
    ScoredPair s;
    s.a = a;
    s.b = b;
    std::vector<WeightedWord> wa, wb;
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
    bool sharedId = countShared(identifiers_.begin(a), identifiers_.end(a), identifiers_.begin(b),
                                identifiers_.end(b)) > 0;
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

void CandidateIndex::loadEntities(Store& store) {
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
                it = typeIds.emplace(type, schema_.entityTypeId(type).value_or(schema_.rootType()))
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

void CandidateIndex::loadNames(Store& store) {
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
        nameCore_.push_back(
            static_cast<std::uint32_t>(person ? words.size() : coreWordCount(norm, words.size())));
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

void CandidateIndex::loadIdentifiers(Store& store) {
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

void CandidateIndex::loadFacts(Store& store) {
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
            auto [it, added] = valueIds.emplace(value, static_cast<std::uint32_t>(values_.size()));
            if (added) values_.push_back(value);
            (name == "birth_date" ? dates : countries).emplace_back(*i, it->second);
        });
    countries_.build(countries, ids_.size());
    birthDates_.build(dates, ids_.size());
}

void CandidateIndex::loadNeighbours(Store& store) {
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
bool CandidateIndex::datesAgree(std::uint32_t a, std::uint32_t b) const {
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

void CandidateIndex::words(std::uint32_t name, std::vector<WeightedWord>& out) const {
    out.clear();
    for (const std::uint32_t* w = nameWords_.begin(name); w != nameWords_.end(name); ++w) {
        out.push_back(WeightedWord{wordText_[*w], wordWeight_[*w]});
    }
}

}  // namespace cg::resolve
