// SPDX-License-Identifier: MIT
#include "cli/view_figures.hpp"

#include <variant>

#include "graph/error.hpp"
#include "queries/centrality.hpp"
#include "queries/centrality_estimate.hpp"

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
                      exporters::HtmlViewOptions& options, std::ostream* warn) {
    if (metric.empty() || metric == "degree") return;
    auto chosen = queries::centralityMetric(metric);
    if (!chosen) {
        throw QueryError("--size-by: expected one of " + queries::centralityMetricList() +
                         ", not '" + metric + "'");
    }
    queries::CentralityParams params;
    params.metric = *chosen;
    options.sizeBy = metric;
    // A search per entity over a large graph takes hours: exact betweenness gives way to the
    // sample `query centrality` would suggest, and the page says so; closeness and harmonic,
    // which have no sampled form, warn before they start.
    if (auto estimate = queries::estimateCentrality(view, params);
        estimate && estimate->seconds > queries::slowQuerySeconds()) {
        if (estimate->samples > 0 && estimate->samples < view.nodeCount()) {
            params.samples = estimate->samples;
            options.sizeBy += " estimated from " + std::to_string(estimate->samples) + " sources";
        } else if (warn) {
            *warn << "warning: " << queries::centralityWarning(view, params, *estimate) << '\n'
                  << std::flush;
        }
    }
    options.sizeScores = queries::centralityScores(view, params);
}

}  // namespace cg::cli
