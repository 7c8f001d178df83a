// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/date.hpp"

namespace cg::ingest {

/// Reads a date written the ways registries and leaks write them: ISO 8601 ("2006-03-23",
/// "2006-03", "2006"), "23-MAR-2006", "23 March 2006", "Mar 23, 2006", "March 2006",
/// "2006/03/23", "20060323", and day and month in digits ("23/03/2006", "03/23/2006"). When
/// digits could be either day/month or month/day and the two readings differ, only the year
/// is certain, and only the year is returned. Nothing, with `error` set, when the text is not
/// a date; nothing and no error when it is blank.
std::optional<graph::PartialDate> parseLooseDate(std::string_view text,
                                                 std::string* error = nullptr);

}  // namespace cg::ingest
