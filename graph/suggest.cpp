// SPDX-License-Identifier: MIT
#include "graph/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "graph/name_parts.hpp"

namespace cg::graph {

double jaroWinkler(const std::string& a, const std::string& b) {
    if (a.empty() && b.empty()) return 1;
    if (a.empty() || b.empty()) return 0;
    std::size_t range = std::max(a.size(), b.size()) / 2;
    range = range > 0 ? range - 1 : 0;
    std::vector<bool> ma(a.size()), mb(b.size());
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::size_t lo = i > range ? i - range : 0;
        std::size_t hi = std::min(b.size(), i + range + 1);
        for (std::size_t j = lo; j < hi; ++j) {
            if (mb[j] || a[i] != b[j]) continue;
            ma[i] = mb[j] = true;
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0;
    std::size_t t = 0;
    for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!ma[i]) continue;
        while (!mb[j]) ++j;
        if (a[i] != b[j]) ++t;
        ++j;
    }
    double m = static_cast<double>(matches);
    double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - static_cast<double>(t) / 2) / m) / 3;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1 - jaro);
}

namespace {

std::vector<std::string> tokensOf(const std::string& key) {
    std::vector<std::string> out;
    std::istringstream in(key);
    for (std::string t; in >> t;) out.push_back(t);
    return out;
}

std::string sortedTokens(const std::string& key) {
    auto t = tokensOf(key);
    std::sort(t.begin(), t.end());
    std::string out;
    for (const auto& s : t) out += (out.empty() ? "" : " ") + s;
    return out;
}

struct Candidate {
    EntityTypeId type = 0;
    std::vector<std::string> keys;  // distinct match keys of all its names
    std::vector<std::string> identifiers;
    std::vector<std::string> countries;
    std::vector<std::string> birthDates;
    std::vector<EntityId> neighbours;  // sorted
};

bool shareAny(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const auto& x : a) {
        if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    }
    return false;
}

// Soft token similarity: every token of one name finds its closest token in the other
// (Jaro-Winkler, counted only from 0.9 up), weighted by how rare the token is, so that
// "Embassy of India" and "Embassy of Indonesia" differ where it matters.
double tokenSimilarity(const std::string& x, const std::string& y,
                       const std::unordered_map<std::string, std::size_t>& freq, double total) {
    auto tx = tokensOf(x);
    auto ty = tokensOf(y);
    if (tx.empty() || ty.empty()) return 0;
    auto idf = [&](const std::string& t) {
        auto it = freq.find(t);
        double f = it == freq.end() ? 1.0 : static_cast<double>(it->second);
        return std::log(1.0 + total / f);
    };
    auto oneWay = [&](const std::vector<std::string>& a, const std::vector<std::string>& b) {
        double sum = 0, weight = 0;
        for (const auto& t : a) {
            double best = 0;
            for (const auto& u : b) best = std::max(best, jaroWinkler(t, u));
            double w = idf(t);
            weight += w;
            if (best >= 0.9) sum += w * best;
        }
        return weight > 0 ? sum / weight : 0;
    };
    return std::min(oneWay(tx, ty), oneWay(ty, tx));
}

std::string fmt(const char* pattern, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, pattern, v);
    return buf;
}

}  // namespace

std::vector<Suggestion> suggestMatches(Store& store, const Schema& schema, const SuggestOptions& options) {
    std::unordered_map<EntityId, EntityId> canon;
    std::map<EntityId, Candidate> entities;
    store.forEachEntity([&](EntityId id, const std::string&, const std::string& type, bool stub,
                            std::optional<EntityId> mergedInto) {
        canon[id] = mergedInto.value_or(id);
        if (mergedInto || stub) return;
        entities[id].type = schema.entityTypeId(type).value_or(schema.rootType());
    });
    auto canonicalOf = [&](EntityId id) {
        for (int guard = 0; guard < 64; ++guard) {
            auto it = canon.find(id);
            if (it == canon.end() || it->second == id) return id;
            id = it->second;
        }
        return id;
    };
    store.forEachName([&](EntityId id, const std::string& key) {
        auto it = entities.find(canonicalOf(id));
        if (it == entities.end() || key.empty()) return;
        auto& keys = it->second.keys;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    });
    std::unordered_map<std::string, std::vector<EntityId>> byIdentifier;
    store.forEachIdentifier([&](EntityId id, const std::string& scheme, const std::string& value) {
        EntityId c = canonicalOf(id);
        auto it = entities.find(c);
        if (it == entities.end()) return;
        std::string k = scheme + ":" + value;
        it->second.identifiers.push_back(k);
        auto& ids = byIdentifier[k];
        if (std::find(ids.begin(), ids.end(), c) == ids.end()) ids.push_back(c);
    });
    store.forEachPropertyValue({"country", "nationality", "jurisdiction", "birth_date"},
                               [&](EntityId id, const std::string& name, const std::string& value) {
        auto it = entities.find(canonicalOf(id));
        if (it == entities.end()) return;
        (name == "birth_date" ? it->second.birthDates : it->second.countries).push_back(value);
    });
    store.forEachRelationKey([&](RelationId, const std::string&, EntityId src, EntityId dst, const std::string&) {
        auto a = entities.find(src);
        auto b = entities.find(dst);
        if (a != entities.end()) a->second.neighbours.push_back(dst);
        if (b != entities.end()) b->second.neighbours.push_back(src);
    });
    for (auto& [id, c] : entities) {
        std::sort(c.neighbours.begin(), c.neighbours.end());
        c.neighbours.erase(std::unique(c.neighbours.begin(), c.neighbours.end()), c.neighbours.end());
    }

    // Blocking: token frequencies first, then each entity joins the blocks of its two rarest
    // tokens and of its name without legal form.
    std::unordered_map<std::string, std::size_t> freq;
    for (const auto& [id, c] : entities) {
        std::unordered_set<std::string> seen;
        for (const auto& k : c.keys) {
            for (const auto& t : tokensOf(k)) {
                if (seen.insert(t).second) ++freq[t];
            }
        }
    }
    std::unordered_map<std::string, std::vector<EntityId>> blocks;
    for (const auto& [id, c] : entities) {
        for (const auto& k : c.keys) {
            auto toks = tokensOf(k);
            std::sort(toks.begin(), toks.end(), [&](const std::string& x, const std::string& y) {
                return freq[x] != freq[y] ? freq[x] < freq[y] : x < y;
            });
            for (std::size_t i = 0; i < toks.size() && i < 2; ++i) {
                if (toks[i].size() >= 2) blocks["t:" + toks[i]].push_back(id);
            }
            blocks["n:" + sortedTokens(stripLegalForm(k))].push_back(id);
        }
    }
    std::unordered_set<std::uint64_t> seenPairs;
    std::vector<std::pair<EntityId, EntityId>> pairs;
    auto addPairs = [&](std::vector<EntityId>& ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids.size() < 2 || ids.size() > options.maxBlock) return;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                std::uint64_t key = (static_cast<std::uint64_t>(ids[i]) << 32) ^ static_cast<std::uint64_t>(ids[j]);
                if (seenPairs.insert(key).second) pairs.emplace_back(ids[i], ids[j]);
            }
        }
    };
    for (auto& [k, ids] : blocks) addPairs(ids);
    for (auto& [k, ids] : byIdentifier) addPairs(ids);

    std::unordered_set<std::string> notSame;
    for (const auto& j : store.judgements(false)) {
        if (j.kind == "not_same") {
            notSame.insert(j.a + "\x1f" + j.b);
            notSame.insert(j.b + "\x1f" + j.a);
        }
    }

    std::vector<Suggestion> out;
    for (auto [a, b] : pairs) {
        const Candidate& ca = entities[a];
        const Candidate& cb = entities[b];
        if (!schema.compatible(ca.type, cb.type)) continue;
        Suggestion s{a, b, 0, {}};
        double best = 0;
        bool sameWithoutForm = false;
        for (const auto& x : ca.keys) {
            for (const auto& y : cb.keys) {
                best = std::max(best, tokenSimilarity(x, y, freq, static_cast<double>(entities.size())));
                if (stripLegalForm(x) == stripLegalForm(y)) sameWithoutForm = true;
            }
        }
        bool sharedId = shareAny(ca.identifiers, cb.identifiers);
        if (best < 0.8 && !sharedId && !sameWithoutForm) continue;
        double score = 0.7 * best;
        s.reasons.push_back(fmt("name similarity %.2f", best));
        if (sameWithoutForm && best < 1) {
            score += 0.1;
            s.reasons.push_back("same name apart from the legal form");
        }
        if (sharedId) {
            score += 0.4;
            s.reasons.push_back("shared identifier");
        }
        if (!ca.countries.empty() && !cb.countries.empty()) {
            if (shareAny(ca.countries, cb.countries)) {
                score += 0.1;
                s.reasons.push_back("same country");
            } else {
                score -= 0.1;
                s.reasons.push_back("different countries");
            }
        }
        if (!ca.birthDates.empty() && !cb.birthDates.empty()) {
            if (shareAny(ca.birthDates, cb.birthDates)) {
                score += 0.15;
                s.reasons.push_back("same birth date");
            } else {
                score -= 0.3;
                s.reasons.push_back("different birth dates");
            }
        }
        std::size_t shared = 0;
        for (EntityId n : ca.neighbours) {
            if (std::binary_search(cb.neighbours.begin(), cb.neighbours.end(), n)) ++shared;
        }
        if (shared > 0) {
            score += std::min(0.15, 0.05 * static_cast<double>(shared));
            s.reasons.push_back(std::to_string(shared) + " shared neighbour" + (shared > 1 ? "s" : ""));
        }
        s.score = std::clamp(score, 0.0, 1.0);
        if (s.score < options.minScore) continue;
        auto ka = store.entity(a);
        auto kb = store.entity(b);
        if (ka && kb && notSame.count(ka->key + "\x1f" + kb->key)) continue;
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const Suggestion& x, const Suggestion& y) {
        if (x.score != y.score) return x.score > y.score;
        return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
    });
    if (out.size() > options.limit) out.resize(options.limit);
    return out;
}

}  // namespace cg::graph
