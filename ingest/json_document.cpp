// SPDX-License-Identifier: MIT
#include "ingest/json_document.hpp"

#include <algorithm>
#include <vector>

namespace cg::ingest {

std::optional<std::string> duplicateKey(const rapidjson::Value& value) {
    if (value.IsArray()) {
        for (const auto& element : value.GetArray()) {
            if (auto key = duplicateKey(element)) return key;
        }
        return std::nullopt;
    }
    if (!value.IsObject()) return std::nullopt;
    std::vector<std::string_view> keys;
    keys.reserve(value.MemberCount());
    for (const auto& member : value.GetObject()) {
        keys.emplace_back(member.name.GetString(), member.name.GetStringLength());
    }
    std::sort(keys.begin(), keys.end());
    auto twice = std::adjacent_find(keys.begin(), keys.end());
    if (twice != keys.end()) return std::string(*twice);
    for (const auto& member : value.GetObject()) {
        if (auto key = duplicateKey(member.value)) return key;
    }
    return std::nullopt;
}

}  // namespace cg::ingest
