// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cg::ingest {

/// The upper-case ISO 3166 alpha-2 code written as `text` ("gb", "GB"), or nothing.
std::optional<std::string> countryCode(std::string_view text);

/// The ISO 3166 alpha-2 code of an English country name, an alpha-2 or an alpha-3 code ("VGB");
/// also knows the UK's nations ("England", "Wales") and common forms ("UK", "USA"). Nothing
/// when unknown.
std::optional<std::string> countryFromName(std::string_view name);

}  // namespace cg::ingest
