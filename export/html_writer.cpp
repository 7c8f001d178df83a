// SPDX-License-Identifier: MIT
#include "export/html_writer.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>

#include "export/html_assets.hpp"
#include "export/report_text.hpp"
#include "export/selection.hpp"
#include "graph/error.hpp"

namespace cg::exporters {

namespace {

// The CSP names a script by the base64 of its SHA-256; CMake gives the digest in hex.
std::string base64OfHex(std::string_view hex) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    }
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::array<unsigned, 3> b{};
        std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        for (std::size_t k = 0; k < n; ++k) b[k] = static_cast<unsigned char>(bytes[i + k]);
        unsigned triple = (b[0] << 16) | (b[1] << 8) | b[2];
        out += kAlphabet[(triple >> 18) & 63];
        out += kAlphabet[(triple >> 12) & 63];
        out += n > 1 ? kAlphabet[(triple >> 6) & 63] : '=';
        out += n > 2 ? kAlphabet[triple & 63] : '=';
    }
    return out;
}

std::string hashSource(const WebAsset& asset) {
    return "'sha256-" + base64OfHex(asset.sha256Hex) + "'";
}

void putScript(std::ostream& out, const WebAsset& asset) {
    // The text goes in exactly as hashed: the browser hashes the element's content.
    out << "<script>" << asset.text << "</script>\n";
}

}  // namespace

std::string viewContentSecurityPolicy() {
    return "default-src 'none'; script-src " + hashSource(kGraphologyScript) + " " +
           hashSource(kSigmaScript) + " " + hashSource(kViewScript) + "; style-src " +
           hashSource(kViewStyle) + "; img-src data:; base-uri 'none'; form-action 'none'";
}

void HtmlWriter::write(const ExportInput& input, std::ostream& out) {
    Selection selection(input.view, input.subgraph);
    if (selection.nodeCount() > options_.maxEntities) {
        throw InputError("--format html: " + std::to_string(selection.nodeCount()) +
                         " entities are more than a view draws (" +
                         std::to_string(options_.maxEntities) +
                         "): view one entity's neighbourhood with `claimgraph view ENTITY`, "
                         "a saved query's result with --query NAME, or narrow the export with "
                         "--types, --relations, --min-confidence or --as-of");
    }
    std::string data = htmlSafeJson(viewDataJson(input, options_));
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\""
        << htmlText(viewContentSecurityPolicy()) << "\">\n"
        << "<meta name=\"referrer\" content=\"no-referrer\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"claimgraph\">\n"
        << "<title>" << htmlText(options_.title) << "</title>\n"
        << "<style>" << kViewStyle.text << "</style>\n</head>\n<body>\n"
        << "<header id=\"cg-header\"><h1 id=\"cg-title\"></h1>"
           "<input id=\"cg-search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" "
           "placeholder=\"Search names, aliases, identifiers\" aria-label=\"Search\">"
           "<span id=\"cg-counts\"></span></header>\n"
        << "<ol id=\"cg-results\" hidden></ol>\n"
        << "<main id=\"cg-main\"><div id=\"cg-graph\" aria-label=\"Graph drawing\"></div>"
           "<aside id=\"cg-panel\" aria-live=\"polite\"><p class=\"cg-hint\">Click an entity or "
           "a relation to see its evidence.</p></aside></main>\n"
        << "<footer id=\"cg-footer\"><div id=\"cg-legend\"></div>"
           "<details id=\"cg-about\"><summary>About this view</summary><p>Made by claimgraph "
           "from its claims database. Drawn with sigma.js and graphology (MIT licence):</p><pre>"
        << htmlText(kWebLicences) << "</pre></details></footer>\n"
        << "<script type=\"application/json\" id=\"cg-data\">" << data << "</script>\n";
    putScript(out, kGraphologyScript);
    putScript(out, kSigmaScript);
    putScript(out, kViewScript);
    out << "</body>\n</html>\n";
    if (!out) throw Error("html: cannot write the page");
}

}  // namespace cg::exporters
