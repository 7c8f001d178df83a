// SPDX-License-Identifier: MIT
#include "export/text_escape.hpp"

#include <array>
#include <cstdint>
#include <sstream>

#include "graph/utf8.hpp"

namespace cg::exporters {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

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
        graph::Utf8Char c = graph::decodeUtf8(p, end);
        char32_t cp = c.codePoint;
        std::size_t n = c.valid ? c.length : 0;
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
