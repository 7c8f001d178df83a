// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "export/writer.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// The most entities an HTML view draws by default: at 50,000 headless Chromium still reaches
/// data-ready in seconds on a machine without a GPU; beyond, the page is slow to open.
inline constexpr std::size_t kMaxViewEntities = 50000;

/// One cell of a query's result as the view shows it: its text, and the entity it names or
/// the relations of the route it spells (indexes in the view).
struct ViewFigureCell {
    std::string text;
    graph::GraphView::Node node = graph::GraphView::kNoNode;
    std::vector<graph::GraphView::Edge> route;
};

/// A query's result table as computed (owners' shares, routes, scores), shown beside the
/// graph and in the panels of the entities it names.
struct ViewFigures {
    std::string query;  ///< the saved query's name and parameters, as the title says them
    std::vector<std::string> columns;
    std::vector<std::vector<ViewFigureCell>> rows;
    std::vector<std::string> notes;
};

/// What a view says about itself besides the graph.
struct HtmlViewOptions {
    std::string title = "claimgraph view";
    /// The id text of the entity whose panel opens when the page's address names none (the
    /// centre of `claimgraph view ENTITY`); empty: none.
    std::string focus;
    /// The figures of the query whose result is drawn; empty for a plain export.
    std::optional<ViewFigures> figures;
    /// The most entities a page holds (docs/view.md, "Limits"): more are refused, with a
    /// message suggesting a neighbourhood or a query.
    std::size_t maxEntities = kMaxViewEntities;
    /// The centrality that sizes the entities (`--size-by`), as its metric's name; empty: the
    /// entity's degree in the page.
    std::string sizeBy;
    /// The score of every node of the view under `sizeBy` (indexed by view node).
    std::vector<double> sizeScores;
};

/// The data an HTML view embeds, as one JSON document (snake_case keys, described in
/// docs/view.md): the entity and relation types, the sources cited, every selected node with
/// its laid-out position, degree, names, identifiers and properties, and every selected edge
/// with its claims (quote, source, date, stance, confidence, claim id), the title and the
/// entity to open first. Deterministic: nodes
/// and edges in index order, their facts sorted. Throws StorageError when the store cannot be
/// read. The text is plain JSON; htmlSafeJson() makes it safe inside a script element.
std::string viewDataJson(const ExportInput& input, const HtmlViewOptions& options);

/// `json` with every '<', '>' and '&' written as a \u escape (valid only inside JSON
/// strings, where these characters can only be), so that it cannot close or open an element
/// when placed in a `<script type="application/json">`.
std::string htmlSafeJson(const std::string& json);

}  // namespace cg::exporters
