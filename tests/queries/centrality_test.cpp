// SPDX-License-Identifier: MIT
// Degree, betweenness, PageRank, closeness, harmonic and eigenvector centrality against networkx.
#include "queries/centrality.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "graph/error.hpp"
#include "queries/betweenness.hpp"
#include "queries/closeness.hpp"
#include "queries/simple_graph.hpp"
#include "queries/walk.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::CentralityMetric;
using cg::queries::CentralityParams;
using cg::queries::Node;
using cg::testing::Investigation;

namespace {

// Small enough for networkx's exact betweenness in a second or two.
constexpr int kSmall = 400;
// "A few thousand" nodes for everything networkx can check per node or per sampled source.
constexpr int kLarge = 2500;
constexpr std::uint32_t kSamples = 40;
constexpr std::uint64_t kSeed = 42;

class CentralityOnGeneratedGraphs : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        small_ = new Investigation(kSmall, cg::testing::randomEdges(kSmall, 900, 3));
        large_ = new Investigation(kLarge, cg::testing::randomEdges(kLarge, 5000, 4));
    }
    static void TearDownTestSuite() {
        delete small_;
        delete large_;
        small_ = large_ = nullptr;
        for (auto& a : answers_) a.reset();
    }

    // networkx's scores for every metric of one graph and direction, computed once.
    static const rapidjson::Document& reference(bool large, bool directed) {
        auto& slot = answers_[(large ? 2 : 0) + (directed ? 1 : 0)];
        if (slot) return *slot;
        std::string task = R"({"task": "centrality", "directed": )" +
                           std::string(directed ? "true" : "false") +
                           R"(, "damping": 0.85, "tolerance": 1e-16)";
        // networkx's pure-Python PageRank, and its closeness, which copies a directed graph
        // for every node asked, are slow: their directed variants run on the small graph.
        if (!large) {
            task += directed
                        ? R"(, "metrics": ["betweenness", "pagerank", "closeness", "harmonic", )"
                          R"("eigenvector"])"
                        : R"(, "metrics": ["betweenness", "eigenvector"])";
            task += R"(, "nodes": [)";
            for (int i = 0; i < kSmall; i += 4) {
                task += (i ? ",\"n" : "\"n") + std::to_string(i) + "\"";
            }
            task += "]}";
        } else {
            auto sample = cg::queries::sampleSources(large_->view().nodeCount(), kSamples, kSeed);
            task += directed ? R"(, "metrics": ["degree", "sampled_betweenness"])"
                             : R"(, "metrics": ["degree", "sampled_betweenness", "pagerank", )"
                               R"("closeness", "harmonic", "eigenvector"])";
            task += R"(, "sources": [)";
            for (std::size_t i = 0; i < sample.size(); ++i) {
                task += (i ? ",\"" : "\"") + large_->view().key(sample[i]) + "\"";
            }
            task += R"(], "nodes": [)";
            for (int i = 0; i < 150; ++i) {
                task += (i ? ",\"n" : "\"n") + std::to_string((i * 4007) % kLarge) + "\"";
            }
            task += "]}";
        }
        slot = std::make_unique<rapidjson::Document>(
            cg::testing::networkx(large ? *large_ : *small_, task));
        return *slot;
    }

    static std::map<std::string, double> scores(bool large, bool directed, const char* metric) {
        const auto& answer = reference(large, directed);
        std::map<std::string, double> out;
        if (!answer.IsObject() || !answer.HasMember(metric)) return out;
        for (const auto& m : answer[metric].GetObject())
            out[m.name.GetString()] = m.value.GetDouble();
        return out;
    }

    // Every score networkx gives agrees within `tolerance`, relative (absolute near zero).
    static void expectClose(Investigation& inv, const std::vector<double>& got,
                            const std::map<std::string, double>& expected, double tolerance,
                            const char* what) {
        ASSERT_FALSE(expected.empty()) << what;
        std::size_t nonZero = 0, bad = 0;
        for (const auto& [key, value] : expected) {
            double mine = got[inv.node(key)];
            bool ok = std::abs(value) < 1e-300
                          ? std::abs(mine) < 1e-15
                          : cg::testing::relativeDifference(mine, value) <= tolerance;
            if (!ok && ++bad < 5)
                ADD_FAILURE() << what << " of " << key << ": " << mine << " vs networkx " << value;
            nonZero += value != 0;
        }
        EXPECT_EQ(bad, 0u) << what;
        EXPECT_GT(nonZero, expected.size() / 2)
            << what << ": too many zero scores to tell anything";
    }

    static std::vector<double> compute(Investigation& inv, CentralityMetric metric, bool directed,
                                       unsigned threads = 0, std::uint32_t samples = 0) {
        CentralityParams params;
        params.metric = metric;
        params.directed = directed;
        params.threads = threads;
        params.samples = samples;
        params.seed = kSeed;
        params.tolerance = 1e-15;
        params.maxIterations = 5000;
        return cg::queries::centralityScores(inv.view(), params);
    }

    static Investigation* small_;
    static Investigation* large_;
    static std::unique_ptr<rapidjson::Document> answers_[4];
};

Investigation* CentralityOnGeneratedGraphs::small_ = nullptr;
Investigation* CentralityOnGeneratedGraphs::large_ = nullptr;
std::unique_ptr<rapidjson::Document> CentralityOnGeneratedGraphs::answers_[4];

TEST_F(CentralityOnGeneratedGraphs, ExactBetweennessMatchesNetworkx) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        expectClose(*small_, compute(*small_, CentralityMetric::Betweenness, directed),
                    scores(false, directed, "betweenness"), 1e-9,
                    directed ? "directed betweenness" : "betweenness");
    }
}

TEST_F(CentralityOnGeneratedGraphs, SampledBetweennessMatchesNetworkxOnTheSameSources) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        expectClose(*large_, compute(*large_, CentralityMetric::Betweenness, directed, 0, kSamples),
                    scores(true, directed, "sampled_betweenness"), 1e-9, "sampled betweenness");
    }
}

TEST_F(CentralityOnGeneratedGraphs, PageRankMatchesNetworkx) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        Investigation& inv = directed ? *small_ : *large_;
        auto got = compute(inv, CentralityMetric::PageRank, directed);
        double sum = 0;
        for (double x : got) sum += x;
        EXPECT_NEAR(sum, 1.0, 1e-9) << "dangling mass is kept";
        expectClose(inv, got, scores(!directed, directed, "pagerank"), 1e-9,
                    directed ? "directed pagerank" : "pagerank");
    }
}

TEST_F(CentralityOnGeneratedGraphs, DegreeMatchesNetworkx) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        expectClose(*large_, compute(*large_, CentralityMetric::Degree, directed),
                    scores(true, directed, "degree"), 1e-12, "degree");
    }
}

TEST_F(CentralityOnGeneratedGraphs, ClosenessAndHarmonicMatchNetworkx) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        Investigation& inv = directed ? *small_ : *large_;
        expectClose(inv, compute(inv, CentralityMetric::Closeness, directed),
                    scores(!directed, directed, "closeness"), 1e-9, "closeness");
        expectClose(inv, compute(inv, CentralityMetric::Harmonic, directed),
                    scores(!directed, directed, "harmonic"), 1e-9, "harmonic");
    }
}

TEST_F(CentralityOnGeneratedGraphs, EigenvectorMatchesNetworkx) {
    CG_REQUIRE_NETWORKX();
    // The small graph both ways, the large one undirected, with networkx's own defaults
    // (tolerance 1e-6 per node, 100 rounds): the same iteration stops on the same round, so
    // the scores agree to rounding.
    for (auto [large, directed] : {std::pair{false, false}, {false, true}, {true, false}}) {
        Investigation& inv = large ? *large_ : *small_;
        const auto& answer = reference(large, directed);
        ASSERT_TRUE(answer.HasMember("eigenvector") && answer["eigenvector"].IsObject())
            << "networkx did not converge";
        auto got = compute(inv, CentralityMetric::Eigenvector, directed);
        double length = 0;
        for (double x : got) length += x * x;
        EXPECT_NEAR(length, 1.0, 1e-12) << "scores have Euclidean length 1";
        expectClose(inv, got, scores(large, directed, "eigenvector"), 1e-9,
                    directed ? "directed eigenvector" : "eigenvector");
    }
}

TEST_F(CentralityOnGeneratedGraphs, EigenvectorDoesNotDependOnTheNumberOfThreads) {
    CentralityParams params;
    params.metric = CentralityMetric::Eigenvector;
    params.threads = 1;
    auto one = cg::queries::centralityScores(large_->view(), params);
    params.threads = 3;
    auto three = cg::queries::centralityScores(large_->view(), params);
    ASSERT_EQ(one.size(), three.size());
    for (std::size_t i = 0; i < one.size(); ++i) EXPECT_NEAR(one[i], three[i], 1e-15);
}

TEST(EigenvectorCentrality, ThrowsWhenItDoesNotConverge) {
    // A directed chain: (A + I)^k x tilts ever further towards the end of the chain, only
    // slowly, so a handful of rounds cannot meet a tight tolerance; networkx raises too.
    std::vector<cg::testing::GenEdge> links;
    for (int i = 0; i < 5; ++i) {
        cg::testing::GenEdge link;
        link.a = i;
        link.b = i + 1;
        link.type = "owns";
        links.push_back(link);
    }
    Investigation chain(6, links);
    CentralityParams params;
    params.metric = CentralityMetric::Eigenvector;
    params.directed = true;
    params.eigenvectorIterations = 5;
    EXPECT_THROW(cg::queries::centralityScores(chain.view(), params), cg::QueryError);
    params.eigenvectorIterations = 100000;
    params.eigenvectorTolerance = 1e-3;
    auto got = cg::queries::centralityScores(chain.view(), params);
    EXPECT_GT(got[chain.node("n5")], got[chain.node("n0")]) << "the end of the chain gathers";
}

TEST(EigenvectorCentrality, UniformWithoutRelations) {
    // No relation at all: the starting vector is already the fixed point, as in networkx.
    Investigation lone(4, {});
    CentralityParams params;
    params.metric = CentralityMetric::Eigenvector;
    auto got = cg::queries::centralityScores(lone.view(), params);
    ASSERT_EQ(got.size(), 4u);
    for (double x : got) EXPECT_DOUBLE_EQ(x, 0.5);
}

TEST_F(CentralityOnGeneratedGraphs, BetweennessDoesNotDependOnTheNumberOfThreads) {
    auto one = compute(*small_, CentralityMetric::Betweenness, false, 1);
    auto two = compute(*small_, CentralityMetric::Betweenness, false, 2);
    ASSERT_EQ(one.size(), two.size());
    for (std::size_t i = 0; i < one.size(); ++i)
        EXPECT_NEAR(one[i], two[i], 1e-12 * std::max(1.0, one[i]));
}

// Sources are searched 64 at a time (one bit each) when a worker has at least 32 of them, one
// at a time otherwise: both must give the same scores, partial batches included.
TEST_F(CentralityOnGeneratedGraphs, BatchedAndOneByOneSearchesAgree) {
    for (bool directed : {false, true}) {
        auto view = large_->view();
        cg::queries::Walk walk(view, cg::queries::RelationSet::named(view.schema(), {}), directed);
        cg::queries::SimpleGraph g(walk, false);
        for (std::uint32_t k : {40u, 130u}) {
            auto sample = cg::queries::sampleSources(g.nodeCount(), k, kSeed);
            auto batched = cg::queries::betweennessCentrality(g, &sample, 1);   // k per worker
            auto oneByOne = cg::queries::betweennessCentrality(g, &sample, 8);  // 5 or 17 each
            ASSERT_EQ(batched.size(), oneByOne.size());
            std::size_t nonZero = 0;
            for (std::size_t i = 0; i < batched.size(); ++i) {
                EXPECT_NEAR(batched[i], oneByOne[i], 1e-12 * std::max(1.0, oneByOne[i]))
                    << "node " << i << ", " << k << " sources" << (directed ? ", directed" : "");
                nonZero += oneByOne[i] != 0;
            }
            EXPECT_GT(nonZero, batched.size() / 4);
        }
    }
}

TEST_F(CentralityOnGeneratedGraphs, SampleIsFixedBySeed) {
    auto sample = cg::queries::sampleSources(kLarge, kSamples, kSeed);
    ASSERT_EQ(sample.size(), kSamples);
    EXPECT_EQ(sample, cg::queries::sampleSources(kLarge, kSamples, kSeed));
    EXPECT_NE(sample, cg::queries::sampleSources(kLarge, kSamples, kSeed + 1));
    std::set<Node> distinct(sample.begin(), sample.end());
    EXPECT_EQ(distinct.size(), sample.size());
    EXPECT_EQ(cg::queries::sampleSources(10, 20, kSeed).size(), 10u);
}

TEST_F(CentralityOnGeneratedGraphs, RankingShowsTheTopEntitiesInOrder) {
    CentralityParams params;
    params.metric = CentralityMetric::PageRank;
    params.top = 10;
    auto result = cg::queries::centrality(large_->view(), params);
    ASSERT_EQ(result.table.rows.size(), 10u);
    auto all = cg::queries::centralityScores(large_->view(), params);
    std::vector<double> sorted = all;
    std::sort(sorted.rbegin(), sorted.rend());
    for (std::size_t i = 0; i < 10; ++i) {
        const auto& row = result.table.rows[i];
        EXPECT_EQ(std::get<std::int64_t>(row[0]), static_cast<std::int64_t>(i + 1));
        Node v = std::get<cg::queries::EntityCell>(row[1]).node;
        EXPECT_DOUBLE_EQ(std::get<double>(row[3]), all[v]);
        EXPECT_DOUBLE_EQ(std::get<double>(row[3]), sorted[i]);
    }
    EXPECT_EQ(result.subgraph.nodes.size(), 10u);
}

TEST(CentralityMetric, NamesRoundTrip) {
    for (const char* name :
         {"degree", "betweenness", "pagerank", "closeness", "harmonic", "eigenvector"}) {
        EXPECT_TRUE(cg::queries::centralityMetric(name)) << name;
    }
    EXPECT_FALSE(cg::queries::centralityMetric("eigen"));
    EXPECT_NE(cg::queries::centralityMetricList().find("harmonic"), std::string::npos);
    EXPECT_NE(cg::queries::centralityMetricList().find("eigenvector"), std::string::npos);
}

}  // namespace

TEST_F(CentralityOnGeneratedGraphs, RenumberingForLocalityKeepsEveryNeighbourList) {
    for (bool directed : {false, true}) {
        auto view = large_->view();
        cg::queries::Walk walk(view, cg::queries::RelationSet::named(view.schema(), {}), directed);
        cg::queries::SimpleGraph g(walk, true);
        auto newOf = g.localityOrder();
        ASSERT_EQ(newOf.size(), g.nodeCount());
        std::vector<Node> sorted = newOf;
        std::sort(sorted.begin(), sorted.end());
        for (Node v = 0; v < g.nodeCount(); ++v) ASSERT_EQ(sorted[v], v) << "not a permutation";
        auto r = g.renumbered(newOf);
        ASSERT_EQ(r.nodeCount(), g.nodeCount());
        EXPECT_EQ(r.linkCount(), g.linkCount());
        EXPECT_EQ(r.directed(), g.directed());
        for (Node v = 0; v < g.nodeCount(); ++v) {
            for (auto lists : {std::make_pair(g.out(v), r.out(newOf[v])),
                               std::make_pair(g.in(v), r.in(newOf[v]))}) {
                std::vector<Node> expected;
                for (Node w : lists.first) expected.push_back(newOf[w]);
                std::sort(expected.begin(), expected.end());
                std::vector<Node> got(lists.second.begin(), lists.second.end());
                ASSERT_EQ(got, expected) << "node " << v << (directed ? " directed" : "");
            }
        }
    }
}

TEST_F(CentralityOnGeneratedGraphs, ClosenessOfASampleIsTheirShareOfEveryNodes) {
    auto view = large_->view();
    cg::queries::Walk walk(view, cg::queries::RelationSet::named(view.schema(), {}), false);
    cg::queries::SimpleGraph g(walk, false);
    auto all = cg::queries::closenessCentrality(g, true, 2);
    auto sample = cg::queries::sampleSources(g.nodeCount(), kSamples, kSeed);
    auto some = cg::queries::closenessOf(g, sample, true, 2);
    ASSERT_EQ(some.size(), sample.size());
    for (std::size_t i = 0; i < sample.size(); ++i) EXPECT_EQ(some[i], all[sample[i]]) << i;
}

// The searches run 64 nodes at a time, one bit each: a node listed twice, in one batch or in
// two, gets the same score each time, and a batch's nodes do not disturb each other.
TEST_F(CentralityOnGeneratedGraphs, ClosenessOfRepeatedNodesInAndAcrossBatches) {
    auto view = large_->view();
    cg::queries::Walk walk(view, cg::queries::RelationSet::named(view.schema(), {}), true);
    cg::queries::SimpleGraph g(walk, true);
    auto all = cg::queries::closenessCentrality(g, false, 1);
    std::vector<Node> nodes;
    for (Node v = 0; v < 150; ++v) nodes.push_back(v % 70);  // repeats within and across batches
    for (bool harmonic : {false, true}) {
        auto some = cg::queries::closenessOf(g, nodes, harmonic, 1);
        auto every = harmonic ? cg::queries::closenessCentrality(g, true, 1) : all;
        ASSERT_EQ(some.size(), nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i)
            EXPECT_EQ(some[i], every[nodes[i]]) << i << (harmonic ? " harmonic" : "");
    }
}
