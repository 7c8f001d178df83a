// SPDX-License-Identifier: MIT
#include "queries/centrality_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "queries/parallel.hpp"

namespace cg::queries {

namespace {

// CPU seconds per relation scanned per search, from docs/benchmarks.md (2026-11-29, commit
// d30eba9, this 2-core machine): exact betweenness at 10k (3.12 s CPU, 10,000 searches of
// 29,252 relations) and 100k (707 s CPU, 100,000 × 291,542), sampled betweenness at 1m (42.4 s
// CPU, 200 × 2,919,252); harmonic closeness of every node at 10k (542 ms CPU), of 100 nodes at
// 100k (105 ms) and of 200 at 1m (5.01 s). The constant grows with the graph, as its arrays
// leave the cache, so it is interpolated between these sizes on a log scale (and extended with
// the last slope past 1m).
struct Calibration {
    double entities;
    double secondsPerRelation;
};
constexpr Calibration kBetweenness[] = {{1e4, 1.07e-8}, {1e5, 2.43e-8}, {1e6, 7.26e-8}};
constexpr Calibration kCloseness[] = {{1e4, 1.85e-9}, {1e5, 3.6e-9}, {1e6, 8.6e-9}};

template <std::size_t N>
double perRelation(const Calibration (&points)[N], double entities) {
    if (entities <= points[0].entities) return points[0].secondsPerRelation;
    std::size_t i = 1;
    while (i + 1 < N && entities > points[i].entities) ++i;
    const double x = std::log(entities / points[i - 1].entities) /
                     std::log(points[i].entities / points[i - 1].entities);
    return points[i - 1].secondsPerRelation *
           std::pow(points[i].secondsPerRelation / points[i - 1].secondsPerRelation, x);
}

// A sampled betweenness that answers in about this long is what the warning suggests.
constexpr double kSampleSeconds = 5;
constexpr std::uint32_t kFewestSamples = 100;

}  // namespace

std::optional<CentralityEstimate> estimateCentrality(const GraphView& view,
                                                     const CentralityParams& params) {
    const bool betweenness = params.metric == CentralityMetric::Betweenness;
    if (!betweenness && params.metric != CentralityMetric::Closeness &&
        params.metric != CentralityMetric::Harmonic)
        return std::nullopt;
    const auto n = static_cast<double>(view.nodeCount());
    const auto m = static_cast<double>(view.edgeCount());
    const bool sampled = betweenness && params.samples > 0 && params.samples < view.nodeCount();
    CentralityEstimate e;
    e.searches = sampled ? params.samples : view.nodeCount();
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const auto workers =
        static_cast<double>(std::min(workerCount(params.threads, e.searches), cores));
    const double perSearch = m * perRelation(betweenness ? kBetweenness : kCloseness, n) / workers;
    e.seconds = perSearch * static_cast<double>(e.searches);
    if (betweenness && !sampled) {
        // As many sources as answer in about kSampleSeconds, at least 100 and at most a tenth
        // of the entities (a sample close to the whole saves little).
        const double fit = perSearch > 0 ? std::floor(kSampleSeconds / perSearch) : n;
        const double most = std::max<double>(kFewestSamples, std::floor(n / 10));
        const double samples = std::min({n - 1, most, std::max<double>(kFewestSamples, fit)});
        if (samples >= 2 && samples < n) {
            e.samples = static_cast<std::uint32_t>(samples);
            e.sampleSeconds = perSearch * e.samples;
        }
    }
    return e;
}

std::string centralityWarning(const GraphView& view, const CentralityParams& params,
                              const CentralityEstimate& estimate) {
    const bool betweenness = params.metric == CentralityMetric::Betweenness;
    const char* measure = betweenness                                    ? "betweenness"
                          : params.metric == CentralityMetric::Closeness ? "closeness"
                                                                         : "harmonic closeness";
    std::string text =
        std::string(betweenness && estimate.searches < view.nodeCount() ? "sampled " : "exact ") +
        measure + " over " + std::to_string(view.nodeCount()) + " entities and " +
        std::to_string(view.edgeCount()) + " relations will take about " +
        durationText(estimate.seconds);
    if (estimate.samples > 0) {
        text += "; --samples " + std::to_string(estimate.samples) + " estimates it in about " +
                durationText(estimate.sampleSeconds);
    } else if (!betweenness) {
        text += "; a narrower view (--relations, --types, --as-of) takes less";
    }
    return text;
}

std::string durationText(double seconds) {
    if (seconds < 1) return "less than 1 s";
    const auto s = static_cast<std::uint64_t>(std::llround(seconds));
    if (s < 90) return std::to_string(s) + " s";
    const std::uint64_t minutes = (s + 30) / 60;
    if (minutes < 90) return std::to_string(minutes) + " min";
    const std::uint64_t hours = minutes / 60;
    if (hours < 48) return std::to_string(hours) + " h " + std::to_string(minutes % 60) + " min";
    return std::to_string(hours / 24) + " days " + std::to_string(hours % 24) + " h";
}

double slowQuerySeconds() {
    if (const char* text = std::getenv("CLAIMGRAPH_SLOW_QUERY_SECONDS")) {
        char* end = nullptr;
        double seconds = std::strtod(text, &end);
        if (end != text && *end == '\0' && seconds >= 0) return seconds;
    }
    return 10;
}

}  // namespace cg::queries
