// SPDX-License-Identifier: MIT
// Assembling an entity's report from the store and the queries: the data `show`, `explain`
// and `query owners` print, gathered into one document (export/report_document.hpp).
#pragma once

#include "export/report_document.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::cli {

/// What to put in a report besides the entity's own evidence.
struct ReportOptions {
    int hops = 1;  ///< the neighbourhood diagram's reach, in relations; 0: no diagram
};

/// The entity card (names, identifiers, properties with their evidence) and every relation
/// grouped by kind with its claims and per-source derivation (explainRelations), citing
/// sources through `sources`. Throws QueryError for an unknown entity.
exporters::ReportDocument assembleEvidence(graph::Store& store, const graph::Schema& schema,
                                           graph::EntityId entity,
                                           exporters::ReportSources& sources);

/// A claim as the report quotes it, citing its source through `sources`.
exporters::ReportClaim reportClaim(const graph::ClaimRow& claim, exporters::ReportSources& sources);

/// Registers every stored source with `sources`, so that the report can cite them.
void registerSources(graph::Store& store, exporters::ReportSources& sources);

/// The whole report: the evidence, the neighbourhood diagram (assembleDiagram), the computed
/// owners and holdings with the arithmetic of each chain (queries::owners and
/// queries::holdings on the default view, threshold 0) and the numbered sources. Throws QueryError
/// for an unknown entity.
exporters::ReportDocument assembleReport(graph::Store& store, const graph::Schema& schema,
                                         graph::EntityId entity, const ReportOptions& options);

}  // namespace cg::cli
