// SPDX-License-Identifier: MIT
#include "ingest/number_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cg::ingest {

std::string shortestNumber(double value) {
    char buf[32];
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", value);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.17g", value);
    for (int precision = 1; precision <= 17; ++precision) {
        char shorter[32];
        std::snprintf(shorter, sizeof shorter, "%.*g", precision, value);
        if (std::strtod(shorter, nullptr) == value) return shorter;
    }
    return buf;
}

}  // namespace cg::ingest
