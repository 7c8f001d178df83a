// SPDX-License-Identifier: MIT
#include "ingest/text_encoding.hpp"

#include <array>
#include <cstdio>
#include <filesystem>

#include "graph/error.hpp"
#include "graph/utf8.hpp"

namespace cg::ingest {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Without a byte-order mark, UTF-16 and UTF-32 show by their zero bytes: the JSON and CSV
// this reads are mostly ASCII, whose characters have zero high bytes in fixed places. The
// first 4 KiB are enough to tell, and a text in UTF-8 has no zero byte at all.
std::optional<ForeignEncoding> byZeroBytes(std::string_view head) {
    std::size_t n = std::min<std::size_t>(head.size(), 4096) / 4 * 4;
    if (n < 4) return std::nullopt;
    std::array<std::size_t, 4> zeros{};
    for (std::size_t i = 0; i < n; ++i) {
        if (head[i] == '\0') ++zeros[i % 4];
    }
    std::size_t perSlot = n / 4;
    auto mostly = [&](std::size_t slot) { return zeros[slot] * 10 >= perSlot * 9; };
    auto rarely = [&](std::size_t slot) { return zeros[slot] * 2 < perSlot; };
    if (mostly(2) && mostly(3) && rarely(0)) return ForeignEncoding{"UTF-32 LE", "UTF-32LE", ""};
    if (mostly(0) && mostly(1) && rarely(3)) return ForeignEncoding{"UTF-32 BE", "UTF-32BE", ""};
    // A third of the high bytes zero is far more than any UTF-8 text has (none), and leaves
    // room for text in scripts whose high byte is not zero.
    std::size_t odd = zeros[1] + zeros[3], even = zeros[0] + zeros[2];
    std::size_t half = n / 2;
    if (odd * 3 >= half && even * 20 < half) return ForeignEncoding{"UTF-16 LE", "UTF-16LE", ""};
    if (even * 3 >= half && odd * 20 < half) return ForeignEncoding{"UTF-16 BE", "UTF-16BE", ""};
    return std::nullopt;
}

// Bytes that are not UTF-8 while not one multi-byte sequence is: an 8-bit encoding.
std::optional<ForeignEncoding> byEightBitBytes(std::string_view head, bool cut) {
    std::int64_t line = 1;
    std::int64_t badLine = 0;
    unsigned char badByte = 0;
    bool c1Controls = false;  // 0x80-0x9F: Windows-1252's quotes and dashes, never Latin-1 text
    for (std::size_t i = 0; i < head.size(); ++i) {
        auto b = static_cast<unsigned char>(head[i]);
        if (b == '\n') ++line;
        if (b < 0x80) continue;
        const auto* at = reinterpret_cast<const unsigned char*>(head.data()) + i;
        graph::Utf8Char c = graph::decodeUtf8(
            at, reinterpret_cast<const unsigned char*>(head.data()) + head.size());
        if (c.valid) return std::nullopt;  // a UTF-8 text, damaged at most
        if (c.cut && cut) break;
        if (badLine == 0) {
            badLine = line;
            badByte = b;
        }
        if (b <= 0x9F) c1Controls = true;
    }
    if (badLine == 0) return std::nullopt;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", badByte);
    std::string evidence =
        cat("line ", badLine, " has byte ", hex, ", and no byte sequence of the file is UTF-8");
    if (c1Controls) return ForeignEncoding{"Windows-1252", "WINDOWS-1252", evidence};
    return ForeignEncoding{"Latin-1 (ISO-8859-1)", "LATIN1", evidence};
}

// A file name as one shell word.
std::string shellWord(const std::string& text) {
    bool plain = !text.empty();
    for (char c : text) {
        bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '/' || c == '+' || c == ',';
        if (!safe) plain = false;
    }
    if (plain) return text;
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Where the converted copy goes: "-utf8" before the extensions (a.claims.jsonl ->
// a-utf8.claims.jsonl), so the name still says the format.
std::string convertedName(const std::string& file) {
    std::filesystem::path p(file);
    std::string name = p.filename().string();
    std::size_t dot = name.find('.', 1);
    std::string converted = dot == std::string::npos
                                ? name + "-utf8"
                                : name.substr(0, dot) + "-utf8" + name.substr(dot);
    return (p.parent_path() / converted).string();
}

}  // namespace

std::optional<ForeignEncoding> foreignEncoding(std::string_view head, bool cut) {
    // UTF-32 LE's mark begins with UTF-16 LE's: the longer one is tried first.
    if (startsWith(head, std::string_view("\xFF\xFE\0\0", 4)))
        return ForeignEncoding{"UTF-32 LE with a byte-order mark", "UTF-32", ""};
    if (startsWith(head, std::string_view("\0\0\xFE\xFF", 4)))
        return ForeignEncoding{"UTF-32 BE with a byte-order mark", "UTF-32", ""};
    if (startsWith(head, "\xFF\xFE"))
        return ForeignEncoding{"UTF-16 LE with a byte-order mark", "UTF-16", ""};
    if (startsWith(head, "\xFE\xFF"))
        return ForeignEncoding{"UTF-16 BE with a byte-order mark", "UTF-16", ""};
    if (head.find('\0') != std::string_view::npos) {
        if (auto wide = byZeroBytes(head)) return wide;
    }
    return byEightBitBytes(head, cut);
}

std::string encodingRefusal(const std::string& file, const ForeignEncoding& encoding) {
    std::string message = cat(file, ": the file is ", encoding.name, ", not UTF-8");
    if (!encoding.evidence.empty()) message += " (" + encoding.evidence + ")";
    message += "; claimgraph reads UTF-8 only: convert it first with iconv -f " + encoding.iconv +
               " -t UTF-8";
    if (file == "-") return message + " in the pipe before claimgraph";
    return message + " " + shellWord(file) + " > " + shellWord(convertedName(file));
}

}  // namespace cg::ingest
