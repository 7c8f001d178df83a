// SPDX-License-Identifier: MIT
#include "cli/view_figures.hpp"

#include <variant>

#include "graph/error.hpp"
#include "queries/centrality.hpp"

namespace cg::cli {

exporters::ViewFigures viewFigures(const queries::QueryResult& result, const graph::GraphView& view,
                                   const std::string& query) {
    exporters::ViewFigures figures;
    figures.query = query;
    figures.columns = result.table.columns;
    figures.notes = result.notes;
    for (const auto& row : result.table.rows) {
        auto& cells = figures.rows.emplace_back();
        for (const auto& cell : row) {
            exporters::ViewFigureCell shown;
            shown.text = queries::cellText(view, cell);
            if (const auto* e = std::get_if<queries::EntityCell>(&cell)) shown.node = e->node;
            if (const auto* p = std::get_if<queries::PathCell>(&cell)) {
                for (const auto& step : p->steps) shown.route.push_back(step.edge);
            }
            cells.push_back(std::move(shown));
        }
    }
    return figures;
}

void sizeByCentrality(const graph::GraphView& view, const std::string& metric,
                      exporters::HtmlViewOptions& options) {
    if (metric.empty() || metric == "degree") return;
    auto chosen = queries::centralityMetric(metric);
    if (!chosen) {
        throw QueryError("--size-by: expected one of " + queries::centralityMetricList() +
                         ", not '" + metric + "'");
    }
    queries::CentralityParams params;
    params.metric = *chosen;
    options.sizeBy = metric;
    options.sizeScores = queries::centralityScores(view, params);
}

}  // namespace cg::cli
