// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cg::ingest {

/// Quotes `text` as a JSON string: quotes, backslashes and control characters escaped, other
/// bytes as they are.
std::string jsonString(std::string_view text);

}  // namespace cg::ingest
