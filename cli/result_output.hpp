// SPDX-License-Identifier: MIT
#pragma once

#include "cli/context.hpp"
#include "graph/view.hpp"
#include "queries/result.hpp"

namespace cg::cli {

/// Prints a query result: tables (with the chains or details behind them and the notes),
/// JSON with the result subgraph (`--json`), or the main table as CSV (`csv`). With
/// `explain`, lists the claims behind every relation of the result. Returns the exit code.
int printResult(Context& ctx, const graph::GraphView& view, const queries::QueryResult& result,
                bool explain, bool csv = false);

}  // namespace cg::cli
