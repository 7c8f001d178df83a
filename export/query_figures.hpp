// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "export/attributes.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// One value a query computed: an integer, a number, a text (or JSON text, by its attribute's
/// type) or a yes/no.
using FigureValue = std::variant<std::int64_t, double, std::string, bool>;

/// What a query computed for the nodes and edges of its result (an owner's share interval
/// and ultimate flag, a centrality score and rank, the routes an edge lies on), written by
/// every writer as attributes after the fixed ones. Attribute names are unique per kind;
/// values are kept per node and per edge in attribute order. Memory is proportional to the
/// values set.
class QueryFigures {
  public:
    /// One value of a node or edge: its attribute's position among the figures' attributes.
    struct Entry {
        std::uint32_t attribute = 0;
        AttributeType type = AttributeType::String;
        FigureValue value;
    };

    /// Declares a node attribute, or finds the one of that name; returns its position.
    std::size_t nodeAttribute(std::string_view name, AttributeType type);
    /// Declares an edge attribute, or finds the one of that name; returns its position.
    std::size_t edgeAttribute(std::string_view name, AttributeType type);
    /// Sets a node's value (the first value set is kept).
    void setNode(graph::GraphView::Node node, std::size_t attribute, FigureValue value);
    /// Sets an edge's value (the first value set is kept).
    void setEdge(graph::GraphView::Edge edge, std::size_t attribute, FigureValue value);

    const std::vector<AttributeDef>& nodeDefs() const { return nodeDefs_; }
    const std::vector<AttributeDef>& edgeDefs() const { return edgeDefs_; }
    /// The values of a node or an edge, in attribute order; empty when it has none.
    std::span<const Entry> node(graph::GraphView::Node node) const;
    std::span<const Entry> edge(graph::GraphView::Edge edge) const;
    bool empty() const { return nodeDefs_.empty() && edgeDefs_.empty(); }

  private:
    std::size_t declare(std::vector<AttributeDef>& defs, std::string_view name, AttributeType type);
    static void set(std::vector<Entry>& entries, const std::vector<AttributeDef>& defs,
                    std::size_t attribute, FigureValue value);

    std::deque<std::string> names_;  // stable: AttributeDef names point into it
    std::vector<AttributeDef> nodeDefs_;
    std::vector<AttributeDef> edgeDefs_;
    std::map<graph::GraphView::Node, std::vector<Entry>> nodes_;
    std::map<graph::GraphView::Edge, std::vector<Entry>> edges_;
};

}  // namespace cg::exporters
