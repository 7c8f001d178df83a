// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace cg::graph {

/// How deep JSON from outside (records, mapping files, saved queries, schemas) may nest objects
/// and arrays. RapidJSON parses recursively, so deeper input would exhaust the stack.
constexpr std::size_t kMaxJsonDepth = 64;

/// The byte offset of the first '[' or '{' that opens level `maxDepth + 1` of `text` (the
/// outermost object being level 1), or nothing when `text` stays within `maxDepth` levels.
/// Brackets inside strings do not count; the text need not be valid JSON. Linear time; call it
/// before parsing text that may come from outside.
inline std::optional<std::size_t> jsonTooDeepAt(std::string_view text,
                                                std::size_t maxDepth = kMaxJsonDepth) {
    std::size_t depth = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

}  // namespace cg::graph
