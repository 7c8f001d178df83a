// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>

namespace cg::ingest {

/// The text of a JSON string value.
inline std::string jsonText(const rapidjson::Value& v) {
    return {v.GetString(), v.GetStringLength()};
}

/// The member `key` of an object, or null when it is absent or the value is not an object.
inline const rapidjson::Value* jsonMember(const rapidjson::Value& obj, const char* key) {
    if (!obj.IsObject()) return nullptr;
    auto it = obj.FindMember(key);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

/// "a string", "a number", "a list"... for messages about a value of the wrong kind.
inline std::string jsonKind(const rapidjson::Value& v) {
    if (v.IsNull()) return "null";
    if (v.IsBool()) return "a boolean";
    if (v.IsNumber()) return "a number";
    if (v.IsString()) return "a string";
    if (v.IsArray()) return "a list";
    return "an object";
}

/// The text of a string, integer or decimal member, or nothing when it is absent, null,
/// empty or of another kind.
inline std::optional<std::string> jsonScalar(const rapidjson::Value& obj, const char* key) {
    const rapidjson::Value* v = jsonMember(obj, key);
    if (!v) return std::nullopt;
    if (v->IsString()) {
        if (v->GetStringLength() == 0) return std::nullopt;
        return jsonText(*v);
    }
    if (v->IsInt64()) return std::to_string(v->GetInt64());
    if (v->IsUint64()) return std::to_string(v->GetUint64());
    if (v->IsNumber()) {
        std::string s = std::to_string(v->GetDouble());
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }
    return std::nullopt;
}

}  // namespace cg::ingest
