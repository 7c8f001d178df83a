// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "export/query_figures.hpp"
#include "graph/view.hpp"
#include "queries/result.hpp"

namespace cg::cli {

/// The figures of a query result, as an export writes them on the result's nodes and edges:
/// - every table row that names an entity (its first entity column) puts its other columns on
///   that entity's node as `query_<column>` (spaces become underscores): an owner's share
///   interval, chain count and ultimate flag (yes/no columns become booleans), a centrality
///   rank and score;
/// - every row holding a route puts `[route, hop]` pairs on the edges it follows, in
///   `query_routes` (route: the row's number in its first integer column, else its position;
///   hop: 1 for the first relation), and for cycles the cycle numbers in `query_cycle_ids`;
/// - every row of the detail table (the chains behind an owners or holdings figure) puts
///   `[entity_id, chain, hop]` triples on the edges of its chain, in `query_chains`.
/// Other entities a row names (an owner's `via_control`, a denial's `denied_by`) are written
/// as their ids.
exporters::QueryFigures queryFigures(const queries::QueryResult& result,
                                     const graph::GraphView& view);

/// What a query says about its whole answer (owners: `over_allocated`, `allocated_share_min`),
/// as `result.NAME` entries of the export's recorded selection: booleans as true/false,
/// missing values as null, entities as their ids.
std::vector<std::pair<std::string, std::string>> resultFacts(const queries::QueryResult& result,
                                                             const graph::GraphView& view);

}  // namespace cg::cli
