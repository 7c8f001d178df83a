// SPDX-License-Identifier: MIT
#include "ingest/percent.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

#include "ingest/trimmed.hpp"

namespace cg::ingest {

std::optional<graph::ShareInterval> parsePercent(std::string_view text) {
    std::string s;
    for (char c : trimmed(text)) {
        if (c != '%' && c != ' ') s.push_back(c == ',' ? '.' : c);
    }
    auto value = [](const std::string& part) -> std::optional<double> {
        if (part.empty()) return std::nullopt;
        char* end = nullptr;
        double d = std::strtod(part.c_str(), &end);
        if (end != part.c_str() + part.size() || !std::isfinite(d) || d < 0 || d > 100)
            return std::nullopt;
        return d;
    };
    auto dash = s.find('-', 1);
    if (dash != std::string::npos) {
        auto lo = value(s.substr(0, dash));
        auto hi = value(s.substr(dash + 1));
        if (!lo || !hi || *lo > *hi) return std::nullopt;
        return graph::ShareInterval{*lo, *hi};
    }
    auto d = value(s);
    if (!d) return std::nullopt;
    return graph::ShareInterval{*d, *d};
}

}  // namespace cg::ingest
