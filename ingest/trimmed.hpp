// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cg::ingest {

/// `text` without leading and trailing spaces, tabs and line breaks.
inline std::string_view trimmed(std::string_view text) {
    const char* space = " \t\r\n";
    auto b = text.find_first_not_of(space);
    if (b == std::string_view::npos) return {};
    auto e = text.find_last_not_of(space);
    return text.substr(b, e - b + 1);
}

}  // namespace cg::ingest
