// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graph/model.hpp"
#include "graph/subgraph.hpp"
#include "graph/view.hpp"

namespace cg::queries {

using graph::GraphView;

/// A cell naming one entity of the view.
struct EntityCell {
    GraphView::Node node = GraphView::kNoNode;
};

/// One move along a relation; `forward` is true when it goes from the relation's subject to
/// its object.
struct Step {
    GraphView::Edge edge = 0;
    bool forward = true;
};

/// A route through the graph: where it starts and the relations it follows, each of which can
/// be explained by its claims.
struct PathCell {
    GraphView::Node start = GraphView::kNoNode;
    std::vector<Step> steps;
};

/// One value of a result table: empty (unknown), text, integer, number, entity or route.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, EntityCell, PathCell>;

/// Column names and rows of cells.
struct ResultTable {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;

    /// The index of a column, or nothing.
    std::optional<std::size_t> column(const std::string& name) const;
};

/// What every query returns: a table answering the question, an optional detail table that
/// backs its rows (the ownership chains behind each figure), the subgraph of the nodes and
/// edges the answer covers (each edge keeps its relation id, so its claims can be listed with
/// Store::claimsOfRelation), and notes on caps, cuts and entities missing from the view.
struct QueryResult {
    std::string kind;
    ResultTable table;
    ResultTable detail;
    /// What the detail table's rows are, as the printed result heads it.
    std::string detailTitle = "chains behind each figure";
    graph::Subgraph subgraph;
    std::vector<std::string> notes;
    /// Yes-or-no facts about the whole answer (owners: `over_allocated`), for scripts.
    std::vector<std::pair<std::string, bool>> flags;
    /// Values about the whole answer (owners: `allocated_share_min`), for scripts.
    std::vector<std::pair<std::string, Cell>> values;
    /// The answer stopped at a cap or its memory budget (a note says where): what it lists is
    /// true, but not all there is.
    bool partial = false;
};

/// An integer cell (spelled out, since an int converts equally to integer and number).
inline Cell integerCell(std::int64_t v) { return Cell{std::in_place_type<std::int64_t>, v}; }
/// A number cell.
inline Cell numberCell(double v) { return Cell{std::in_place_type<double>, v}; }
/// A text cell.
inline Cell textCell(std::string v) { return Cell{std::in_place_type<std::string>, std::move(v)}; }
/// An entity cell.
inline Cell entityCell(GraphView::Node v) { return Cell{EntityCell{v}}; }

/// A value the view keeps as a float (a confidence, a share) as the decimal it was written
/// as: rounded to 7 significant digits, so 0.95f reads 0.95 rather than 0.949999988.
double decimal(float value);

/// The nodes a route visits, its start first.
std::vector<GraphView::Node> routeNodes(const GraphView& view, const PathCell& route);

/// The product of the confidences of a route's relations (1 for an empty route), each taken
/// as decimal().
double routeConfidence(const GraphView& view, const PathCell& route);

/// Adds a route's nodes and edges to a subgraph (call Subgraph::normalize when done).
void addRoute(graph::Subgraph& subgraph, const GraphView& view, const PathCell& route);

/// A share interval as text: "51%", "25–50%", "≤ 51% (share unknown)"; empty without bounds.
std::string shareText(double min, double max, bool unknown = false);

/// True when a relation only weakly connects its ends: of kind weak (linked_to) or mention.
bool weakHop(const GraphView& view, GraphView::Edge e);

/// What a route says of one hop: its confidence, and whether it is weak (or a mention) or
/// disputed (a claim denies it): "[0.95]", "[0.60, weak]", "[0.80, disputed]".
std::string hopText(const GraphView& view, GraphView::Edge e);

/// A route as one line: "Alice -owns 51% [0.95]-> Acme <-director_of [0.80, disputed]- Bob";
/// without `hops`, the relations alone: "Alice -owns 51%-> Acme <-director_of- Bob".
std::string routeText(const GraphView& view, const PathCell& route, bool hops = true);

/// A cell as table text: names for entities, routes on one line, "" for empty cells.
std::string cellText(const GraphView& view, const Cell& cell);

/// The node of an entity in the view; when the view does not hold it (unknown, merged or
/// filtered out), adds a note naming `role` to the result and returns nothing.
std::optional<GraphView::Node> nodeOrNote(const GraphView& view, graph::EntityId entity,
                                          const char* role, QueryResult& result);

}  // namespace cg::queries
