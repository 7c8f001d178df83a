// SPDX-License-Identifier: MIT
// Shortest, all shortest, most credible and simple paths against networkx on a generated graph.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "graph/error.hpp"
#include "queries/all_shortest_paths.hpp"
#include "queries/most_credible_path.hpp"
#include "queries/shortest_path.hpp"
#include "queries/simple_paths.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::graph::GraphView;
using cg::queries::Node;
using cg::queries::PathCell;
using cg::queries::RelationSet;
using cg::queries::Walk;
using cg::testing::Investigation;

namespace {

constexpr int kNodes = 2500;

class PathsOnGeneratedGraph : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        inv_ = new Investigation(kNodes, cg::testing::randomEdges(kNodes, 4200, 7));
    }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }

    // Seeded random pairs of node keys.
    static std::vector<std::pair<std::string, std::string>> pairs(int count, std::uint64_t seed) {
        std::mt19937_64 rng(seed);
        std::vector<std::pair<std::string, std::string>> out;
        for (int i = 0; i < count; ++i) {
            out.emplace_back("n" + std::to_string(rng() % kNodes),
                             "n" + std::to_string(rng() % kNodes));
        }
        return out;
    }

    static std::string pairsTask(const char* task,
                                 const std::vector<std::pair<std::string, std::string>>& ps,
                                 bool directed, const std::string& extra = "") {
        std::string json = std::string(R"({"task": ")") + task + R"(", "directed": )" +
                           (directed ? "true" : "false") + extra + R"(, "pairs": [)";
        for (std::size_t i = 0; i < ps.size(); ++i) {
            json +=
                (i ? "," : "") + std::string("[\"") + ps[i].first + "\",\"" + ps[i].second + "\"]";
        }
        return json + "]}";
    }

    static std::vector<std::string> keys(const PathCell& route) {
        std::vector<std::string> out;
        for (Node v : cg::queries::routeNodes(inv_->view(), route))
            out.push_back(inv_->view().key(v));
        return out;
    }

    // A route must start and end where asked and follow relations the walk allows.
    static void expectValidRoute(const Walk& walk, const PathCell& route, Node from, Node to) {
        const GraphView& view = walk.view();
        ASSERT_EQ(route.start, from);
        Node at = from;
        for (const auto& step : route.steps) {
            ASSERT_TRUE(walk.allows(step.edge));
            Node tail = step.forward ? view.source(step.edge) : view.target(step.edge);
            ASSERT_EQ(tail, at);
            if (walk.directed()) {
                ASSERT_TRUE(step.forward || !view.directed(step.edge));
            }
            at = walk.stepEnd(step.edge, step.forward);
        }
        ASSERT_EQ(at, to);
    }

    static std::vector<std::vector<std::string>> pathList(const rapidjson::Value& list) {
        std::vector<std::vector<std::string>> out;
        for (const auto& p : list.GetArray()) {
            std::vector<std::string> path;
            for (const auto& k : p.GetArray()) path.emplace_back(k.GetString());
            out.push_back(path);
        }
        return out;
    }

    void compareShortest(bool directed, const std::vector<std::string>& relations) {
        auto ps = pairs(150, directed ? 11 : 12);
        std::string extra;
        if (!relations.empty()) {
            extra = R"(, "relations": [)";
            for (std::size_t i = 0; i < relations.size(); ++i)
                extra += (i ? ",\"" : "\"") + relations[i] + "\"";
            extra += "]";
        }
        auto answer = cg::testing::networkx(
            *inv_, pairsTask("paths", ps, directed, extra + R"(, "limit": 40)"));
        ASSERT_TRUE(answer.IsArray());
        Walk walk(inv_->view(), RelationSet::named(inv_->schema(), relations), directed);
        int reachable = 0;
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const auto& expected = answer[static_cast<rapidjson::SizeType>(i)];
            Node from = inv_->node(ps[i].first), to = inv_->node(ps[i].second);
            auto route = cg::queries::shortestRoute(walk, from, to);
            bool capped = false;
            auto all = cg::queries::allShortestRoutes(walk, from, to, 0, 40, capped);
            if (expected["dist"].IsNull()) {
                EXPECT_FALSE(route) << ps[i].first << " -> " << ps[i].second;
                EXPECT_TRUE(all.empty());
                continue;
            }
            ++reachable;
            auto dist = static_cast<std::size_t>(expected["dist"].GetInt());
            ASSERT_TRUE(route) << ps[i].first << " -> " << ps[i].second;
            EXPECT_EQ(route->steps.size(), dist) << ps[i].first << " -> " << ps[i].second;
            expectValidRoute(walk, *route, from, to);

            // Hop limits: the path is found with exactly its length allowed, not with one less.
            if (dist > 1) {
                EXPECT_FALSE(
                    cg::queries::shortestRoute(walk, from, to, static_cast<int>(dist) - 1));
                EXPECT_TRUE(cg::queries::shortestRoute(walk, from, to, static_cast<int>(dist)));
            }

            auto expectedAll = pathList(expected["all"]);
            std::set<std::vector<std::string>> got;
            for (const auto& r : all) {
                EXPECT_EQ(r.steps.size(), dist);
                expectValidRoute(walk, r, from, to);
                got.insert(keys(r));
            }
            EXPECT_EQ(got.size(), all.size()) << "routes repeat";
            if (expectedAll.size() > 40) {
                EXPECT_TRUE(capped);
                EXPECT_EQ(all.size(), 40u);
                for (const auto& k : got) EXPECT_EQ(k.size(), dist + 1);
            } else {
                EXPECT_FALSE(capped);
                EXPECT_EQ(
                    got, std::set<std::vector<std::string>>(expectedAll.begin(), expectedAll.end()))
                    << ps[i].first << " -> " << ps[i].second;
            }
        }
        EXPECT_GT(reachable, 20) << "the generated graph should connect many pairs";
    }

    static Investigation* inv_;
};

Investigation* PathsOnGeneratedGraph::inv_ = nullptr;

TEST_F(PathsOnGeneratedGraph, ShortestPathsMatchNetworkxIgnoringDirection) {
    CG_REQUIRE_NETWORKX();
    compareShortest(false, {});
}

TEST_F(PathsOnGeneratedGraph, ShortestPathsMatchNetworkxFollowingDirection) {
    CG_REQUIRE_NETWORKX();
    compareShortest(true, {});
}

TEST_F(PathsOnGeneratedGraph, ShortestPathsMatchNetworkxOverChosenRelations) {
    CG_REQUIRE_NETWORKX();
    compareShortest(false, {"owns", "director_of", "associate_of"});
}

TEST_F(PathsOnGeneratedGraph, MostCrediblePathsHaveTheNetworkxDijkstraCost) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        auto ps = pairs(60, directed ? 21 : 22);
        auto answer = cg::testing::networkx(*inv_, pairsTask("credible", ps, directed));
        ASSERT_TRUE(answer.IsArray());
        Walk walk(inv_->view(), RelationSet(), directed);
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const auto& expected = answer[static_cast<rapidjson::SizeType>(i)];
            Node from = inv_->node(ps[i].first), to = inv_->node(ps[i].second);
            auto route = cg::queries::mostCredibleRoute(walk, from, to);
            if (expected.IsNull()) {
                EXPECT_FALSE(route);
                continue;
            }
            ASSERT_TRUE(route) << ps[i].first << " -> " << ps[i].second;
            expectValidRoute(walk, *route, from, to);
            double cost = 0;
            for (const auto& s : route->steps)
                cost -= std::log(static_cast<double>(inv_->view().confidence(s.edge)));
            EXPECT_LE(cg::testing::relativeDifference(cost, expected.GetDouble()), 1e-9)
                << ps[i].first << " -> " << ps[i].second << ": " << cost << " vs "
                << expected.GetDouble();
        }
    }
}

TEST_F(PathsOnGeneratedGraph, SimplePathsMatchNetworkx) {
    CG_REQUIRE_NETWORKX();
    for (bool directed : {false, true}) {
        // Pairs a short random walk apart, so that each has simple paths within the cutoff.
        Walk walk(inv_->view(), RelationSet(), directed);
        std::mt19937_64 rng(directed ? 31 : 32);
        std::vector<std::pair<std::string, std::string>> ps;
        for (int attempt = 0; attempt < 1000 && ps.size() < 25; ++attempt) {
            Node from = static_cast<Node>(rng() % kNodes), at = from;
            for (int step = 0; step < 2 + static_cast<int>(rng() % 3); ++step) {
                std::vector<Node> next;
                walk.forEachStep(at, [&](cg::queries::Edge, Node w, bool) { next.push_back(w); });
                if (next.empty()) break;
                at = next[rng() % next.size()];
            }
            if (at != from) ps.emplace_back(inv_->view().key(from), inv_->view().key(at));
        }
        ASSERT_EQ(ps.size(), 25u);
        auto answer =
            cg::testing::networkx(*inv_, pairsTask("simple", ps, directed, R"(, "cutoff": 5)"));
        ASSERT_TRUE(answer.IsArray());
        for (std::size_t i = 0; i < ps.size(); ++i) {
            auto expected = pathList(answer[static_cast<rapidjson::SizeType>(i)]);
            Node from = inv_->node(ps[i].first), to = inv_->node(ps[i].second);
            bool capped = false;
            auto routes = cg::queries::simpleRoutes(walk, from, to, 5, 100000, capped);
            EXPECT_FALSE(capped);
            std::vector<std::vector<std::string>> got;
            std::size_t previous = 0;
            for (const auto& r : routes) {
                expectValidRoute(walk, r, from, to);
                EXPECT_GE(r.steps.size(), previous) << "shortest first";
                previous = r.steps.size();
                got.push_back(keys(r));
            }
            std::sort(got.begin(), got.end());
            EXPECT_EQ(got, expected) << ps[i].first << " -> " << ps[i].second;

            // A cap keeps the shortest ones.
            if (routes.size() > 3) {
                auto few = cg::queries::simpleRoutes(walk, from, to, 5, 3, capped);
                EXPECT_TRUE(capped);
                ASSERT_EQ(few.size(), 3u);
                for (std::size_t j = 0; j < 3; ++j)
                    EXPECT_EQ(few[j].steps.size(), routes[j].steps.size());
            }
        }
    }
}

TEST_F(PathsOnGeneratedGraph, QueryResultsCarryTheRouteAndItsSubgraph) {
    Walk walk(inv_->view(), RelationSet(), false);
    cg::queries::PathParams params;
    for (const auto& p : pairs(50, 41)) {
        params.from = inv_->entity(p.first);
        params.to = inv_->entity(p.second);
        auto result = cg::queries::shortestPath(inv_->view(), params);
        auto route = cg::queries::shortestRoute(walk, inv_->node(p.first), inv_->node(p.second));
        if (!route) {
            EXPECT_TRUE(result.table.rows.empty());
            EXPECT_FALSE(result.notes.empty());
            continue;
        }
        ASSERT_EQ(result.table.rows.size(), 1u);
        const auto& cell = std::get<PathCell>(result.table.rows[0][3]);
        EXPECT_EQ(std::get<std::int64_t>(result.table.rows[0][1]),
                  static_cast<std::int64_t>(route->steps.size()));
        EXPECT_EQ(cell.steps.size(), route->steps.size());
        EXPECT_EQ(result.subgraph.edges.size(), route->steps.size());
        EXPECT_EQ(result.subgraph.nodes.size(), route->steps.size() + 1);
        for (const auto& s : cell.steps) {
            EXPECT_TRUE(std::binary_search(result.subgraph.edges.begin(),
                                           result.subgraph.edges.end(), s.edge));
            EXPECT_FALSE(inv_->store().claimsOfRelation(inv_->view().relationId(s.edge)).empty());
        }
    }
}

TEST_F(PathsOnGeneratedGraph, UnknownRelationTypeIsAQueryError) {
    cg::queries::PathParams params;
    params.from = inv_->entity("n1");
    params.to = inv_->entity("n2");
    params.relations = {"ownz"};
    try {
        cg::queries::shortestPath(inv_->view(), params);
        FAIL() << "expected a QueryError";
    } catch (const cg::QueryError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown relation type 'ownz'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("owns"), std::string::npos);
    }
}

TEST_F(PathsOnGeneratedGraph, SimplePathsNeedAHopLimit) {
    cg::queries::PathParams params;
    params.from = inv_->entity("n1");
    params.to = inv_->entity("n2");
    EXPECT_THROW(cg::queries::simplePaths(inv_->view(), params), cg::QueryError);
}

}  // namespace
