// SPDX-License-Identifier: MIT
#include "ingest/country_code.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <mutex>
#include <unordered_map>

#include "ingest/trimmed.hpp"

namespace cg::ingest {

namespace {

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

}  // namespace cg::ingest
