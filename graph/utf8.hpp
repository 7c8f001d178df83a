// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

namespace cg::graph {

// The one UTF-8 decoder of the tree (RFC 3629, the ranges of Unicode's table 3-7): no overlong
// forms, no surrogates, nothing past U+10FFFF. Inline, because exporters and readers run it
// over every byte of their text.

/// What a byte starts: `length` 1 for ASCII, 2 to 4 for the lead byte of a longer sequence,
/// 0 for a byte no sequence starts with; the allowed range of the second byte; the code
/// point's bits the lead byte carries.
struct Utf8Lead {
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    char32_t bits = 0;
};

/// Classifies `byte` as the first byte of a UTF-8 sequence.
inline Utf8Lead utf8Lead(unsigned char byte) {
    if (byte < 0x80) return {1, 0x80, 0xBF, byte};
    if (byte >= 0xC2 && byte <= 0xDF) return {2, 0x80, 0xBF, byte & 0x1Fu};
    if (byte >= 0xE0 && byte <= 0xEF) {
        return {3, static_cast<unsigned char>(byte == 0xE0 ? 0xA0 : 0x80),
                static_cast<unsigned char>(byte == 0xED ? 0x9F : 0xBF), byte & 0x0Fu};
    }
    if (byte >= 0xF0 && byte <= 0xF4) {
        return {4, static_cast<unsigned char>(byte == 0xF0 ? 0x90 : 0x80),
                static_cast<unsigned char>(byte == 0xF4 ? 0x8F : 0xBF), byte & 0x07u};
    }
    return {};
}

/// One character decoded from UTF-8, or the bytes that are not one.
struct Utf8Char {
    char32_t codePoint = 0;  ///< meaningful only when `valid`
    std::size_t length = 0;  ///< the sequence's bytes, or the maximal ill-formed subpart's (>= 1)
    bool valid = false;
    bool cut = false;  ///< not valid only because the text ends inside a sequence
};

/// Decodes the character at `p` (before `end`); O(1).
inline Utf8Char decodeUtf8(const unsigned char* p, const unsigned char* end) {
    Utf8Lead lead = utf8Lead(*p);
    if (lead.length == 0) return {0, 1, false, false};
    Utf8Char out{lead.bits, 1, true, false};
    for (int k = 1; k < lead.length; ++k) {
        if (p + k >= end) return {0, out.length, false, true};
        unsigned char c = p[k];
        if (k == 1 ? (c < lead.low || c > lead.high) : (c < 0x80 || c > 0xBF)) {
            return {0, out.length, false, false};
        }
        out.codePoint = (out.codePoint << 6) | (c & 0x3Fu);
        ++out.length;
    }
    return out;
}

/// True when `text` is well-formed UTF-8; O(n).
inline bool isValidUtf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        Utf8Char c = decodeUtf8(p, end);
        if (!c.valid) return false;
        p += c.length;
    }
    return true;
}

}  // namespace cg::graph
