// SPDX-License-Identifier: MIT
// What connection queries follow by default (issue 16, point 1) and how routes read (point 2),
// on a small hand-made investigation: tests/data/claims/connections.claims.jsonl.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "queries/all_shortest_paths.hpp"
#include "queries/best_shortest_route.hpp"
#include "queries/centrality.hpp"
#include "queries/components.hpp"
#include "queries/most_credible_path.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/shortest_path.hpp"
#include "queries/simple_paths.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::graph::RelationKind;
using cg::queries::PathCell;
using cg::queries::PathParams;
using cg::queries::QueryResult;
using cg::queries::RelationSet;
using cg::testing::Investigation;

namespace {

class Connections : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        inv_ = new Investigation(CG_TEST_DATA "/claims/connections.claims.jsonl");
    }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }

    static PathParams params(const std::string& from, const std::string& to) {
        PathParams p;
        p.from = inv_->entity(from);
        p.to = inv_->entity(to);
        return p;
    }

    // The entity ids along the route in a result row.
    static std::vector<std::string> routeKeys(const QueryResult& r, std::size_t row = 0) {
        std::vector<std::string> out;
        const auto& route = std::get<PathCell>(r.table.rows.at(row).at(3));
        for (auto v : cg::queries::routeNodes(inv_->view(), route))
            out.push_back(inv_->view().key(v));
        return out;
    }

    static std::string routeText(const QueryResult& r, std::size_t row = 0) {
        return cg::queries::cellText(inv_->view(), r.table.rows.at(row).at(3));
    }

    static Investigation* inv_;
};

Investigation* Connections::inv_ = nullptr;

using Keys = std::vector<std::string>;

TEST_F(Connections, DefaultFollowsEveryKindButLocationAndMention) {
    const auto& schema = inv_->schema();
    RelationSet set = RelationSet::connections(schema, {}, false);
    for (std::size_t i = 0; i < schema.relationTypes().size(); ++i) {
        auto kind = schema.relationTypes()[i].kind;
        bool expected = kind != RelationKind::Location && kind != RelationKind::Mention;
        EXPECT_EQ(set.contains(static_cast<std::uint8_t>(i)), expected)
            << schema.relationTypes()[i].name;
    }
    EXPECT_FALSE(set.all());
    EXPECT_NE(set.endOnlyTypes(), 0u);
    RelationSet viaPlaces = RelationSet::connections(schema, {}, true);
    for (std::size_t i = 0; i < schema.relationTypes().size(); ++i) {
        EXPECT_EQ(viaPlaces.contains(static_cast<std::uint8_t>(i)),
                  schema.relationTypes()[i].kind != RelationKind::Mention)
            << schema.relationTypes()[i].name;
    }
    EXPECT_EQ(viaPlaces.endOnlyTypes(), 0u);
}

TEST_F(Connections, NamingALocationRelationLetsRoutesThroughPlaces) {
    const auto& schema = inv_->schema();
    EXPECT_EQ(RelationSet::connections(schema, {"located_in"}, false).endOnlyTypes(), 0u);
    EXPECT_NE(RelationSet::connections(schema, {"owns", "linked_to"}, false).endOnlyTypes(), 0u);
    EXPECT_THROW(RelationSet::connections(schema, {"ownz"}, false), cg::QueryError);
}

TEST_F(Connections, TwoEntitiesAreNotLinkedThroughAPlaceAPostOrAMention) {
    // Ada and Harrow Shipping share a country (located_in / registered_at), a province (two
    // linked_to to a Place, through Dara), a post (Dara) and an outlet that reported on both.
    auto r = cg::queries::shortestPath(inv_->view(), params("p-ada", "c-harrow"));
    EXPECT_TRUE(r.table.rows.empty()) << routeText(r);
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_EQ(r.notes[0], "no path");
    auto dara = cg::queries::shortestPath(inv_->view(), params("p-ada", "p-dara"));
    EXPECT_TRUE(dara.table.rows.empty()) << routeText(dara);
    EXPECT_TRUE(cg::queries::mostCrediblePath(inv_->view(), params("p-ada", "c-harrow"))
                    .table.rows.empty());
    PathParams simple = params("p-ada", "c-harrow");
    simple.maxHops = 6;
    EXPECT_TRUE(cg::queries::simplePaths(inv_->view(), simple).table.rows.empty());
    EXPECT_TRUE(cg::queries::allShortestPaths(inv_->view(), simple).table.rows.empty());
}

TEST_F(Connections, APlaceOrAPostMayEndARoute) {
    auto post = cg::queries::shortestPath(inv_->view(), params("p-ada", "pos-ports"));
    ASSERT_EQ(post.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(post), (Keys{"p-ada", "pos-ports"}));
    auto place = cg::queries::shortestPath(inv_->view(), params("p-dara", "pl-kestrel"));
    ASSERT_EQ(place.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(place), (Keys{"p-dara", "pl-kestrel"}));
    // ... and start one.
    auto back = cg::queries::mostCrediblePath(inv_->view(), params("pl-kestrel", "p-dara"));
    ASSERT_EQ(back.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(back), (Keys{"pl-kestrel", "p-dara"}));
}

TEST_F(Connections, ViaPlacesFollowsLocationRelationsThroughPlacesAndPosts) {
    auto p = params("p-ada", "c-harrow");
    p.viaPlaces = true;
    auto r = cg::queries::shortestPath(inv_->view(), p);
    ASSERT_EQ(r.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(r), (Keys{"p-ada", "pl-norvania", "c-harrow"}));
    auto d = params("p-ada", "p-dara");
    d.viaPlaces = true;
    auto dara = cg::queries::shortestPath(inv_->view(), d);
    ASSERT_EQ(dara.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(dara), (Keys{"p-ada", "pos-ports", "p-dara"}));
}

TEST_F(Connections, NamedRelationsAreFollowedExactlyEvenMentions) {
    auto p = params("p-ada", "c-harrow");
    p.relations = {"located_in", "registered_at"};
    auto places = cg::queries::shortestPath(inv_->view(), p);
    ASSERT_EQ(places.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(places), (Keys{"p-ada", "pl-norvania", "c-harrow"}));
    p.relations = {"reported_on"};
    auto mention = cg::queries::shortestPath(inv_->view(), p);
    ASSERT_EQ(mention.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(mention), (Keys{"p-ada", "o-lantern", "c-harrow"}));
    EXPECT_NE(routeText(mention).find("reported_on [0.90, mention]"), std::string::npos)
        << routeText(mention);
}

TEST_F(Connections, AViewBuiltForLocationRelationsIsWalkedThroughPlaces) {
    Investigation inv(CG_TEST_DATA "/claims/connections.claims.jsonl");
    cg::graph::ViewFilter filter;
    filter.relationTypes = {"located_in", "registered_at"};
    inv.rebuild(filter);
    PathParams p;
    p.from = inv.entity("p-ada");
    p.to = inv.entity("c-harrow");
    auto r = cg::queries::shortestPath(inv.view(), p);
    ASSERT_EQ(r.table.rows.size(), 1u);
    EXPECT_EQ(std::get<std::int64_t>(r.table.rows[0][1]), 2);
}

TEST_F(Connections, AmongRoutesOfOneLengthTheMostCredibleWins) {
    // Two 3-hop routes from Ada to the casino: through Eli (0.5, a weak and disputed link,
    // 0.5), stored first, and through Bram (0.9 x 0.9 x 0.9).
    auto r = cg::queries::shortestPath(inv_->view(), params("p-ada", "f-casino"));
    ASSERT_EQ(r.table.rows.size(), 1u);
    EXPECT_EQ(routeKeys(r), (Keys{"p-ada", "p-bram", "c-cobalt", "f-casino"}));
    EXPECT_NEAR(std::get<double>(r.table.rows[0][2]), 0.729, 1e-9);

    auto all = cg::queries::allShortestPaths(inv_->view(), params("p-ada", "f-casino"));
    ASSERT_EQ(all.table.rows.size(), 2u);
    EXPECT_EQ(std::get<std::int64_t>(all.table.rows[0][0]), 1);
    EXPECT_EQ(std::get<std::int64_t>(all.table.rows[1][0]), 2);
    EXPECT_EQ(routeKeys(all, 0), (Keys{"p-ada", "p-bram", "c-cobalt", "f-casino"}));
    EXPECT_EQ(routeKeys(all, 1), (Keys{"p-ada", "p-eli", "c-dune", "f-casino"}));
    EXPECT_GT(std::get<double>(all.table.rows[0][2]), std::get<double>(all.table.rows[1][2]));
}

TEST_F(Connections, EqualCredibilityGoesToTheLowerRelationIds) {
    // A square of four relations of one confidence, stored in the order n0-n2, n0-n1, n1-n3,
    // n2-n3: the route through n2 reads relations (1, 4), the one through n1 (2, 3), so the
    // one through n2 wins, although a search that meets at the first relation into n3 it
    // scans (n1's, stored at the lower edge) would take n1.
    std::vector<cg::testing::GenEdge> edges = {{0, 2, "owns", 0.8, {}},
                                               {0, 1, "owns", 0.8, {}},
                                               {1, 3, "owns", 0.8, {}},
                                               {2, 3, "owns", 0.8, {}}};
    Investigation square(4, edges);
    PathParams p;
    p.from = square.entity("n0");
    p.to = square.entity("n3");
    auto throughFirstHop = [&](const QueryResult& r, std::size_t row) {
        const auto& route = std::get<PathCell>(r.table.rows.at(row).at(3));
        EXPECT_EQ(route.steps.size(), 2u);
        return square.view().key(square.view().target(route.steps.at(0).edge));
    };
    auto r = cg::queries::shortestPath(square.view(), p);
    ASSERT_EQ(r.table.rows.size(), 1u);
    EXPECT_EQ(throughFirstHop(r, 0), "n2");
    auto all = cg::queries::allShortestPaths(square.view(), p);
    ASSERT_EQ(all.table.rows.size(), 2u);
    EXPECT_EQ(throughFirstHop(all, 0), "n2");
    EXPECT_EQ(throughFirstHop(all, 1), "n1");
}

TEST_F(Connections, EveryHopSaysItsConfidenceAndWhetherItIsWeakOrDisputed) {
    auto all = cg::queries::allShortestPaths(inv_->view(), params("p-ada", "f-casino"));
    ASSERT_EQ(all.table.rows.size(), 2u);
    std::string best = routeText(all, 0);
    EXPECT_EQ(best,
              "Ada Quill -family_of [0.90]- Bram Quill -director_of [0.90]-> Cobalt Ltd -owns 60% "
              "[0.90]-> Harbour Casino");
    std::string weak = routeText(all, 1);
    const auto& view = inv_->view();
    const auto& route = std::get<PathCell>(all.table.rows[1][3]);
    ASSERT_EQ(route.steps.size(), 3u);
    auto linked = route.steps[1].edge;
    EXPECT_EQ(view.relationTypeOf(linked).name, "linked_to");
    EXPECT_TRUE(view.disputed(linked));
    EXPECT_TRUE(cg::queries::weakHop(view, linked));
    EXPECT_FALSE(cg::queries::weakHop(view, route.steps[0].edge));
    EXPECT_NE(weak.find("Eli Marsh -linked_to [" + cg::queries::hopText(view, linked).substr(1)),
              std::string::npos)
        << weak;
    EXPECT_NE(weak.find(", weak, disputed]- Dune Holdings"), std::string::npos) << weak;
    EXPECT_NE(weak.find("Dune Holdings -operates [0.50]-> Harbour Casino"), std::string::npos)
        << weak;
}

TEST_F(Connections, NeighboursListAPostButDoNotGoThroughIt) {
    cg::queries::NeighbourhoodParams p;
    p.entity = inv_->entity("p-ada");
    p.hops = 2;
    auto r = cg::queries::neighbourhood(inv_->view(), p);
    std::set<std::string> found;
    for (const auto& row : r.table.rows)
        found.insert(inv_->view().key(std::get<cg::queries::EntityCell>(row[0]).node));
    EXPECT_EQ(found, (std::set<std::string>{"p-ada", "p-eli", "p-bram", "pos-ports", "c-dune",
                                            "c-cobalt"}));
    p.viaPlaces = true;
    auto wide = cg::queries::neighbourhood(inv_->view(), p);
    std::set<std::string> wider;
    for (const auto& row : wide.table.rows)
        wider.insert(inv_->view().key(std::get<cg::queries::EntityCell>(row[0]).node));
    EXPECT_TRUE(wider.count("p-dara"));
    EXPECT_TRUE(wider.count("pl-norvania"));
    EXPECT_TRUE(wider.count("c-harrow"));
    EXPECT_FALSE(wider.count("o-lantern"));  // a mention, never followed unless named
}

TEST_F(Connections, ComponentsAreNotJoinedByPlacesPostsOrMentions) {
    cg::queries::ComponentParams p;
    auto r = cg::queries::components(inv_->view(), p);
    ASSERT_EQ(r.table.rows.size(), 1u);
    EXPECT_EQ(std::get<std::int64_t>(r.table.rows[0][1]), 6);
    p.viaPlaces = true;
    auto wide = cg::queries::components(inv_->view(), p);
    ASSERT_EQ(wide.table.rows.size(), 1u);
    EXPECT_EQ(std::get<std::int64_t>(wide.table.rows[0][1]), 11);  // all but the outlet
    p.viaPlaces = false;
    p.strong = true;
    // Ada -occupies-> post <-occupies- Dara and back would be a cycle only through the post.
    auto strong = cg::queries::components(inv_->view(), p);
    for (const auto& row : strong.table.rows) {
        std::string members = std::get<std::string>(row[2]);
        EXPECT_EQ(members.find("Minister of Ports"), std::string::npos) << members;
    }
}

TEST_F(Connections, CentralityGivesPlacesAndPostsNoLinks) {
    cg::queries::CentralityParams p;
    p.top = 0;
    auto degree = cg::queries::centralityScores(inv_->view(), p, nullptr);
    EXPECT_EQ(degree[inv_->node("pos-ports")], 0.0);
    EXPECT_EQ(degree[inv_->node("pl-norvania")], 0.0);
    EXPECT_EQ(degree[inv_->node("p-dara")], 0.0);
    EXPECT_GT(degree[inv_->node("p-ada")], 0.0);
    p.viaPlaces = true;
    auto wide = cg::queries::centralityScores(inv_->view(), p, nullptr);
    EXPECT_GT(wide[inv_->node("pos-ports")], 0.0);
    p.metric = cg::queries::CentralityMetric::Betweenness;
    p.viaPlaces = false;
    auto between = cg::queries::centralityScores(inv_->view(), p, nullptr);
    EXPECT_EQ(between[inv_->node("pos-ports")], 0.0);
}

}  // namespace
