// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "queries/centrality.hpp"

namespace cg::queries {

/// How long a centrality that runs a breadth-first search per entity (betweenness, closeness,
/// harmonic) will take on a view, estimated before it starts from its entities and relations.
struct CentralityEstimate {
    std::uint64_t searches = 0;  ///< breadth-first searches it runs (entities, or the sample)
    double seconds = 0;          ///< wall time, on the workers it will use
    /// Betweenness run exactly: a sample of sources that estimates it in about
    /// `sampleSeconds` (the sample suggested to a user who will not wait); 0 otherwise.
    std::uint32_t samples = 0;
    double sampleSeconds = 0;
};

/// The estimate for `params` on `view`, or nothing for the measures that need no search per
/// entity (degree, PageRank, eigenvector). Time = searches × relations × a constant per
/// relation scanned, calibrated on the measurements of docs/benchmarks.md (which grows with the
/// graph as its arrays leave the cache), divided among the workers the machine can run. O(1).
std::optional<CentralityEstimate> estimateCentrality(const GraphView& view,
                                                     const CentralityParams& params);

/// "exact betweenness over N entities and M relations will take about T; --samples K
/// estimates it in about t" (closeness and harmonic suggest narrowing the view instead, having
/// no sampled form).
std::string centralityWarning(const GraphView& view, const CentralityParams& params,
                              const CentralityEstimate& estimate);

/// How long a query may be expected to take before it warns and shows progress: 10 s, or
/// CLAIMGRAPH_SLOW_QUERY_SECONDS (for tests, which set 0 to see the warning on a small graph).
double slowQuerySeconds();

/// A duration for people: "less than 1 s", "40 s", "12 min", "3 h 5 min", "2 days 4 h".
std::string durationText(double seconds);

}  // namespace cg::queries
