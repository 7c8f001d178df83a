// SPDX-License-Identifier: MIT
#include "resolve/ambiguity.hpp"

#include <algorithm>
#include <cstdio>

#include "graph/fnv.hpp"
#include "graph/judgement_log.hpp"
#include "graph/normalize.hpp"

namespace cg::resolve {

using graph::EntityRow;
using graph::fnv1a;
using graph::JudgementLog;
using graph::slugify;

bool isAmbiguousKey(std::string_view key) {
    return key.substr(0, kAmbiguousKeyPrefix.size()) == kAmbiguousKeyPrefix;
}

std::string ambiguousKey(std::string_view typeName, std::string_view matchKey,
                         std::string_view sourceKey) {
    std::string type(typeName.empty() ? std::string_view("entity") : typeName);
    for (auto& c : type) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    std::string slug = slugify(matchKey);
    if (slug.empty()) {
        // A key without Latin letters or digits: a stable hash of it instead.
        std::uint64_t h = fnv1a(matchKey);
        char buf[20];
        std::snprintf(buf, sizeof buf, "h%016llx", static_cast<unsigned long long>(h));
        slug = buf;
    }
    return std::string(kAmbiguousKeyPrefix) + type + "/" + slug + "/" + std::string(sourceKey);
}

std::string ambiguousName(std::string_view name) { return "ambiguous: " + std::string(name); }

std::vector<EntityId> ambiguityCandidates(Store& store, const Schema& schema,
                                          EntityId placeholder) {
    auto self = store.entity(placeholder);
    if (!self) return {};
    EntityId canonicalSelf = store.canonical(placeholder);
    auto selfType = schema.entityTypeId(self->type).value_or(schema.rootType());
    std::vector<EntityId> out;
    std::vector<std::string> norms;
    for (const auto& n : store.detail(placeholder).names) norms.push_back(n.norm);
    std::sort(norms.begin(), norms.end());
    norms.erase(std::unique(norms.begin(), norms.end()), norms.end());
    for (const auto& norm : norms) {
        for (EntityId id : store.entitiesByNorm(norm)) {
            if (id == canonicalSelf || std::find(out.begin(), out.end(), id) != out.end()) continue;
            auto e = store.entity(id);
            if (!e || isAmbiguousKey(e->key)) continue;
            auto t = schema.entityTypeId(e->type).value_or(schema.rootType());
            if (schema.compatible(t, selfType)) out.push_back(id);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string describeCandidate(Store& store, EntityId id) {
    auto e = store.entity(id);
    if (!e) return std::to_string(id);
    std::string text = e->key + " (" + e->name;
    for (const auto& [scheme, value] : store.identifiersOf(id)) text += ", " + scheme + " " + value;
    return text + ")";
}

std::string ambiguityMessage(Store& store, const AmbiguousReference& reference) {
    std::string text = reference.file + ":" + std::to_string(reference.line) +
                       ": ambiguous reference '" + reference.name + "'";
    if (!reference.type.empty()) text += " (" + reference.type + ")";
    text += ": matches ";
    for (std::size_t i = 0; i < reference.candidates.size(); ++i) {
        if (i) text += ", ";
        text += describeCandidate(store, reference.candidates[i]);
    }
    if (auto held = store.entity(reference.placeholder)) text += "; held on " + held->key;
    return text;
}

std::vector<Suggestion> ambiguitySuggestions(Store& store, const Schema& schema) {
    std::vector<Suggestion> out;
    auto placeholders = store.entitiesWithKeyPrefix(std::string(kAmbiguousKeyPrefix));
    if (placeholders.empty()) return out;
    std::vector<std::pair<std::string, std::string>> notSame;
    for (const auto& j : JudgementLog(store).list(false)) {
        if (j.kind == "not_same") notSame.emplace_back(j.a, j.b);
    }
    auto judgedApart = [&](const std::string& x, const std::string& y) {
        return std::any_of(notSame.begin(), notSame.end(), [&](const auto& p) {
            return (p.first == x && p.second == y) || (p.first == y && p.second == x);
        });
    };
    for (const auto& p : placeholders) {
        std::vector<EntityRow> candidates;
        for (EntityId id : ambiguityCandidates(store, schema, p.id)) {
            auto e = store.entity(id);
            if (e && !judgedApart(p.key, e->key)) candidates.push_back(*e);
        }
        for (const auto& c : candidates) {
            Suggestion s;
            s.a = p.id;
            s.b = c.id;
            s.ambiguous = true;
            s.score = 1.0 / static_cast<double>(candidates.size());
            s.aKey = p.key;
            s.aName = p.name;
            s.bKey = c.key;
            s.bName = c.name;
            s.reasons.push_back("ambiguous reference: the name fits " +
                                std::to_string(candidates.size()) + " entities");
            s.reasons.push_back("settle with 'claimgraph resolve merge " + p.key + " " + c.key +
                                "'");
            out.push_back(std::move(s));
        }
    }
    return out;
}

}  // namespace cg::resolve
