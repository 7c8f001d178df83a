// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"
#include "queries/work_progress.hpp"

namespace cg::queries {

/// The centrality measures `query centrality` offers.
enum class CentralityMetric { Degree, Betweenness, PageRank, Closeness, Harmonic, Eigenvector };

/// The metric named `name` (degree, betweenness, pagerank, closeness, harmonic, eigenvector),
/// or nothing.
std::optional<CentralityMetric> centralityMetric(const std::string& name);
/// "degree, betweenness, pagerank, closeness, harmonic, eigenvector", for help and errors.
std::string centralityMetricList();

/// Parameters of a centrality ranking.
struct CentralityParams {
    CentralityMetric metric = CentralityMetric::Degree;
    std::vector<std::string> relations;  ///< relation types that link entities; empty: the
                                         ///< connection default (RelationSet::connections)
    bool viaPlaces = false;              ///< location relations link, and places and posts too
    bool directed = false;               ///< follow relations from subject to object only
    std::size_t top = 20;                ///< rows shown; 0: every entity
    std::uint32_t samples = 0;           ///< betweenness: 0 exact, else this many sampled sources
    std::uint64_t seed = 42;             ///< seed of the betweenness sample
    unsigned threads = 0;                ///< workers; 0: every core
    double damping = 0.85;               ///< PageRank
    double tolerance = 1e-10;            ///< PageRank: stop when a sweep's L1 change is below
    int maxIterations = 1000;            ///< PageRank
    double eigenvectorTolerance = 1e-6;  ///< eigenvector: stop when the L1 change is below n × this
    int eigenvectorIterations = 100;     ///< eigenvector: rounds before giving up (QueryError)
    /// Bytes the computation and its answer may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
    /// Betweenness, closeness and harmonic: called with the searches done and their total as
    /// they finish, from one worker at a time (the CLI's progress bar); may be empty.
    ProgressCallback progress;
};

/// The chosen centrality of every node of the view, on the graph of distinct neighbours
/// (parallel relations and self-loops count once and never): degree centrality is the
/// number of distinct neighbours (in plus out when directed) over n - 1; the others are
/// described with their functions (betweennessCentrality, pageRank, closenessCentrality,
/// eigenvectorCentrality). Adds to `notes` when PageRank did not converge. Throws QueryError
/// on an unknown relation type and when eigenvector centrality does not converge.
std::vector<double> centralityScores(const GraphView& view, const CentralityParams& params,
                                     std::vector<std::string>* notes = nullptr);

/// What computing the chosen centrality holds, in bytes: the graph of distinct neighbours and
/// its renumbered copy, the scores, and each worker's arrays (betweenness: its batches of up to
/// 256 MB in all). O(1).
std::size_t centralityWorkingBytes(const GraphView& view, const CentralityParams& params);

/// The `top` entities by the chosen centrality (rank, entity, type, score, neighbours,
/// relations), ties broken by position in the view, and the subgraph of those entities.
/// Within `maxMemory`: when centralityWorkingBytes does not fit, nothing is computed; past it,
/// the rows stop at the last that fits. Either way the answer is partial and says so. For the
/// measures that search from every entity, `estimated_seconds` (estimateCentrality) is one of
/// the answer's values.
QueryResult centrality(const GraphView& view, const CentralityParams& params);

/// The `centrality` kind, which warns through QueryHooks before a long computation (centrality).
KindDef centralityKind();

}  // namespace cg::queries
