// SPDX-License-Identifier: MIT
// An entity's report as one offline HTML page, made to be read on screen and printed to A4.
#include "export/report_html_writer.hpp"

#include <cstdio>
#include <string>

#include "export/report_diagram_svg.hpp"
#include "export/report_text.hpp"

namespace cg::exporters {

namespace {

// No script at all, nothing fetched: the page's only resources are its own style and the
// inline SVG. Print rules keep rows and relations whole across A4 pages.
constexpr const char* kHead = R"(<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="claimgraph report">
<style>
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
body { font: 10.5pt/1.45 "DejaVu Serif", Georgia, serif; color: #111; max-width: 62em; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
h2 { font-size: 14pt; border-bottom: 2px solid #333; margin-top: 1.6em; }
h3 { font-size: 12pt; margin: 1.2em 0 .4em; }
h4 { font-size: 10.5pt; margin: 1em 0 .3em; }
#relations h3 { text-transform: capitalize; }
.sub, .muted { color: #555; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
thead { display: table-header-group; }
tr, li, .figure, .chain { break-inside: avoid; page-break-inside: avoid; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.relation { border-left: 3px solid #999; padding-left: .6em; margin: .8em 0; }
.relation.disputed { border-left-color: #c60; }
.relation.denied { border-left-color: #b00; }
.stance { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .05em; padding: 0 .3em; border: 1px solid currentColor; }
.disputed > h4 .stance, .stance.disputed { color: #a50; }
.denied > h4 .stance, .stance.denied, tr.denial td.stance-cell { color: #b00; }
tr.denial td { background: #fbeeee; }
.quote { font-style: italic; }
.arith { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
sup a, .cite a { text-decoration: none; }
.url { word-break: break-all; }
svg { max-width: 100%; height: auto; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
</style>
)";

std::string confidence(double c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return buf;
}

std::string cite(int source) {
    if (source <= 0) return "";
    std::string n = std::to_string(source);
    return "<sup class=\"cite\"><a href=\"#source-" + n + "\">[" + n + "]</a></sup>";
}

std::string orDash(const std::string& text) { return text.empty() ? "—" : htmlText(text); }

void writeClaimRows(std::ostream& out, const std::vector<ReportClaim>& claims) {
    for (const auto& c : claims) {
        out << "<tr" << (c.denies ? " class=\"denial\"" : "") << "><td class=\"stance-cell\">"
            << (c.denies ? "denies" : "asserts") << "</td><td>";
        if (c.quote.empty()) {
            out << "<span class=\"muted\">no quote</span>";
        } else {
            out << "<span class=\"quote\">“" << htmlText(c.quote) << "”</span>";
        }
        if (!c.details.empty())
            out << "<br><span class=\"muted\">" << htmlText(c.details) << "</span>";
        out << "</td><td>" << htmlText(c.sourceKey) << cite(c.source) << "</td><td>"
            << orDash(c.published);
        if (!c.valid.empty())
            out << "<br><span class=\"muted\">valid " << htmlText(c.valid) << "</span>";
        out << "</td><td>" << orDash(c.location) << "</td><td>" << confidence(c.confidence)
            << "</td><td>" << htmlText(c.key) << "</td></tr>\n";
    }
}

void writeClaimTable(std::ostream& out, const std::vector<ReportClaim>& claims,
                     const std::vector<ReportClaim>& denials) {
    out << "<table class=\"claims\"><thead><tr><th>stance</th><th>quote</th><th>source</th>"
           "<th>date</th><th>location</th><th>confidence</th><th>claim</th></tr></thead>"
           "<tbody>\n";
    writeClaimRows(out, claims);
    writeClaimRows(out, denials);
    out << "</tbody></table>\n";
}

void writeCard(std::ostream& out, const ReportDocument& doc) {
    out << "<section id=\"entity\"><h2>Entity</h2>\n";
    out << "<table class=\"names\"><thead><tr><th>kind</th><th>value</th><th>given by</th></tr>"
           "</thead><tbody>\n";
    for (const auto& n : doc.names) {
        out << "<tr><td>" << htmlText(n.label) << "</td><td>" << htmlText(n.value) << "</td><td>";
        if (n.claimKey.empty()) {
            out << "<span class=\"muted\">declared</span>";
        } else {
            out << "claim " << htmlText(n.claimKey) << cite(n.source);
        }
        out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
    if (!doc.properties.empty()) out << "<h3>Properties</h3>\n";
    for (const auto& p : doc.properties) {
        bool denied = p.claims.empty();
        out << "<div class=\"relation"
            << (denied              ? " denied"
                : p.denials.empty() ? ""
                                    : " disputed")
            << "\"><h4>" << htmlText(p.name) << " = " << htmlText(p.value);
        if (denied)
            out << " <span class=\"stance\">denied</span>";
        else if (!p.denials.empty())
            out << " <span class=\"stance\">disputed</span>";
        out << "</h4>\n";
        writeClaimTable(out, p.claims, p.denials);
        out << "</div>\n";
    }
    out << "</section>\n";
}

void writeRelations(std::ostream& out, const ReportDocument& doc) {
    out << "<section id=\"relations\"><h2>Relations</h2>\n";
    if (doc.kinds.empty())
        out << "<p class=\"muted\">No claim relates this entity to another.</p>\n";
    for (const auto& kind : doc.kinds) {
        out << "<h3>" << htmlText(kind.kind) << "</h3>\n";
        for (const auto& r : kind.relations) {
            out << "<div class=\"relation " << htmlText(r.stance) << "\"><h4>"
                << htmlText(r.statement) << " <span class=\"stance\">" << htmlText(r.stance)
                << "</span></h4>\n<p class=\"muted\">" << htmlText(r.figures) << "</p>\n";
            for (const auto& note : r.notes)
                out << "<p><strong>" << htmlText(note) << "</strong></p>\n";
            out << "<ul class=\"witnesses\">\n";
            for (const auto& w : r.witnesses) {
                out << "<li>source " << htmlText(w.sourceKey) << cite(w.source) << ", "
                    << htmlText(w.says) << "</li>\n";
            }
            out << "</ul>\n";
            writeClaimTable(out, r.claims, r.denials);
            out << "</div>\n";
        }
    }
    out << "</section>\n";
}

void writeOwnership(std::ostream& out, const ReportDocument& doc) {
    out << "<section id=\"ownership\"><h2>Ownership</h2>\n"
           "<p class=\"muted\">Computed from the ownership chains (claimgraph query owners and "
           "holdings, no threshold): a chain's share is the product of its links' shares, a "
           "figure the sum of its chains, at most 100%.</p>\n";
    for (const auto& section : doc.ownership) {
        out << "<h3>" << htmlText(section.title) << "</h3>\n";
        if (section.figures.empty()) out << "<p class=\"muted\">None computed.</p>\n";
        for (const auto& f : section.figures) {
            out << "<div class=\"figure\"><h4>" << htmlText(f.other) << ": " << htmlText(f.share);
            if (f.ultimate) out << " <span class=\"stance\">ultimate</span>";
            if (!f.deniedBy.empty()) out << " <span class=\"stance denied\">denied</span>";
            out << "</h4>\n<ul>\n";
            for (const auto& c : f.chains) {
                out << "<li class=\"chain\">" << htmlText(c.route) << "<br><span class=\"arith\">"
                    << htmlText(c.arithmetic) << "</span>";
                for (int s : c.sources) out << cite(s);
                if (!c.claims.empty()) writeClaimTable(out, c.claims, {});
                out << "</li>\n";
            }
            if (!f.sum.empty())
                out << "<li>sum of the chains: <span class=\"arith\">" << htmlText(f.sum)
                    << "</span></li>\n";
            if (!f.control.empty()) out << "<li>control " << htmlText(f.control) << "</li>\n";
            if (!f.deniedBy.empty())
                out << "<li><strong>denied by claim " << htmlText(f.deniedBy) << "</strong></li>\n";
            out << "</ul></div>\n";
        }
        for (const auto& note : section.notes)
            out << "<p class=\"muted\">" << htmlText(note) << "</p>\n";
    }
    out << "</section>\n";
}

void writeDiagram(std::ostream& out, const ReportDiagram& diagram) {
    if (diagram.nodes.empty()) return;
    out << "<section id=\"diagram\"><h2>Neighbourhood</h2>\n<p class=\"muted\">"
        << htmlText(describeDiagram(diagram)) << "</p>\n";
    writeDiagramSvg(diagram, out);
    out << "</section>\n";
}

void writeSources(std::ostream& out, const ReportDocument& doc) {
    out << "<section id=\"sources\"><h2>Sources</h2>\n<ol>\n";
    for (const auto& s : doc.sources) {
        out << "<li id=\"source-" << s.number << "\"><strong>" << orDash(s.title) << "</strong>";
        if (!s.publisher.empty()) out << ", " << htmlText(s.publisher);
        if (!s.published.empty()) out << ", " << htmlText(s.published);
        out << " <span class=\"muted\">(" << htmlText(s.key) << ")</span>";
        if (auto url = linkableUrl(s.url)) {
            out << "<br><a class=\"url\" href=\"" << htmlText(*url) << "\" rel=\"noreferrer\">"
                << htmlText(*url) << "</a>";
        } else if (!s.url.empty()) {
            out << "<br><span class=\"url\">" << htmlText(s.url)
                << "</span> <span "
                   "class=\"muted\">(not a web address: not linked)</span>";
        }
        if (!s.retrieved.empty()) out << "<br>retrieved " << htmlText(s.retrieved);
        out << "</li>\n";
    }
    out << "</ol>\n</section>\n";
}

}  // namespace

void writeReportHtml(const ReportDocument& doc, std::ostream& out) {
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        << kHead << "<title>" << htmlText(doc.name)
        << ": report</title>\n</head>\n<body>\n<header><h1>" << htmlText(doc.name)
        << "</h1>\n<p class=\"sub\">" << htmlText(doc.type) << " · id " << htmlText(doc.key)
        << " · claimgraph report</p></header>\n";
    writeCard(out, doc);
    writeDiagram(out, doc.diagram);
    writeRelations(out, doc);
    writeOwnership(out, doc);
    writeSources(out, doc);
    out << "</body>\n</html>\n";
}

}  // namespace cg::exporters
