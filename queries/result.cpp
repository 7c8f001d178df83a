// SPDX-License-Identifier: MIT
#include "queries/result.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace cg::queries {

namespace {

// Percentages with at most two decimals and no trailing zeros: 51, 5.74, 0.5.
std::string percentText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string nodeText(const GraphView& view, GraphView::Node v) {
    if (v == GraphView::kNoNode) return "";
    if (!view.hasLabels()) return "#" + std::to_string(view.entityId(v));
    return view.name(v).empty() ? view.key(v) : view.name(v);
}

}  // namespace

std::optional<std::size_t> ResultTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == name) return i;
    }
    return std::nullopt;
}

double decimal(float value) {
    // Printing and parsing cost about half a microsecond, and queries ask for every share and
    // confidence they read, while a graph holds few distinct values: each thread keeps the
    // last 1,024 it converted, by the float's bits (exact, NaN included).
    struct Remembered {
        std::uint32_t bits;
        bool valid;
        double value;
    };
    thread_local std::array<Remembered, 1024> remembered{};
    const auto bits = std::bit_cast<std::uint32_t>(value);
    Remembered& slot = remembered[(bits * 2654435761u) >> 22];
    if (slot.valid && slot.bits == bits) return slot.value;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", static_cast<double>(value));
    slot = {bits, true, std::strtod(buf, nullptr)};
    return slot.value;
}

std::vector<GraphView::Node> routeNodes(const GraphView& view, const PathCell& route) {
    std::vector<GraphView::Node> nodes;
    nodes.reserve(route.steps.size() + 1);
    nodes.push_back(route.start);
    for (const auto& s : route.steps)
        nodes.push_back(s.forward ? view.target(s.edge) : view.source(s.edge));
    return nodes;
}

double routeConfidence(const GraphView& view, const PathCell& route) {
    double c = 1;
    for (const auto& s : route.steps) c *= decimal(view.confidence(s.edge));
    return c;
}

void addRoute(graph::Subgraph& subgraph, const GraphView& view, const PathCell& route) {
    if (route.start != GraphView::kNoNode) subgraph.nodes.push_back(route.start);
    for (const auto& s : route.steps) {
        subgraph.edges.push_back(s.edge);
        subgraph.nodes.push_back(view.source(s.edge));
        subgraph.nodes.push_back(view.target(s.edge));
    }
}

std::string shareText(double min, double max, bool unknown) {
    std::string text =
        min == max ? percentText(min) + "%" : percentText(min) + "–" + percentText(max) + "%";
    if (unknown) text += " (a share is unknown)";
    return text;
}

bool weakHop(const GraphView& view, GraphView::Edge e) {
    auto kind = view.relationTypeOf(e).kind;
    return kind == graph::RelationKind::Weak || kind == graph::RelationKind::Mention;
}

std::string hopText(const GraphView& view, GraphView::Edge e) {
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.2f", decimal(view.confidence(e)));
    std::string text = std::string("[") + conf;
    if (weakHop(view, e)) text += ", " + std::string(relationKindName(view.relationTypeOf(e).kind));
    if (view.disputed(e)) text += ", disputed";
    return text + "]";
}

std::string routeText(const GraphView& view, const PathCell& route, bool hops) {
    std::string text = nodeText(view, route.start);
    for (const auto& s : route.steps) {
        std::string label = view.relationTypeOf(s.edge).name;
        if (auto share = view.share(s.edge))
            label += " " + shareText((*share).first, (*share).second);
        if (hops) label += " " + hopText(view, s.edge);
        if (!view.directed(s.edge)) {
            text += " -" + label + "- ";
        } else if (s.forward) {
            text += " -" + label + "-> ";
        } else {
            text += " <-" + label + "- ";
        }
        text += nodeText(view, s.forward ? view.target(s.edge) : view.source(s.edge));
    }
    return text;
}

std::string cellText(const GraphView& view, const Cell& cell) {
    struct Visitor {
        const GraphView& view;
        std::string operator()(std::monostate) const { return ""; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const {
            if (std::isnan(v)) return "";
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.6g", v);
            return buf;
        }
        std::string operator()(const EntityCell& e) const { return nodeText(view, e.node); }
        std::string operator()(const PathCell& p) const { return routeText(view, p, true); }
    };
    return std::visit(Visitor{view}, cell);
}

std::optional<GraphView::Node> nodeOrNote(const GraphView& view, graph::EntityId entity,
                                          const char* role, QueryResult& result) {
    GraphView::Node v = view.node(entity);
    if (v != GraphView::kNoNode) return v;
    result.notes.push_back(std::string("the ") + role +
                           " entity is not in the view (its type or the filters leave it out)");
    return std::nullopt;
}

}  // namespace cg::queries
