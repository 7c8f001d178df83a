// SPDX-License-Identifier: MIT
#include "export/query_figures.hpp"

#include <algorithm>

namespace cg::exporters {

std::size_t QueryFigures::declare(std::vector<AttributeDef>& defs, std::string_view name,
                                  AttributeType type) {
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].name == name) return i;
    }
    names_.emplace_back(name);
    defs.push_back({names_.back(), type});
    return defs.size() - 1;
}

std::size_t QueryFigures::nodeAttribute(std::string_view name, AttributeType type) {
    return declare(nodeDefs_, name, type);
}

std::size_t QueryFigures::edgeAttribute(std::string_view name, AttributeType type) {
    return declare(edgeDefs_, name, type);
}

void QueryFigures::set(std::vector<Entry>& entries, const std::vector<AttributeDef>& defs,
                       std::size_t attribute, FigureValue value) {
    auto at = std::lower_bound(entries.begin(), entries.end(), attribute,
                               [](const Entry& e, std::size_t a) { return e.attribute < a; });
    if (at != entries.end() && at->attribute == attribute) return;
    entries.insert(
        at, Entry{static_cast<std::uint32_t>(attribute), defs[attribute].type, std::move(value)});
}

void QueryFigures::setNode(graph::GraphView::Node node, std::size_t attribute, FigureValue value) {
    set(nodes_[node], nodeDefs_, attribute, std::move(value));
}

void QueryFigures::setEdge(graph::GraphView::Edge edge, std::size_t attribute, FigureValue value) {
    set(edges_[edge], edgeDefs_, attribute, std::move(value));
}

std::span<const QueryFigures::Entry> QueryFigures::node(graph::GraphView::Node node) const {
    auto it = nodes_.find(node);
    if (it == nodes_.end()) return {};
    return it->second;
}

std::span<const QueryFigures::Entry> QueryFigures::edge(graph::GraphView::Edge edge) const {
    auto it = edges_.find(edge);
    if (it == edges_.end()) return {};
    return it->second;
}

}  // namespace cg::exporters
