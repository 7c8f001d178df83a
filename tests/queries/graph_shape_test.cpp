// SPDX-License-Identifier: MIT
// Neighbourhoods and components against networkx on a generated graph.
#include <gtest/gtest.h>

#include <set>

#include "queries/components.hpp"
#include "queries/neighbourhood.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::Node;
using cg::queries::RelationSet;
using cg::queries::Walk;
using cg::testing::Investigation;

namespace {

constexpr int kNodes = 3000;

class ShapeOfGeneratedGraph : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        inv_ = new Investigation(kNodes, cg::testing::randomEdges(kNodes, 2700, 5));
    }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }
    static Investigation* inv_;
};

Investigation* ShapeOfGeneratedGraph::inv_ = nullptr;

TEST_F(ShapeOfGeneratedGraph, NeighbourhoodsMatchNetworkxWithoutCap) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        std::vector<std::string> centres;
        for (int i = 0; i < 40; ++i) centres.push_back("n" + std::to_string((i * 7919) % kNodes));
        std::string task = std::string(R"({"task": "neighbourhood", "hops": 3, "directed": )") +
                           (directed ? "true" : "false") + R"(, "centres": [)";
        for (std::size_t i = 0; i < centres.size(); ++i)
            task += (i ? ",\"" : "\"") + centres[i] + "\"";
        auto answer = cg::testing::networkx(*inv_, task + "]}");
        ASSERT_TRUE(answer.IsObject());
        Walk walk(inv_->view(), RelationSet(), directed);
        std::size_t total = 0;
        for (const auto& c : centres) {
            std::map<std::string, int> expected;
            for (const auto& m : answer[c.c_str()].GetObject())
                expected[m.name.GetString()] = m.value.GetInt();
            std::map<std::string, int> got;
            for (const auto& n : cg::queries::neighbourhoodOf(walk, inv_->node(c), 3, 0)) {
                EXPECT_TRUE(got.emplace(inv_->view().key(n.node), static_cast<int>(n.hops)).second)
                    << "repeated node";
                EXPECT_EQ(n.leftOut, 0u);
            }
            EXPECT_EQ(got, expected) << c;
            total += got.size();
        }
        EXPECT_GT(total, centres.size() * 3) << "neighbourhoods should not be trivial";
    }
}

TEST_F(ShapeOfGeneratedGraph, CappedNeighbourhoodsKeepTheMostCredibleNeighbours) {
    Walk walk(inv_->view(), RelationSet(), false);
    const auto& view = inv_->view();
    std::size_t capped = 0;
    for (Node centre = 0; centre < view.nodeCount(); centre += 37) {
        auto full = cg::queries::neighbourhoodOf(walk, centre, 2, 0);
        auto found = cg::queries::neighbourhoodOf(walk, centre, 2, 2);
        std::map<Node, std::uint32_t> trueHops;
        for (const auto& n : full) trueHops[n.node] = n.hops;
        std::map<Node, int> children;
        std::set<Node> seen;
        for (const auto& n : found) {
            EXPECT_TRUE(seen.insert(n.node).second);
            ASSERT_TRUE(trueHops.count(n.node))
                << "a capped neighbourhood stays inside the full one";
            EXPECT_GE(n.hops, trueHops[n.node]);
            if (n.hops == 0) continue;
            Node parent = n.via.forward ? view.source(n.via.edge) : view.target(n.via.edge);
            ++children[parent];
        }
        for (const auto& n : found) {
            EXPECT_LE(children[n.node], 2);
            if (n.leftOut > 0) {
                ++capped;
                EXPECT_EQ(children[n.node], 2);
            }
        }
        // The centre's two neighbours are its most credible links.
        std::vector<float> best;
        walk.forEachStep(
            centre, [&](cg::queries::Edge e, Node, bool) { best.push_back(view.confidence(e)); });
        std::sort(best.rbegin(), best.rend());
        std::vector<float> kept;
        for (const auto& n : found) {
            if (n.hops == 1) kept.push_back(view.confidence(n.via.edge));
        }
        if (!best.empty()) {
            ASSERT_FALSE(kept.empty());
            EXPECT_EQ(kept.front(), best.front());
        }
    }
    EXPECT_GT(capped, 0u) << "the cap should bite somewhere";
}

TEST_F(ShapeOfGeneratedGraph, ComponentsMatchNetworkx) {
    CG_REQUIRE_NETWORKX();
    auto answer = cg::testing::networkx(*inv_, R"({"task": "components"})");
    ASSERT_TRUE(answer.IsObject());
    for (bool strong : {false, true}) {
        std::set<std::vector<std::string>> expected;
        for (const auto& c : answer[strong ? "strong" : "weak"].GetArray()) {
            std::vector<std::string> members;
            for (const auto& k : c.GetArray()) members.emplace_back(k.GetString());
            expected.insert(members);
        }
        auto component = cg::queries::componentOf(inv_->view(), RelationSet(), strong);
        std::map<std::uint32_t, std::vector<std::string>> byComponent;
        for (Node v = 0; v < inv_->view().nodeCount(); ++v)
            byComponent[component[v]].push_back(inv_->view().key(v));
        std::set<std::vector<std::string>> got;
        std::size_t previous = SIZE_MAX;
        for (auto& [number, members] : byComponent) {
            EXPECT_LE(members.size(), previous) << "numbered largest first";
            previous = members.size();
            std::sort(members.begin(), members.end());
            got.insert(members);
        }
        EXPECT_EQ(got, expected) << (strong ? "strong" : "weak");
        std::size_t big = 0;
        for (const auto& c : got) big += c.size() > 1;
        EXPECT_GT(big, 3u) << "the generated graph should have several non-trivial components";
    }
}

TEST_F(ShapeOfGeneratedGraph, ComponentsResultListsTheLargestFirst) {
    cg::queries::ComponentParams params;
    params.top = 3;
    auto result = cg::queries::components(inv_->view(), params);
    ASSERT_EQ(result.table.rows.size(), 3u);
    auto size = [&](std::size_t row) { return std::get<std::int64_t>(result.table.rows[row][1]); };
    EXPECT_GE(size(0), size(1));
    EXPECT_GE(size(1), size(2));
    EXPECT_EQ(result.subgraph.nodes.size(), static_cast<std::size_t>(size(0) + size(1) + size(2)));
    EXPECT_FALSE(result.notes.empty());
}

}  // namespace

TEST_F(ShapeOfGeneratedGraph, ViewFindsEachRelationsSubjectAndEachEntitysNode) {
    // Many nodes without relations, so the search for a subject crosses empty rows.
    const auto& view = inv_->view();
    ASSERT_GT(view.edgeCount(), 128u);
    std::uint32_t subjects = 0, objects = 0;
    for (Node v = 0; v < view.nodeCount(); ++v) {
        auto [first, last] = view.outEdges(v);
        for (auto e = first; e < last; ++e) {
            EXPECT_EQ(view.source(e), v) << "edge " << e;
            ++subjects;
        }
        auto [in, inEnd] = view.inEdgeSlots(v);
        for (auto slot = in; slot < inEnd; ++slot) {
            EXPECT_EQ(view.target(view.inEdgeAt(slot)), v);
            EXPECT_EQ(view.source(view.inEdgeAt(slot)), view.inEdgeSource(slot));
            ++objects;
        }
        EXPECT_EQ(view.node(view.entityId(v)), v);
    }
    EXPECT_EQ(subjects, view.edgeCount());
    EXPECT_EQ(objects, view.edgeCount());
    EXPECT_EQ(view.node(0), cg::graph::GraphView::kNoNode);
    EXPECT_EQ(view.node(view.entityId(view.nodeCount() - 1) + 1), cg::graph::GraphView::kNoNode);
}
