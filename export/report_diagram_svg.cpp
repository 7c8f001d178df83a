// SPDX-License-Identifier: MIT
#include "export/report_diagram_svg.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "export/report_text.hpp"

namespace cg::exporters {

namespace {

constexpr double kWidth = 640;
constexpr double kMargin = 70;  // room for labels beside the outer nodes

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

}  // namespace

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
    double scale = std::min(inner / spanX, inner * 0.75 / spanY);
    if (diagram.nodes.size() == 1) scale = 1;
    double height = spanY * scale + 2 * 40;
    auto px = [&](double x) { return kMargin + (x - minX) * scale + (inner - spanX * scale) / 2; };
    auto py = [&](double y) { return 40 + (y - minY) * scale; };

    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " << num(kWidth)
        << " " << num(height) << "\" width=\"" << num(kWidth) << "\" height=\"" << num(height)
        << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\">\n"
        << "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"16\" refY=\"5\" "
           "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" "
           "fill=\"#666\"/></marker></defs>\n";
    for (const auto& e : diagram.edges) {
        const auto& a = diagram.nodes[e.from];
        const auto& b = diagram.nodes[e.to];
        out << "<line x1=\"" << num(px(a.x)) << "\" y1=\"" << num(py(a.y)) << "\" x2=\""
            << num(px(b.x)) << "\" y2=\"" << num(py(b.y)) << "\" stroke=\""
            << (e.disputed ? "#c60" : "#888") << "\" stroke-width=\"1.2\""
            << (e.disputed ? " stroke-dasharray=\"4 3\"" : "") << " marker-end=\"url(#arrow)\"/>\n";
        out << "<text x=\"" << num((px(a.x) + px(b.x)) / 2) << "\" y=\""
            << num((py(a.y) + py(b.y)) / 2 - 3) << "\" text-anchor=\"middle\" fill=\"#555\" "
            << "font-size=\"8\">" << htmlText(e.label) << (e.disputed ? " (disputed)" : "")
            << "</text>\n";
    }
    for (const auto& n : diagram.nodes) {
        out << "<circle cx=\"" << num(px(n.x)) << "\" cy=\"" << num(py(n.y)) << "\" r=\""
            << (n.centre ? "9" : "6") << "\" fill=\"" << (n.centre ? "#1f4e79" : "#7fa7c9")
            << "\" stroke=\"#fff\"/>\n";
        out << "<text x=\"" << num(px(n.x)) << "\" y=\"" << num(py(n.y) + (n.centre ? 21 : 17))
            << "\" text-anchor=\"middle\"" << (n.centre ? " font-weight=\"bold\"" : "") << ">"
            << htmlText(shortLabel(n.label)) << "<title>" << htmlText(n.label) << " ("
            << htmlText(n.type) << ")</title></text>\n";
    }
    out << "</svg>\n";
    if (diagram.leftOut > 0) {
        out << "<p class=\"muted\">" << diagram.leftOut
            << " more neighbours are not drawn; every relation is listed below.</p>\n";
    }
}

}  // namespace cg::exporters
