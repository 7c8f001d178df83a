// SPDX-License-Identifier: MIT
#include "resolve/name_parts.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "graph/normalize.hpp"

// The titles and legal forms (graph/data/), compiled into the graph library.
namespace cg::graph {
extern const char* const kTitlesJson;
extern const char* const kLegalFormsJson;
}  // namespace cg::graph

namespace cg::resolve {

using graph::normalizeName;

namespace {

// Normalised text has single spaces between tokens and none at the ends.
std::vector<std::string> tokens(const std::string& norm) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < norm.size()) {
        std::size_t end = norm.find(' ', start);
        if (end == std::string::npos) end = norm.size();
        if (end > start) out.emplace_back(norm, start, end - start);
        start = end + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) out += ' ';
        out += parts[i];
    }
    return out;
}

// The data files are compiled in and parsed once; a malformed file is a build bug.
struct NameData {
    std::unordered_map<std::string, std::string> titles;  // normalised -> display
    std::size_t longestTitle = 1;                         // in raw words
    std::unordered_map<std::string, std::string> legal;   // normalised variant -> canonical
    std::size_t longestLegal = 1;                         // in tokens
    std::unordered_set<std::string> legalFirst;           // first token of every variant
    std::unordered_set<std::string> titleFirst;           // first normalised token of every title
    std::vector<std::string> canonicalForms;

    NameData() {
        rapidjson::Document t;
        t.Parse(graph::kTitlesJson);
        if (t.IsObject() && t.HasMember("titles") && t["titles"].IsArray()) {
            for (const auto& v : t["titles"].GetArray()) {
                if (!v.IsString()) continue;
                std::string display = v.GetString();
                std::string norm = normalizeName(display);
                if (norm.empty()) continue;
                titles.emplace(norm, display);
                titleFirst.insert(norm.substr(0, norm.find(' ')));
                auto words =
                    static_cast<std::size_t>(std::count(display.begin(), display.end(), ' ') + 1);
                longestTitle = std::max(longestTitle, words);
            }
        }
        rapidjson::Document l;
        l.Parse(graph::kLegalFormsJson);
        if (l.IsObject() && l.HasMember("legal_forms") && l["legal_forms"].IsObject()) {
            for (const auto& m : l["legal_forms"].GetObject()) {
                std::string canonical = m.name.GetString();
                canonicalForms.push_back(canonical);
                if (!m.value.IsArray()) continue;
                for (const auto& v : m.value.GetArray()) {
                    if (!v.IsString()) continue;
                    std::string norm = normalizeName(v.GetString());
                    legal.emplace(norm, canonical);
                    legalFirst.insert(norm.substr(0, norm.find(' ')));
                    longestLegal = std::max(longestLegal, tokens(norm).size());
                }
            }
        }
    }
};

const NameData& data() {
    static const NameData instance;
    return instance;
}

std::vector<std::string> rawWords(std::string_view name) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : name) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

}  // namespace

NameParts splitTitles(std::string_view name) {
    const NameData& d = data();
    NameParts parts;
    std::vector<std::string> words = rawWords(name);
    std::size_t i = 0;
    // Most names start with no title: one normalisation of the first word settles it.
    std::string first = words.empty() ? std::string() : normalizeName(words[0]);
    first = first.substr(0, first.find(' '));
    bool mayHaveTitle = words.size() >= 2 && d.titleFirst.count(first) > 0;
    while (mayHaveTitle && i + 1 < words.size()) {
        bool found = false;
        std::size_t maxK = std::min(d.longestTitle, words.size() - 1 - i);
        for (std::size_t k = maxK; k >= 1 && !found; --k) {
            std::string candidate = normalizeName(join(words, i, i + k));
            auto it = d.titles.find(candidate);
            if (it != d.titles.end()) {
                parts.titles.push_back(it->second);
                i += k;
                found = true;
            }
        }
        if (!found) break;
    }
    if (i == 0) {
        parts.bare = std::string(name);
        // Trim outer whitespace, keep the inside as written.
        auto b = parts.bare.find_first_not_of(" \t");
        auto e = parts.bare.find_last_not_of(" \t");
        parts.bare = b == std::string::npos ? std::string() : parts.bare.substr(b, e - b + 1);
    } else {
        parts.bare = join(words, i, words.size());
    }
    return parts;
}

std::string matchKey(std::string_view name, bool person) {
    const NameData& d = data();
    if (person) {
        // Titles leave the key, unless only one word (a surname) would remain: "Herr Dr.
        // Fischer" and "Frau Dr. Fischer" are two people, and a bare surname is too weak to
        // merge on, so such a name keeps its titles in the key.
        NameParts parts = splitTitles(name);
        bool surnameOnly = !parts.titles.empty() && parts.bare.find(' ') == std::string::npos;
        return normalizeName(surnameOnly ? name : std::string_view(parts.bare));
    }
    std::string norm = normalizeName(name);
    std::vector<std::string> toks = tokens(norm);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < toks.size();) {
        bool replaced = false;
        if (i == 0 || !d.legalFirst.count(toks[i])) {
            out.push_back(toks[i++]);
            continue;
        }
        for (std::size_t k = std::min(d.longestLegal, toks.size() - i); k >= 1; --k) {
            auto it = d.legal.find(join(toks, i, i + k));
            // A legal form is only a legal form after the name has started.
            if (it != d.legal.end() && i > 0) {
                out.push_back(it->second);
                i += k;
                replaced = true;
                break;
            }
        }
        if (!replaced) out.push_back(toks[i++]);
    }
    return join(out, 0, out.size());
}

std::string stripLegalForm(const std::string& key) {
    const NameData& d = data();
    std::vector<std::string> toks = tokens(key);
    // Strip one trailing canonical form, longest first ("gmbh co kg" before "kg").
    for (std::size_t k = std::min<std::size_t>(3, toks.size() > 0 ? toks.size() - 1 : 0); k >= 1;
         --k) {
        std::string tail = join(toks, toks.size() - k, toks.size());
        if (std::find(d.canonicalForms.begin(), d.canonicalForms.end(), tail) !=
            d.canonicalForms.end()) {
            return join(toks, 0, toks.size() - k);
        }
    }
    return key;
}

}  // namespace cg::resolve
