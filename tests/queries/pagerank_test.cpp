// SPDX-License-Identifier: MIT
// PageRank solved component by component (Gauss–Seidel in flow order) against plain power
// iteration written out here, on graphs with sources, sinks, isolated nodes, cycles feeding
// cycles and undirected relations; networkx comparisons are in centrality_test.cpp.
#include "queries/pagerank.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "queries/simple_graph.hpp"
#include "queries/walk.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::Node;
using cg::testing::GenEdge;
using cg::testing::Investigation;

namespace {

// The textbook iteration, kept naive on purpose: x ← (1-d)/n + d·(dangling mass)/n +
// d·Σ x_u/deg(u), from the uniform vector, many times past convergence.
std::vector<double> powerIteration(const cg::queries::SimpleGraph& g, double damping) {
    std::uint32_t n = g.nodeCount();
    std::vector<double> x(n, 1.0 / n), next(n);
    for (int round = 0; round < 3000; ++round) {
        double dangling = 0;
        for (Node v = 0; v < n; ++v)
            if (g.out(v).empty()) dangling += x[v];
        std::fill(next.begin(), next.end(), (1 - damping) / n + damping * dangling / n);
        for (Node u = 0; u < n; ++u) {
            for (Node w : g.out(u))
                next[w] += damping * x[u] / static_cast<double>(g.out(u).size());
        }
        x.swap(next);
    }
    return x;
}

GenEdge link(int a, int b, const char* type = "owns") {
    GenEdge e;
    e.a = a;
    e.b = b;
    e.type = type;
    return e;
}

void expectSameScores(const std::vector<double>& got, const std::vector<double>& want,
                      double tolerance) {
    ASSERT_EQ(got.size(), want.size());
    double largest = *std::max_element(want.begin(), want.end());
    for (std::size_t v = 0; v < want.size(); ++v)
        EXPECT_NEAR(got[v], want[v], tolerance * largest) << "node " << v;
}

}  // namespace

TEST(PageRank, SolvesComponentByComponentAsPowerIterationDoes) {
    // 0 → (1 2 3 cycle) → (4 5 cycle) → 6 (dangling); 7 → 6; 8 alone; 9 ⇄ 10 undirected and
    // 10 → 1, so an undirected relation makes a cycle of its own; 11 → 12 → 13 a chain.
    Investigation inv(14, {link(0, 1), link(1, 2), link(2, 3), link(3, 1), link(3, 4), link(4, 5),
                           link(5, 4), link(5, 6), link(7, 6), link(9, 10, "linked_to"),
                           link(10, 1), link(11, 12), link(12, 13), link(2, 5)});
    cg::queries::Walk walk(inv.view(), {}, true);
    cg::queries::SimpleGraph g(walk, true);
    auto got = cg::queries::pageRank(g, 0.85, 1e-13, 1000);
    EXPECT_TRUE(got.converged);
    EXPECT_GT(got.iterations, 1) << "the cycles take sweeps";
    double sum = 0;
    for (double x : got.score) sum += x;
    EXPECT_NEAR(sum, 1, 1e-12);
    expectSameScores(got.score, powerIteration(g, 0.85), 1e-12);
}

TEST(PageRank, MatchesPowerIterationOnAGeneratedGraph) {
    // Sparse and random: hundreds of components, most of one node, a large one, dangling
    // nodes and undirected relation types mixed in.
    Investigation inv(1500, cg::testing::randomEdges(1500, 2200, 11));
    for (bool directed : {true, false}) {
        cg::queries::Walk walk(inv.view(), {}, directed);
        cg::queries::SimpleGraph g(walk, true);
        auto got = cg::queries::pageRank(g, 0.85, 1e-13, 1000);
        EXPECT_TRUE(got.converged);
        expectSameScores(got.score, powerIteration(g, 0.85), 1e-10);
    }
}

TEST(PageRank, AnAcyclicGraphNeedsNoSweep) {
    Investigation inv(5, {link(0, 1), link(1, 2), link(0, 3), link(3, 2)});
    cg::queries::Walk walk(inv.view(), {}, true);
    cg::queries::SimpleGraph g(walk, true);
    auto got = cg::queries::pageRank(g, 0.85, 1e-12, 1);
    EXPECT_TRUE(got.converged) << "every component is one node, solved exactly";
    EXPECT_EQ(got.iterations, 0);
    expectSameScores(got.score, powerIteration(g, 0.85), 1e-13);
}

TEST(PageRank, SaysWhenTheSweepsRanOut) {
    Investigation inv(4, {link(0, 1), link(1, 2), link(2, 0), link(2, 3)});
    cg::queries::Walk walk(inv.view(), {}, true);
    cg::queries::SimpleGraph g(walk, true);
    auto cut = cg::queries::pageRank(g, 0.85, 1e-15, 2);
    EXPECT_FALSE(cut.converged);
    EXPECT_EQ(cut.iterations, 2);
    auto full = cg::queries::pageRank(g, 0.85, 1e-12, 1000);
    EXPECT_TRUE(full.converged);
    EXPECT_GT(full.iterations, 2);
}

TEST(PageRank, EmptyGraph) {
    Investigation inv(0, {});
    cg::queries::Walk walk(inv.view(), {}, true);
    cg::queries::SimpleGraph g(walk, true);
    auto got = cg::queries::pageRank(g, 0.85, 1e-9, 100);
    EXPECT_TRUE(got.converged);
    EXPECT_TRUE(got.score.empty());
}
