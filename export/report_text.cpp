// SPDX-License-Identifier: MIT
#include "export/report_text.hpp"

#include <cctype>

#include "export/text_escape.hpp"

namespace cg::exporters {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool isControl(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

}  // namespace

std::string htmlText(std::string_view text) {
    std::string valid = withValidUtf8(text);
    std::string out;
    out.reserve(valid.size() + valid.size() / 8);
    for (char c : valid) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\t':
            case '\n':
                out += c;
                break;
            default:
                if (isControl(c)) {
                    out += kReplacement;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string markdownText(std::string_view text) {
    static constexpr std::string_view kMarkup = "\\`*_[]<>|~&#!";
    std::string valid = withValidUtf8(text);
    std::string out;
    out.reserve(valid.size() + valid.size() / 8);
    for (char c : valid) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else if (isControl(c)) {
            out += kReplacement;
        } else {
            if (kMarkup.find(c) != std::string_view::npos) out += '\\';
            out += c;
        }
    }
    return out;
}

std::optional<std::string> linkableUrl(std::string_view url) {
    auto startsWith = [&](std::string_view prefix) {
        if (url.size() <= prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
        }
        return true;
    };
    if (!startsWith("http://") && !startsWith("https://")) return std::nullopt;
    for (char c : url) {
        if (isControl(c) || c == ' ' || c == '"' || c == '\'' || c == '<' || c == '>' ||
            c == '\\' || c == '`')
            return std::nullopt;
    }
    std::string valid = withValidUtf8(url);
    if (valid != url) return std::nullopt;
    return valid;
}

}  // namespace cg::exporters
