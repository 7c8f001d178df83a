// SPDX-License-Identifier: MIT
#include "queries/centrality.hpp"

#include <algorithm>
#include <numeric>

#include "queries/betweenness.hpp"
#include "queries/centrality_estimate.hpp"
#include "queries/closeness.hpp"
#include "queries/eigenvector.hpp"
#include "queries/pagerank.hpp"
#include "queries/parallel.hpp"
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
                WorkProgress progress(params.progress, sample.size());
                return betweennessCentrality(graph, &sample, params.threads, &progress);
            }
            WorkProgress progress(params.progress, n);
            return betweennessCentrality(graph, nullptr, params.threads, &progress);
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
        case CentralityMetric::Harmonic: {
            WorkProgress progress(params.progress, n);
            return closenessCentrality(graph, params.metric == CentralityMetric::Harmonic,
                                       params.threads, &progress);
        }
        case CentralityMetric::Eigenvector:
            return eigenvectorCentrality(graph, params.eigenvectorTolerance,
                                         params.eigenvectorIterations, params.threads);
    }
    return {};
}

std::size_t centralityWorkingBytes(const GraphView& view, const CentralityParams& params) {
    const std::size_t n = view.nodeCount();
    // The graph of distinct neighbours, in and out lists: 16 bytes an entity and 8 a relation,
    // twice where it is renumbered for locality; the scores and their order, 12 an entity.
    std::size_t bytes = workingBytes(view, 2 * 16 + 12, 2 * 8);
    const unsigned workers = workerCount(params.threads, n);
    switch (params.metric) {
        case CentralityMetric::Degree:
            break;
        case CentralityMetric::PageRank:
        case CentralityMetric::Eigenvector:
            // Two or three vectors of doubles, and PageRank's in-lists.
            bytes += workingBytes(view, 40, 8);
            break;
        case CentralityMetric::Betweenness:
            // Per worker: its scores, distances, orders and successor lists (32 bytes an entity,
            // 4 a relation), and batch rows of up to 256 MB among all workers.
            bytes += workers * workingBytes(view, 32, 4) +
                     std::min<std::size_t>(std::size_t{256} << 20, n * 24 * 64 * workers);
            break;
        case CentralityMetric::Closeness:
        case CentralityMetric::Harmonic:
            // Per worker: two lane masks, the nodes added and the levels (36 bytes an entity).
            bytes += workers * workingBytes(view, 36, 0);
            break;
    }
    return bytes;
}

QueryResult centrality(const GraphView& view, const CentralityParams& asked) {
    QueryResult result;
    result.kind = "centrality";
    MemoryBudget budget(asked.maxMemory);
    // Each worker holds arrays of its own: where the budget cannot hold them all, fewer
    // workers run, so that whether a query answers does not depend on the machine's cores.
    CentralityParams params = asked;
    while (centralityWorkingBytes(view, params) > budget.limit() &&
           workerCount(params.threads, view.nodeCount()) > 1) {
        params.threads = workerCount(params.threads, view.nodeCount()) - 1;
    }
    if (!budget.take(centralityWorkingBytes(view, params))) {
        result.notes.push_back(
            memoryNote(std::string("the start: ") + metricName(params.metric) + " over " +
                           std::to_string(view.nodeCount()) + " entities and " +
                           std::to_string(view.edgeCount()) + " relations holds about " +
                           std::to_string((centralityWorkingBytes(view, params) >> 20) + 1) + " MB",
                       budget));
        result.partial = true;
        return result;
    }
    if (auto estimate = estimateCentrality(view, params))
        result.values.emplace_back("estimated_seconds", numberCell(estimate->seconds));
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
    // The rows, the most central first, as many as the budget holds.
    const std::size_t fit = budget.takeUpTo(top, rowBytes(6) + subgraphEntryBytes());
    order.resize(fit);
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
    if (fit < top) {
        result.notes.push_back(
            memoryNote(std::to_string(fit) + " of " + std::to_string(top) + " rows", budget));
        result.partial = true;
    }
    if (params.metric == CentralityMetric::Betweenness && params.samples > 0 &&
        params.samples < score.size()) {
        result.notes.push_back("betweenness estimated from " + std::to_string(params.samples) +
                               " sampled sources (seed " + std::to_string(params.seed) + ")");
    }
    return result;
}

KindDef centralityKind() {
    KindDef kind;
    kind.name = "centrality";
    kind.description = "The most central entities by a measure";
    kind.args = {
        arg("metric", ArgType::Enum, "One of: " + centralityMetricList())
            .oneOf({"degree", "betweenness", "pagerank", "closeness", "harmonic", "eigenvector"})
            .byDefault("degree")
            .alsoSpelled("--measure"),
        arg("top", ArgType::Integer, "Rows shown (0: every entity)").byDefault("20"),
        arg("samples", ArgType::Integer, "Betweenness from this many sampled sources (0: exact)")
            .byDefault("0"),
        arg("seed", ArgType::Integer, "Seed of the betweenness sample")
            .byDefault("42")
            .commandLineOnly(),
        arg("threads", ArgType::Integer,
            "Worker threads for betweenness, closeness, harmonic and eigenvector (0: every core)")
            .byDefault("0")
            .commandLineOnly(),
        connectionRelationsArg(),
        directedArg(),
        viaPlacesArg(),
    };
    kind.columns = {{"rank", ColumnType::Integer},       {"entity", ColumnType::Entity},
                    {"type", ColumnType::Text},          {"metric", ColumnType::Number, "metric"},
                    {"neighbours", ColumnType::Integer}, {"relations", ColumnType::Integer}};
    kind.run = [](const GraphView& view, const Args& args, const graph::EntityFinder&,
                  const QueryHooks& hooks) {
        CentralityParams p;
        const std::string metric = argValue<std::string>(args, "metric").value_or("degree");
        p.metric = *centralityMetric(metric);
        p.top = static_cast<std::size_t>(
            argValue<std::int64_t>(args, "top").value_or(static_cast<std::int64_t>(p.top)));
        p.samples = static_cast<std::uint32_t>(argValue<std::int64_t>(args, "samples").value_or(0));
        p.seed = static_cast<std::uint64_t>(
            argValue<std::int64_t>(args, "seed").value_or(static_cast<std::int64_t>(p.seed)));
        p.threads = static_cast<unsigned>(argValue<std::int64_t>(args, "threads").value_or(0));
        p.relations = argList(args, "relations");
        p.directed = argValue<bool>(args, "directed").value_or(false);
        p.viaPlaces = argValue<bool>(args, "via_places").value_or(false);
        p.maxMemory = argMaxMemory(args);
        // A search per entity on a large view takes minutes to hours: say so before it
        // starts, suggesting a sample, and report how far it is.
        if (hooks.slow) {
            auto estimate = estimateCentrality(view, p);
            if (estimate && estimate->seconds > slowQuerySeconds())
                p.progress = hooks.slow(centralityWarning(view, p, *estimate), metric);
        }
        return centrality(view, p);
    };
    return kind;
}

}  // namespace cg::queries
