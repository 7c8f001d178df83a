// SPDX-License-Identifier: MIT
#include "export/report_diagram_svg.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "export/report_text.hpp"

namespace cg::exporters {

namespace {

constexpr double kWidth = 640;
constexpr double kMargin = 70;  // room for labels beside the outer nodes
constexpr double kTop = 40;
constexpr double kLegend = 34;  // the legend's band under the drawing
constexpr const char* kNoColour = "#999999";

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Labels are cut to keep the drawing legible; the full names are in the text.
std::string shortLabel(const std::string& label) {
    constexpr std::size_t kMax = 28;
    std::string valid = label;
    if (valid.size() <= kMax) return valid;
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(valid[cut]) & 0xC0) == 0x80) --cut;
    return valid.substr(0, cut) + "…";
}

// A node's fill: its type's colour, which assembly took only when it is "#rrggbb".
std::string fill(const ReportDiagram::Node& n) { return n.color.empty() ? kNoColour : n.color; }

struct LineStyle {
    const char* stroke;
    const char* dash;  // empty: solid
    const char* marker;
    const char* note;  // after the label
};

LineStyle styleOf(const ReportDiagram::Edge& e) {
    if (e.denied) return {"#b00", "1.5 3", "arrow-denied", " (denied)"};
    if (e.disputed) return {"#c60", "5 3", "arrow-disputed", " (disputed)"};
    return {"#888", "", "arrow", ""};
}

void writeMarker(std::ostream& out, const char* id, const char* colour) {
    out << "<marker id=\"" << id
        << "\" viewBox=\"0 0 10 10\" refX=\"16\" refY=\"5\" markerWidth=\"6\" "
           "markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\""
        << colour << "\"/></marker>";
}

void writeLegend(std::ostream& out, const ReportDiagram& diagram, double y) {
    std::map<std::string, std::string> types;  // by name, so the legend's order is fixed
    for (const auto& n : diagram.nodes) types.emplace(n.type, fill(n));
    bool disputed = false, denied = false;
    for (const auto& e : diagram.edges) {
        disputed = disputed || (e.disputed && !e.denied);
        denied = denied || e.denied;
    }
    double x = 10;
    for (const auto& [type, colour] : types) {
        out << "<circle cx=\"" << num(x + 5) << "\" cy=\"" << num(y) << "\" r=\"5\" fill=\""
            << colour << "\"/><text x=\"" << num(x + 13) << "\" y=\"" << num(y + 3.5) << "\">"
            << htmlText(type) << "</text>\n";
        x += 22 + 6.2 * static_cast<double>(type.size());
    }
    auto line = [&](const char* label, const LineStyle& s) {
        out << "<line x1=\"" << num(x) << "\" y1=\"" << num(y) << "\" x2=\"" << num(x + 24)
            << "\" y2=\"" << num(y) << "\" stroke=\"" << s.stroke << "\" stroke-width=\"1.2\"";
        if (*s.dash) out << " stroke-dasharray=\"" << s.dash << "\"";
        out << "/><text x=\"" << num(x + 29) << "\" y=\"" << num(y + 3.5) << "\">" << label
            << "</text>\n";
        x += 40 + 6.2 * static_cast<double>(std::char_traits<char>::length(label));
    };
    if (disputed) line("disputed", styleOf({0, 0, "", true, true, false}));
    if (denied) line("denied", styleOf({0, 0, "", true, false, true}));
}

}  // namespace

std::string describeDiagram(const ReportDiagram& diagram) {
    std::size_t others = diagram.nodes.empty() ? 0 : diagram.nodes.size() - 1;
    std::string text = "The entity and " + std::to_string(others) +
                       (others == 1 ? " entity" : " entities") + " within " +
                       std::to_string(diagram.hops) + (diagram.hops == 1 ? " hop" : " hops") +
                       ", along the relations claimgraph query neighbours follows (all but "
                       "location and mention), nearest and best evidenced first";
    if (diagram.leftOut > 0) {
        text += "; " + std::to_string(diagram.leftOut) + " more " +
                (diagram.leftOut == 1 ? "is" : "are") + " not drawn (" + diagram.leftOutTypes + ")";
    }
    return text + ". Disputed relations are dashed, relations only denied dotted.";
}

void writeDiagramSvg(const ReportDiagram& diagram, std::ostream& out) {
    if (diagram.nodes.empty()) return;
    double minX = diagram.nodes[0].x, maxX = minX, minY = diagram.nodes[0].y, maxY = minY;
    for (const auto& n : diagram.nodes) {
        minX = std::min(minX, n.x);
        maxX = std::max(maxX, n.x);
        minY = std::min(minY, n.y);
        maxY = std::max(maxY, n.y);
    }
    double spanX = std::max(maxX - minX, 1e-9), spanY = std::max(maxY - minY, 1e-9);
    double inner = kWidth - 2 * kMargin;
    // A crowded drawing may be as tall as it is wide; a small one stays low on the page.
    double tallest = diagram.nodes.size() > 10 ? inner : inner * 0.75;
    double scale = std::min(inner / spanX, tallest / spanY);
    if (diagram.nodes.size() == 1) scale = 1;
    double drawing = spanY * scale + 2 * kTop;
    double height = drawing + kLegend;
    auto px = [&](double x) { return kMargin + (x - minX) * scale + (inner - spanX * scale) / 2; };
    auto py = [&](double y) { return kTop + (y - minY) * scale; };

    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"neighbourhood "
           "diagram\" viewBox=\"0 0 "
        << num(kWidth) << " " << num(height) << "\" width=\"" << num(kWidth) << "\" height=\""
        << num(height) << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\">\n<defs>";
    writeMarker(out, "arrow", "#888");
    writeMarker(out, "arrow-disputed", "#c60");
    writeMarker(out, "arrow-denied", "#b00");
    out << "</defs>\n";
    // Several relations between one pair share a line's place; their labels are stacked.
    std::map<std::pair<std::size_t, std::size_t>, int> onPair;
    for (const auto& e : diagram.edges) {
        const auto& a = diagram.nodes[e.from];
        const auto& b = diagram.nodes[e.to];
        LineStyle s = styleOf(e);
        int nth = onPair[{std::min(e.from, e.to), std::max(e.from, e.to)}]++;
        out << "<line x1=\"" << num(px(a.x)) << "\" y1=\"" << num(py(a.y)) << "\" x2=\""
            << num(px(b.x)) << "\" y2=\"" << num(py(b.y)) << "\" stroke=\"" << s.stroke
            << "\" stroke-width=\"1.2\"";
        if (*s.dash) out << " stroke-dasharray=\"" << s.dash << "\"";
        if (e.directed) out << " marker-end=\"url(#" << s.marker << ")\"";
        out << "/>\n<text x=\"" << num((px(a.x) + px(b.x)) / 2) << "\" y=\""
            << num((py(a.y) + py(b.y)) / 2 - 3 - 9 * nth) << "\" text-anchor=\"middle\" fill=\""
            << (e.denied || e.disputed ? s.stroke : "#555")
            << "\" font-size=\"8\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
            << htmlText(e.label) << s.note << "</text>\n";
    }
    for (const auto& n : diagram.nodes) {
        out << "<circle cx=\"" << num(px(n.x)) << "\" cy=\"" << num(py(n.y)) << "\" r=\""
            << (n.centre ? "9" : "6") << "\" fill=\"" << fill(n) << "\" stroke=\""
            << (n.centre ? "#111\" stroke-width=\"2.5" : "#fff") << "\"/>\n";
        out << "<text x=\"" << num(px(n.x)) << "\" y=\"" << num(py(n.y) + (n.centre ? 21 : 17))
            << "\" text-anchor=\"middle\"" << (n.centre ? " font-weight=\"bold\"" : "") << ">"
            << htmlText(shortLabel(n.label)) << "<title>" << htmlText(n.label) << " ("
            << htmlText(n.type) << ")</title></text>\n";
    }
    writeLegend(out, diagram, drawing + kLegend / 2);
    out << "</svg>\n";
}

}  // namespace cg::exporters
