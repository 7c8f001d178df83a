// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/claim_provenance.hpp"

namespace cg::exporters {

class QueryFigures;

/// How much of each relation's evidence an export carries (`--evidence`): every claim with its
/// quote, every claim with only the strongest claim's quote, or only claim and source ids.
enum class EvidenceLevel { Full, Summary, None };

/// The level named `name` ("full", "summary", "none"), or nothing.
std::optional<EvidenceLevel> evidenceLevel(std::string_view name);
/// The name of a level.
std::string_view evidenceLevelName(EvidenceLevel level);

/// What a ClaimProvenance must hold for an export at `level`.
graph::ProvenanceOptions exportProvenanceOptions(EvidenceLevel level);

/// How an export is written beyond its graph: the evidence it carries, the selection it
/// records (so that a file says what it is) and a query's computed figures.
struct ExportOptions {
    EvidenceLevel evidence = EvidenceLevel::Full;
    /// What was selected, as (name, value) pairs in the order given: filters, the query and
    /// its parameters, the database's last ingest; never a wall-clock time of the export.
    std::vector<std::pair<std::string, std::string>> selection;
    /// The figures of the query whose result is exported; nothing when none.
    const QueryFigures* figures = nullptr;
    /// Called now and then as the records are read for writing (nodes, then edges): `done`
    /// of `total`; for a progress bar. Empty: nothing is called.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

/// The selection as a JSON object of strings, in the order recorded ("{}" when empty).
std::string selectionJson(const ExportOptions& options);
/// The selection as one line of text ("evidence: full; types: Person"), for descriptions.
std::string selectionText(const ExportOptions& options);

}  // namespace cg::exporters
