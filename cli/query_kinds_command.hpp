// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/registry.hpp"

namespace cg::cli {

/// `query kinds`: every query kind with its arguments and result columns, as a table or, with
/// `--format json|jsonl|csv`, for people who write saved queries.
void addQueryKindsCommand(CLI::App* query, Context& ctx, Registry& registry);

}  // namespace cg::cli
