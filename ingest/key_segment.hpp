// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cg::ingest {

/// A segment of a claim key: the text itself when it is short and plain, otherwise '#'
/// followed by 16 hex digits of its hash.
std::string keySegment(std::string_view text);

}  // namespace cg::ingest
