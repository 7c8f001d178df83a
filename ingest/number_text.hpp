// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cg::ingest {

/// `value` in the shortest text that reads back to it exactly: 85, not 85.000000; 0.1, not
/// 0.10000000000000001.
std::string shortestNumber(double value);

}  // namespace cg::ingest
