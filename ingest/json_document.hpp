// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cg::ingest {

/// Why a record's text is not one JSON value, and the byte offset where that shows.
struct JsonSyntaxError {
    std::string what;
    std::size_t offset = 0;
};

/// Parses `text` into `doc` as exactly one JSON value: anything after it but blanks (a second
/// value, a NUL byte and what follows it) is an error, as is any syntax error. RapidJSON's own
/// Parse stops at a NUL as if the text ended there. Returns nothing when the text is one value.
template <unsigned Flags = rapidjson::kParseDefaultFlags, typename Document>
std::optional<JsonSyntaxError> parseOneJsonValue(Document& doc, std::string_view text) {
    rapidjson::MemoryStream bytes(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    doc.template ParseStream<Flags | rapidjson::kParseStopWhenDoneFlag, rapidjson::UTF8<>>(in);
    if (doc.HasParseError()) {
        return JsonSyntaxError{rapidjson::GetParseError_En(doc.GetParseError()),
                               doc.GetErrorOffset()};
    }
    for (std::size_t at = bytes.Tell(); at < text.size(); ++at) {
        char c = text[at];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return JsonSyntaxError{
            c == '\0' ? "a NUL byte after the end of the value" : "text after the end of the value",
            at};
    }
    return std::nullopt;
}

/// The first key that appears twice in one object anywhere in `value` (depth first), or
/// nothing: a record whose meaning depends on which of two values a reader keeps is refused.
/// O(k log k) per object of k members.
std::optional<std::string> duplicateKey(const rapidjson::Value& value);

}  // namespace cg::ingest
