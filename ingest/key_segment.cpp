// SPDX-License-Identifier: MIT
#include "ingest/key_segment.hpp"

#include <cstdint>
#include <cstdio>

#include "ingest/content_hash.hpp"

namespace cg::ingest {

std::string keySegment(std::string_view text) {
    bool plain = !text.empty() && text.size() <= 64;
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) plain = false;
    }
    if (plain && text.front() != '#') return std::string(text);
    std::uint64_t h = graph::kFnvOffsetBasis;
    addHashField(h, text);
    char buf[24];
    std::snprintf(buf, sizeof buf, "#%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace cg::ingest
