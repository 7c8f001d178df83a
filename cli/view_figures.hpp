// SPDX-License-Identifier: MIT
#pragma once

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

}  // namespace cg::cli
