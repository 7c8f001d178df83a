// SPDX-License-Identifier: MIT
#include "queries/centrality.hpp"

#include <algorithm>
#include <numeric>

#include "queries/betweenness.hpp"
#include "queries/closeness.hpp"
#include "queries/eigenvector.hpp"
#include "queries/pagerank.hpp"
#include "queries/simple_graph.hpp"

namespace cg::queries {

namespace {

struct MetricName {
    CentralityMetric metric;
    const char* name;
};
constexpr MetricName kMetrics[] = {
    {CentralityMetric::Degree, "degree"},     {CentralityMetric::Betweenness, "betweenness"},
    {CentralityMetric::PageRank, "pagerank"}, {CentralityMetric::Closeness, "closeness"},
    {CentralityMetric::Harmonic, "harmonic"}, {CentralityMetric::Eigenvector, "eigenvector"}};

const char* metricName(CentralityMetric metric) {
    for (const auto& m : kMetrics) {
        if (m.metric == metric) return m.name;
    }
    return "";
}

}  // namespace

std::optional<CentralityMetric> centralityMetric(const std::string& name) {
    for (const auto& m : kMetrics) {
        if (name == m.name) return m.metric;
    }
    return std::nullopt;
}

std::string centralityMetricList() {
    std::string list;
    for (const auto& m : kMetrics) list += (list.empty() ? "" : ", ") + std::string(m.name);
    return list;
}

std::vector<double> centralityScores(const GraphView& view, const CentralityParams& params,
                                     std::vector<std::string>* notes) {
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    bool reverse = params.metric != CentralityMetric::Betweenness;
    SimpleGraph graph(walk, reverse);
    std::uint32_t n = graph.nodeCount();
    switch (params.metric) {
        case CentralityMetric::Degree: {
            std::vector<double> score(n, 0);
            double scale = n > 1 ? 1.0 / (n - 1) : 0;
            for (Node v = 0; v < n; ++v) {
                auto d = graph.out(v).size() + (graph.directed() ? graph.in(v).size() : 0);
                score[v] = static_cast<double>(d) * scale;
            }
            return score;
        }
        case CentralityMetric::Betweenness: {
            if (params.samples > 0 && params.samples < n) {
                auto sample = sampleSources(n, params.samples, params.seed);
                return betweennessCentrality(graph, &sample, params.threads);
            }
            return betweennessCentrality(graph, nullptr, params.threads);
        }
        case CentralityMetric::PageRank: {
            auto pr = pageRank(graph, params.damping, params.tolerance, params.maxIterations);
            if (!pr.converged && notes) {
                notes->push_back("PageRank did not converge within " +
                                 std::to_string(params.maxIterations) + " iterations");
            }
            return std::move(pr.score);
        }
        case CentralityMetric::Closeness:
            return closenessCentrality(graph, false, params.threads);
        case CentralityMetric::Harmonic:
            return closenessCentrality(graph, true, params.threads);
        case CentralityMetric::Eigenvector:
            return eigenvectorCentrality(graph, params.eigenvectorTolerance,
                                         params.eigenvectorIterations, params.threads);
    }
    return {};
}

QueryResult centrality(const GraphView& view, const CentralityParams& params) {
    QueryResult result;
    result.kind = "centrality";
    auto score = centralityScores(view, params, &result.notes);
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    std::vector<Node> order(score.size());
    std::iota(order.begin(), order.end(), Node{0});
    std::size_t top = params.top == 0 ? order.size() : std::min(params.top, order.size());
    auto higher = [&](Node a, Node b) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
    };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      higher);
    order.resize(top);
    result.table.columns = {"rank",       "entity",   "type", metricName(params.metric),
                            "neighbours", "relations"};
    std::int64_t rank = 0;
    for (Node v : order) {
        std::vector<Node> neighbours;
        std::int64_t relations = 0;
        walk.forEachStep(v, [&](Edge, Node w, bool) {
            ++relations;
            if (w != v) neighbours.push_back(w);
        });
        std::sort(neighbours.begin(), neighbours.end());
        neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
        result.table.rows.push_back(
            {integerCell(++rank), entityCell(v),
             textCell(view.schema().entityType(view.nodeType(v)).name), numberCell(score[v]),
             integerCell(static_cast<std::int64_t>(neighbours.size())), integerCell(relations)});
        result.subgraph.nodes.push_back(v);
    }
    result.subgraph.normalize(view);
    if (params.metric == CentralityMetric::Betweenness && params.samples > 0 &&
        params.samples < score.size()) {
        result.notes.push_back("betweenness estimated from " + std::to_string(params.samples) +
                               " sampled sources (seed " + std::to_string(params.seed) + ")");
    }
    return result;
}

}  // namespace cg::queries
