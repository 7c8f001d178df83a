// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <string>

#include "export/html_data.hpp"
#include "graph/view.hpp"
#include "queries/result.hpp"

namespace cg::cli {

/// A query's result as the HTML view shows it: every cell's text as the tables print it, with
/// the entity it names or the relations of its route; `query` names the query and its
/// parameters.
exporters::ViewFigures viewFigures(const queries::QueryResult& result, const graph::GraphView& view,
                                   const std::string& query);

/// Sizes the view's entities by a centrality computed over the whole view (`--size-by`):
/// `metric` is one of queries::centralityMetricList(); "degree", the default, leaves the
/// entities sized by their degree in the page. Where the exact measure would take long (past
/// queries::slowQuerySeconds()), betweenness is estimated from the sample `query centrality`
/// suggests (`options.sizeBy` says so) and closeness and harmonic warn on `warn`. Throws
/// QueryError on any other name.
void sizeByCentrality(const graph::GraphView& view, const std::string& metric,
                      exporters::HtmlViewOptions& options, std::ostream* warn = nullptr);

}  // namespace cg::cli
