// SPDX-License-Identifier: MIT
#include "ingest/claim_parts.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace cg::ingest {

namespace {

void hashBytes(std::uint64_t& h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    // A separator, so that ("ab", "c") and ("a", "bc") hash differently.
    h ^= 0xff;
    h *= 1099511628211ull;
}

std::uint64_t fnv(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    hashBytes(h, bytes);
    return h;
}

std::string number(double value) {
    char buf[32];
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", value);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.17g", value);
    // Prefer the shortest text that reads back to the same value: 50 rather than 50.000...
    for (int precision = 1; precision <= 17; ++precision) {
        char shorter[32];
        std::snprintf(shorter, sizeof shorter, "%.*g", precision, value);
        if (std::strtod(shorter, nullptr) == value) return shorter;
    }
    return buf;
}

// Lower-case ASCII letters only, so "United Kingdom (the)" and "united-kingdom" meet.
std::string nameKey(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c + 32));
        else if (c >= 'a' && c <= 'z')
            out.push_back(c);
    }
    if (out.size() > 3 && out.compare(out.size() - 3, 3, "the") == 0) out.resize(out.size() - 3);
    if (out.rfind("the", 0) == 0 && out.size() > 3) out.erase(0, 3);
    return out;
}

const std::unordered_map<std::string, std::string>& countryNames() {
    static std::unordered_map<std::string, std::string> names;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
            icu::UnicodeString display;
            icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
            std::string text;
            display.toUTF8String(text);
            names.emplace(nameKey(text), *code);
            names.emplace(nameKey(*code), *code);
            const char* alpha3 = icu::Locale("", *code).getISO3Country();
            if (alpha3 && *alpha3) names.emplace(nameKey(alpha3), *code);
        }
        // Forms registries use that ICU's English display names do not cover.
        const char* const extra[][2] = {
            {"England", "GB"},
            {"Wales", "GB"},
            {"Scotland", "GB"},
            {"Northern Ireland", "GB"},
            {"England and Wales", "GB"},
            {"Great Britain", "GB"},
            {"UK", "GB"},
            {"United Kingdom of Great Britain and Northern Ireland", "GB"},
            {"USA", "US"},
            {"United States of America", "US"},
            {"Russian Federation", "RU"},
            {"Republic of Korea", "KR"},
            {"British Virgin Islands", "VG"},
            {"Virgin Islands, British", "VG"},
            {"Hong Kong SAR", "HK"},
            {"Macau", "MO"},
            {"Czech Republic", "CZ"},
            {"Ivory Coast", "CI"},
            {"Viet Nam", "VN"},
            {"Burma", "MM"},
        };
        for (const auto& [name, code] : extra) names[nameKey(name)] = code;
    });
    return names;
}

}  // namespace

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    out += '"';
    return out;
}

void Attributes::key(std::string_view name) {
    if (!body_.empty()) body_ += ',';
    body_ += jsonString(name);
    body_ += ':';
}

void Attributes::set(std::string_view name, std::string_view value) {
    key(name);
    body_ += jsonString(value);
}

void Attributes::set(std::string_view name, double value) {
    key(name);
    body_ += std::isfinite(value) ? number(value) : std::string("null");
}

void Attributes::set(std::string_view name, bool value) {
    key(name);
    body_ += value ? "true" : "false";
}

void Attributes::addNote(std::string_view text) {
    if (text.empty()) return;
    if (!note_.empty()) note_ += "; ";
    note_ += text;
}

std::string Attributes::json() const {
    if (empty()) return {};
    std::string out = "{" + body_;
    if (!note_.empty()) {
        if (!body_.empty()) out += ',';
        out += "\"note\":" + jsonString(note_);
    }
    return out + "}";
}

void setShare(Attributes& attrs, const graph::ShareInterval& share) {
    if (share.min == share.max && !share.minExclusive && !share.maxExclusive) {
        attrs.set("share", share.min);
        return;
    }
    attrs.set("share_min", share.min);
    attrs.set("share_max", share.max);
    if (share.minExclusive) attrs.addNote("share above " + number(share.min) + " (exclusive)");
    if (share.maxExclusive) attrs.addNote("share below " + number(share.max) + " (exclusive)");
}

std::optional<graph::ShareInterval> parsePercent(std::string_view text) {
    std::string s;
    for (char c : trimmed(text)) {
        if (c != '%' && c != ' ') s.push_back(c == ',' ? '.' : c);
    }
    auto value = [](const std::string& part) -> std::optional<double> {
        if (part.empty()) return std::nullopt;
        char* end = nullptr;
        double d = std::strtod(part.c_str(), &end);
        if (end != part.c_str() + part.size() || !std::isfinite(d) || d < 0 || d > 100)
            return std::nullopt;
        return d;
    };
    auto dash = s.find('-', 1);
    if (dash != std::string::npos) {
        auto lo = value(s.substr(0, dash));
        auto hi = value(s.substr(dash + 1));
        if (!lo || !hi || *lo > *hi) return std::nullopt;
        return graph::ShareInterval{*lo, *hi};
    }
    auto d = value(s);
    if (!d) return std::nullopt;
    return graph::ShareInterval{*d, *d};
}

void sealClaim(graph::Claim& c) {
    std::uint64_t h = 1469598103934665603ull;
    hashBytes(h, c.key);
    hashBytes(h, c.subject.key);
    hashBytes(h, c.kind == graph::Claim::Kind::Relation ? "r" : "p");
    hashBytes(h, c.relation);
    hashBytes(h, c.object.key);
    hashBytes(h, c.relationKey);
    hashBytes(h, c.property);
    hashBytes(h, c.value);
    hashBytes(h, c.attributesJson);
    if (c.share) {
        hashBytes(h, number(c.share->min) + (c.share->minExclusive ? "(" : "[") +
                         number(c.share->max) + (c.share->maxExclusive ? ")" : "]"));
    }
    hashBytes(h, c.stance == graph::Stance::Denies ? "denies" : "asserts");
    hashBytes(h, number(c.confidence));
    hashBytes(h, c.validFrom ? c.validFrom->text() : "");
    hashBytes(h, c.validTo ? c.validTo->text() : "");
    c.contentHash = h;
}

std::string keySegment(std::string_view text) {
    bool plain = !text.empty() && text.size() <= 64;
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) plain = false;
    }
    if (plain && text.front() != '#') return std::string(text);
    char buf[24];
    std::snprintf(buf, sizeof buf, "#%016llx", static_cast<unsigned long long>(fnv(text)));
    return buf;
}

std::optional<std::string> countryCode(std::string_view text) {
    text = trimmed(text);
    if (text.size() != 2) return std::nullopt;
    std::string out;
    for (char c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        if (c < 'A' || c > 'Z') return std::nullopt;
        out.push_back(c);
    }
    return out;
}

std::optional<std::string> countryFromName(std::string_view name) {
    if (auto code = countryCode(name)) return code;
    std::string key = nameKey(name);
    if (key.empty()) return std::nullopt;
    const auto& names = countryNames();
    auto it = names.find(key);
    if (it == names.end()) return std::nullopt;
    return it->second;
}

std::string_view trimmed(std::string_view text) {
    const char* space = " \t\r\n";
    auto b = text.find_first_not_of(space);
    if (b == std::string_view::npos) return {};
    auto e = text.find_last_not_of(space);
    return text.substr(b, e - b + 1);
}

std::string fileStem(const std::string& path) {
    std::string name = std::filesystem::path(path).filename().string();
    const char* const known[] = {".json", ".jsonl", ".ijson",    ".ndjson", ".csv",
                                 ".ftm",  ".bods",  ".entities", ".txt"};
    for (bool again = true; again;) {
        again = false;
        for (const char* ext : known) {
            std::string_view e(ext);
            if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
                name.resize(name.size() - e.size());
                again = true;
            }
        }
    }
    return name;
}

}  // namespace cg::ingest
