// SPDX-License-Identifier: MIT
// An entity's report as Markdown: the same sections as the HTML page, with the sources as
// footnotes so that it pastes into an editor.
#include "export/report_markdown_writer.hpp"

#include <cstdio>
#include <string>

#include "export/report_diagram_svg.hpp"
#include "export/report_text.hpp"

namespace cg::exporters {

namespace {

std::string confidence(double c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return buf;
}

std::string footnote(int source) { return source > 0 ? "[^" + std::to_string(source) + "]" : ""; }

void writeClaim(std::ostream& out, const ReportClaim& c, const char* indent) {
    out << indent << "- " << (c.denies ? "**denies**" : "asserts") << " · claim "
        << markdownText(c.key) << " · confidence " << confidence(c.confidence) << " · "
        << markdownText(c.sourceKey);
    if (!c.published.empty()) out << ", " << markdownText(c.published);
    if (!c.valid.empty()) out << " · valid " << markdownText(c.valid);
    if (!c.location.empty()) out << " · at " << markdownText(c.location);
    if (!c.details.empty()) out << " · " << markdownText(c.details);
    if (c.quote.empty()) {
        out << " · no quote";
    } else {
        out << ": *“" << markdownText(c.quote) << "”*";
    }
    out << footnote(c.source) << "\n";
}

void writeCard(std::ostream& out, const ReportDocument& doc) {
    out << "## Entity\n\n";
    for (const auto& n : doc.names) {
        out << "- " << markdownText(n.label) << ": " << markdownText(n.value);
        if (n.claimKey.empty()) {
            out << " (declared)";
        } else {
            out << " (claim " << markdownText(n.claimKey) << ")" << footnote(n.source);
        }
        out << "\n";
    }
    if (!doc.properties.empty()) out << "\n### Properties\n";
    for (const auto& p : doc.properties) {
        out << "\n- **" << markdownText(p.name) << "** = " << markdownText(p.value);
        if (p.claims.empty()) {
            out << " (**denied**)";
        } else if (!p.denials.empty()) {
            out << " (**disputed**)";
        }
        out << "\n";
        for (const auto& c : p.claims) writeClaim(out, c, "  ");
        for (const auto& c : p.denials) writeClaim(out, c, "  ");
    }
    out << "\n";
}

void writeRelations(std::ostream& out, const ReportDocument& doc) {
    out << "## Relations\n\n";
    if (doc.kinds.empty()) out << "No claim relates this entity to another.\n\n";
    for (const auto& kind : doc.kinds) {
        out << "### " << markdownText(kind.kind) << "\n\n";
        for (const auto& r : kind.relations) {
            out << "#### " << markdownText(r.statement) << " (" << r.stance << ")\n\n"
                << markdownText(r.figures) << "\n\n";
            for (const auto& note : r.notes) out << "**" << markdownText(note) << "**\n\n";
            for (const auto& w : r.witnesses) {
                out << "- source " << markdownText(w.sourceKey) << footnote(w.source) << ", "
                    << markdownText(w.says) << "\n";
            }
            if (!r.witnesses.empty()) out << "\n";
            for (const auto& c : r.claims) writeClaim(out, c, "");
            for (const auto& c : r.denials) writeClaim(out, c, "");
            out << "\n";
        }
    }
}

void writeOwnership(std::ostream& out, const ReportDocument& doc) {
    out << "## Ownership\n\nComputed from the ownership chains (claimgraph query owners and "
           "holdings, no threshold): a chain's share is the product of its links' shares, a "
           "figure the sum of its chains, at most 100%.\n\n";
    for (const auto& section : doc.ownership) {
        out << "### " << markdownText(section.title) << "\n\n";
        if (section.figures.empty()) out << "None computed.\n\n";
        for (const auto& f : section.figures) {
            out << "- **" << markdownText(f.other) << "**: " << markdownText(f.share);
            if (f.ultimate) out << " (ultimate)";
            if (!f.deniedBy.empty())
                out << " (**denied** by claim " << markdownText(f.deniedBy) << ")";
            out << "\n";
            for (const auto& c : f.chains) {
                out << "  - " << markdownText(c.route) << ": " << markdownText(c.arithmetic);
                for (int s : c.sources) out << footnote(s);
                out << "\n";
                for (const auto& claim : c.claims) writeClaim(out, claim, "    ");
            }
            if (!f.sum.empty()) out << "  - sum of the chains: " << markdownText(f.sum) << "\n";
            if (!f.control.empty()) out << "  - control " << markdownText(f.control) << "\n";
        }
        if (!section.figures.empty()) out << "\n";
        for (const auto& note : section.notes) out << "*" << markdownText(note) << "*\n\n";
    }
}

void writeSources(std::ostream& out, const ReportDocument& doc) {
    out << "## Sources\n\n";
    if (doc.sources.empty()) out << "No source is cited.\n";
    for (const auto& s : doc.sources) {
        out << "[^" << s.number << "]: " << (s.title.empty() ? "untitled" : markdownText(s.title));
        if (!s.publisher.empty()) out << ", " << markdownText(s.publisher);
        if (!s.published.empty()) out << ", " << markdownText(s.published);
        out << " (" << markdownText(s.key) << ")";
        if (auto url = linkableUrl(s.url)) {
            out << ", <" << *url << ">";
        } else if (!s.url.empty()) {
            out << ", address given as " << markdownText(s.url)
                << " (not a web address: not linked)";
        }
        if (!s.retrieved.empty()) out << ", retrieved " << markdownText(s.retrieved);
        out << "\n\n";
    }
}

}  // namespace

void writeReportMarkdown(const ReportDocument& doc, std::ostream& out) {
    out << "# " << markdownText(doc.name) << "\n\n"
        << markdownText(doc.type) << " · id " << markdownText(doc.key)
        << " · claimgraph report\n\n";
    writeCard(out, doc);
    if (!doc.diagram.nodes.empty()) {
        out << "## Neighbourhood\n\n"
            << markdownText(describeDiagram(doc.diagram))
            << " The drawing is in the HTML report (`claimgraph report ENTITY --format html`).\n\n";
    }
    writeRelations(out, doc);
    writeOwnership(out, doc);
    writeSources(out, doc);
}

}  // namespace cg::exporters
