// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

#include "graph/model.hpp"

namespace cg::ingest {

/// A percentage as registries and spreadsheets write it: "50", "50.5", "50 %", "50,5", or a
/// band "25-50". Nothing when the text is not one, or lies outside 0 to 100.
std::optional<graph::ShareInterval> parsePercent(std::string_view text);

}  // namespace cg::ingest
