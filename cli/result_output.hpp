// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/context.hpp"
#include "graph/view.hpp"
#include "queries/result.hpp"

namespace cg::cli {

/// How a result is printed: `--format table|json|jsonl|csv` after the command; `--json`
/// (before or after it) and `--csv` are shorthands.
struct ResultFormat {
    std::string format;  ///< as given to --format; empty when not given
    bool csv = false;    ///< --csv
};

/// One CSV field: quoted when it holds a separator, a quote or a line break; with `isText`, a
/// text a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark;
/// NUL and invalid UTF-8 become U+FFFD.
std::string csvField(const std::string& text, bool isText);

/// Adds `--format` and `--csv` to a command that prints a result.
void addResultFormatOptions(CLI::App* command, ResultFormat& format);

/// Adds `--max-memory MB` (the query's memory budget, queries::MemoryBudget; 1 to 16777216)
/// to a command that runs a query; `megabytes` is left as it is when the option is not given.
void addMaxMemoryOption(CLI::App* command, std::size_t& megabytes);

/// Prints a query result: tables (with the chains or details behind them and the notes),
/// JSON with the result subgraph, JSON Lines (one row of the main table a line), or the main
/// table as CSV (snake_case header, a `_id` column after each column of entities, booleans as
/// true/false). With `explain`, lists the claims behind every relation of the result. Returns
/// the exit code.
int printResult(Context& ctx, const graph::GraphView& view, const queries::QueryResult& result,
                bool explain, const ResultFormat& format = {});

}  // namespace cg::cli
