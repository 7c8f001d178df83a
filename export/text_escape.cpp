// SPDX-License-Identifier: MIT
#include "export/text_escape.hpp"

#include <array>
#include <cstdint>
#include <sstream>

namespace cg::exporters {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence at `p` (whose lead byte is >= 0x80) and its
// code point, or 0 when the bytes are not UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8Sequence(const unsigned char* p, const unsigned char* end, char32_t& cp) {
    unsigned char lead = p[0];
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        cp = lead & 0x0Fu;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        cp = lead & 0x07u;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) < n) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    cp = (cp << 6) | (p[1] & 0x3Fu);
    for (std::size_t i = 2; i < n; ++i) {
        if (p[i] < 0x80 || p[i] > 0xBF) return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    return n;
}

// Bytes that need a look: flagged ASCII characters and every non-ASCII byte.
using ByteTable = std::array<bool, 256>;

constexpr ByteTable makeTable(std::string_view ascii, bool controls) {
    ByteTable t{};
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = true;
    if (controls) {
        for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
    }
    for (char c : ascii) t[static_cast<unsigned char>(c)] = true;
    return t;
}

constexpr ByteTable kXmlText = makeTable("&<>", true);
constexpr ByteTable kXmlAttribute = makeTable("&<>\"", true);
constexpr ByteTable kJson = makeTable("\"\\", true);
constexpr ByteTable kCsv = makeTable(std::string_view("\"\0", 2), false);

// Copies runs of plain bytes and well-formed UTF-8 in bulk; hands the rest to `ascii` (a
// flagged ASCII byte), `codePoint` (a well-formed sequence, returns false to copy it as is)
// or writes U+FFFD for a byte that is not UTF-8.
// Appends to a std::string with OutputBuffer's put(), for JSON built before it is escaped
// again for XML or CSV.
struct StringSink {
    std::string& text;
    void put(char c) { text.push_back(c); }
    void put(std::string_view s) { text.append(s); }
};

template <typename Out, typename Ascii, typename CodePoint>
void escape(Out& out, std::string_view text, const ByteTable& table, Ascii ascii,
            CodePoint codePoint) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    const auto* run = p;
    while (p < end) {
        if (!table[*p]) {
            ++p;
            continue;
        }
        if (*p < 0x80) {
            out.put(std::string_view(reinterpret_cast<const char*>(run),
                                     static_cast<std::size_t>(p - run)));
            ascii(static_cast<char>(*p));
            run = ++p;
            continue;
        }
        char32_t cp = 0;
        std::size_t n = utf8Sequence(p, end, cp);
        if (n != 0 && !codePoint(cp, true)) {
            p += n;
            continue;
        }
        out.put(std::string_view(reinterpret_cast<const char*>(run),
                                 static_cast<std::size_t>(p - run)));
        if (n == 0) {
            out.put(kReplacement);
            n = 1;
        } else {
            codePoint(cp, false);
        }
        run = (p += n);
    }
    out.put(
        std::string_view(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run)));
}

template <typename Out>
void putJsonControl(Out& out, char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
        case '"':
            out.put("\\\"");
            return;
        case '\\':
            out.put("\\\\");
            return;
        case '\n':
            out.put("\\n");
            return;
        case '\r':
            out.put("\\r");
            return;
        case '\t':
            out.put("\\t");
            return;
        case '\b':
            out.put("\\b");
            return;
        case '\f':
            out.put("\\f");
            return;
        default:
            break;
    }
    auto u = static_cast<unsigned char>(c);
    char buf[6] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xF]};
    out.put(std::string_view(buf, 6));
}

bool startsFormula(std::string_view text) {
    if (text.empty()) return false;
    char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

void putXml(OutputBuffer& out, std::string_view text, XmlContext context) {
    bool attribute = context == XmlContext::Attribute;
    escape(
        out, text, attribute ? kXmlAttribute : kXmlText,
        [&](char c) {
            switch (c) {
                case '&':
                    out.put("&amp;");
                    return;
                case '<':
                    out.put("&lt;");
                    return;
                case '>':
                    out.put("&gt;");
                    return;
                case '"':
                    out.put("&quot;");
                    return;
                case '\r':
                    out.put("&#13;");
                    return;
                case '\t':
                    if (attribute)
                        out.put("&#9;");
                    else
                        out.put('\t');
                    return;
                case '\n':
                    if (attribute)
                        out.put("&#10;");
                    else
                        out.put('\n');
                    return;
                default:
                    out.put(kReplacement);
                    return;
            }
        },
        [&](char32_t cp, bool ask) {
            if (ask) return cp == 0xFFFE || cp == 0xFFFF;
            out.put(kReplacement);
            return true;
        });
}

void putJsonString(OutputBuffer& out, std::string_view text) {
    out.put('"');
    escape(
        out, text, kJson, [&](char c) { putJsonControl(out, c); },
        [&](char32_t cp, bool ask) {
            if (ask) return cp == 0x2028 || cp == 0x2029;
            out.put(cp == 0x2028 ? "\\u2028" : "\\u2029");
            return true;
        });
    out.put('"');
}

void appendJsonString(std::string& out, std::string_view text) {
    StringSink sink{out};
    sink.put('"');
    escape(
        sink, text, kJson, [&](char c) { putJsonControl(sink, c); },
        [&](char32_t cp, bool ask) {
            if (ask) return cp == 0x2028 || cp == 0x2029;
            sink.put(cp == 0x2028 ? "\\u2028" : "\\u2029");
            return true;
        });
    sink.put('"');
}

void openCsvField(OutputBuffer& out, std::string_view first) {
    out.put('"');
    if (startsFormula(first)) out.put('\'');
}

void putCsvText(OutputBuffer& out, std::string_view text) {
    escape(
        out, text, kCsv,
        [&](char c) {
            if (c == '"')
                out.put("\"\"");
            else
                out.put(kReplacement);
        },
        [](char32_t, bool) { return false; });
}

void closeCsvField(OutputBuffer& out) { out.put('"'); }

void putCsvField(OutputBuffer& out, std::string_view text) {
    openCsvField(out, text);
    putCsvText(out, text);
    closeCsvField(out);
}

std::string withValidUtf8(std::string_view text) {
    constexpr ByteTable kNul = makeTable(std::string_view("\0", 1), false);
    std::ostringstream text8;
    {
        OutputBuffer out(text8, text.size() + 64);
        escape(
            out, text, kNul, [&](char) { out.put(kReplacement); },
            [](char32_t, bool) { return false; });
        out.flush();
    }
    return text8.str();
}

}  // namespace cg::exporters
