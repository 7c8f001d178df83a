// SPDX-License-Identifier: MIT
#include "export/provenance.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "export/exported_graph.hpp"
#include "graph/provenance_scan.hpp"
#include "tests/export/export_fixture.hpp"

using cg::exporters::DayInterval;
using cg::exporters::ExportedGraph;
using cg::exporters::Provenance;
using cg::exporters::testing::hostileFile;
using cg::exporters::testing::Investigation;

namespace {

std::vector<std::pair<int, int>> merged(std::vector<DayInterval> in) {
    std::vector<std::pair<int, int>> out;
    for (const auto& r : Provenance::mergeIntervals(std::move(in))) out.emplace_back(r.from, r.to);
    return out;
}

std::vector<std::string> sourceKeys(const ExportedGraph& g,
                                    std::span<const std::uint32_t> sources) {
    std::vector<std::string> keys;
    for (auto s : sources) keys.push_back(g.sourceKey(s));
    return keys;
}

}  // namespace

TEST(MergeIntervals, KeepsDisjointIntervalsApartInOrder) {
    EXPECT_EQ(merged({{20150601, 0}, {20100101, 20121231}}),
              (std::vector<std::pair<int, int>>{{20100101, 20121231}, {20150601, 0}}));
}

TEST(MergeIntervals, JoinsOverlappingAndAdjoiningIntervals) {
    EXPECT_EQ(merged({{20100101, 20111231}, {20110601, 20121231}, {20130101, 20130630}}),
              (std::vector<std::pair<int, int>>{{20100101, 20130630}}));
    EXPECT_EQ(merged({{20120201, 20120228}, {20120301, 20120310}}),
              (std::vector<std::pair<int, int>>{{20120201, 20120228}, {20120301, 20120310}}))
        << "2012 is a leap year: 28 February and 1 March do not adjoin";
    EXPECT_EQ(merged({{20120201, 20120229}, {20120301, 20120310}}),
              (std::vector<std::pair<int, int>>{{20120201, 20120310}}));
}

TEST(MergeIntervals, AnOpenEndSwallowsWhatFollows) {
    EXPECT_EQ(merged({{20100101, 0}, {20150101, 20160101}}),
              (std::vector<std::pair<int, int>>{{20100101, 0}}));
    EXPECT_EQ(merged({{0, 20100101}, {20050101, 20120101}}),
              (std::vector<std::pair<int, int>>{{0, 20120101}}));
}

TEST(MergeIntervals, AnUndatedClaimMeansNoLimit) {
    EXPECT_TRUE(merged({{20100101, 20111231}, {0, 0}}).empty());
    EXPECT_TRUE(merged({}).empty());
}

TEST(Provenance, GivesAnEdgeItsSourcesAndInterruptedIntervals) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    ExportedGraph g({view, inv.store()});
    bool found = false;
    for (std::size_t i = 0; i < g.edgeCount(); ++i) {
        auto e = g.edge(i);
        if (e.sourceKey != "hx-banker" || e.targetKey != "=evil-id" || e.type->name != "owns")
            continue;
        found = true;
        EXPECT_EQ(sourceKeys(g, e.sources), (std::vector<std::string>{"hx-leak", "hx-registry"}));
        EXPECT_EQ(e.firstSeen, "2023-02-01");
        EXPECT_EQ(e.lastSeen, "2024-07-15");
        ASSERT_EQ(e.intervals.size(), 2u);
        EXPECT_EQ(e.intervals[0].from, 20100101);
        EXPECT_EQ(e.intervals[0].to, 20121231);
        EXPECT_EQ(e.intervals[1].from, 20150601);
        EXPECT_EQ(e.intervals[1].to, 0);
    }
    EXPECT_TRUE(found);
}

TEST(Provenance, GivesANodeEverySourceThatNamesIt) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    ExportedGraph g({view, inv.store()});
    int seen = 0;
    for (std::size_t i = 0; i < g.nodeCount(); ++i) {
        auto n = g.node(i);
        if (n.key == "hx-banker") {
            ++seen;
            EXPECT_EQ(sourceKeys(g, n.sources),
                      (std::vector<std::string>{"hx-leak", "hx-registry", "hx-undated"}));
            EXPECT_FLOAT_EQ(n.confidence, 0.9f);
            EXPECT_TRUE(n.disputed) << "a denial names the banker";
            EXPECT_EQ(n.firstSeen, "2023-02-01") << "the undated source gives no date";
            EXPECT_EQ(n.lastSeen, "2024-07-15");
        } else if (n.key == "hx-lonely") {
            ++seen;
            EXPECT_EQ(sourceKeys(g, n.sources), (std::vector<std::string>{"hx-leak"}));
            EXPECT_FALSE(n.disputed);
        } else if (n.key == "hx-ctrl") {
            ++seen;
            EXPECT_FALSE(n.disputed);
            EXPECT_FLOAT_EQ(n.confidence, 0.8f);
        }
    }
    EXPECT_EQ(seen, 3);
}

TEST(Provenance, FollowsTheSelectionOfASubgraph) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    ASSERT_GT(view.edgeCount(), 2u);
    cg::graph::Subgraph part;
    part.edges = {view.edgeCount() - 1};
    ExportedGraph whole({view, inv.store()});
    ExportedGraph g({view, inv.store(), &part});
    ASSERT_EQ(g.edgeCount(), 1u);
    ASSERT_EQ(g.nodeCount(), view.source(part.edges[0]) == view.target(part.edges[0]) ? 1u : 2u);
    auto e = g.edge(0);
    auto w = whole.edge(view.edgeCount() - 1);
    EXPECT_EQ(e.relation, w.relation);
    EXPECT_EQ(sourceKeys(g, e.sources), sourceKeys(whole, w.sources));
}

TEST(Provenance, GivesAMergedEntitysClaimsToTheEntityItWasMergedInto) {
    Investigation inv({hostileFile()});
    auto& store = inv.store();
    auto lonely = store.entityByKey("hx-lonely");
    auto ctrl = store.entityByKey("hx-ctrl");
    ASSERT_TRUE(lonely && ctrl);
    store.setMergedInto(*ctrl, *lonely);
    auto view = inv.view();
    ExportedGraph g({view, store});
    int seen = 0;
    for (std::size_t i = 0; i < g.nodeCount(); ++i) {
        auto n = g.node(i);
        EXPECT_NE(n.key, "hx-ctrl") << "merged away, so no node of its own";
        if (n.key != "hx-lonely") continue;
        ++seen;
        EXPECT_EQ(sourceKeys(g, n.sources), (std::vector<std::string>{"hx-leak", "hx-registry"}))
            << "hx-registry named only hx-ctrl";
    }
    EXPECT_EQ(seen, 1);
}

TEST(Provenance, ReadAheadOfTheViewGivesTheSameBytes) {
    // The command line reads the claims' provenance on a second connection while it builds
    // the view, and hands it to the writer; every format must come out the same.
    Investigation inv({hostileFile()});
    auto view = inv.view();
    cg::graph::Store second(inv.dir().file("test.claimgraph"), false);
    auto claims = cg::graph::readClaimProvenance(second);
    EXPECT_GT(claims.memoryBytes(), 0u);
    for (std::string format : {"graphml", "gexf", "json", "cytoscape", "ftm"}) {
        std::ostringstream own, preloaded;
        cg::exporters::makeWriter(format)->write({view, inv.store()}, own);
        cg::exporters::makeWriter(format)->write({view, inv.store(), nullptr, &claims}, preloaded);
        EXPECT_EQ(own.str(), preloaded.str()) << format;
        EXPECT_FALSE(own.str().empty()) << format;
    }
}

TEST(ClaimProvenance, IndexesSourcesByEntityAndRelationId) {
    Investigation inv({hostileFile()});
    auto& store = inv.store();
    auto claims = cg::graph::readClaimProvenance(store);
    auto banker = store.entityByKey("hx-banker");
    ASSERT_TRUE(banker);
    auto sources = claims.entitySources(*banker);
    EXPECT_EQ(sources.size(), 3u) << "hx-leak, hx-registry, hx-undated, each once";
    EXPECT_TRUE(std::is_sorted(sources.begin(), sources.end()));
    EXPECT_TRUE(std::adjacent_find(sources.begin(), sources.end()) == sources.end());
    EXPECT_TRUE(claims.entityDenied(*banker));
    // Ids no claim names, and ids beyond the store's, have nothing rather than failing.
    EXPECT_TRUE(claims.entitySources(0).empty());
    EXPECT_TRUE(claims.entitySources(-5).empty());
    EXPECT_TRUE(claims.entitySources(1'000'000).empty());
    EXPECT_FLOAT_EQ(claims.entityConfidence(1'000'000), 0.0f);
    EXPECT_FALSE(claims.entityDenied(1'000'000));
    EXPECT_TRUE(claims.relationSources(1'000'000).empty());
    EXPECT_TRUE(claims.relationValidity(1'000'000).empty());
}

TEST(ClaimProvenance, KeepsEachClaimsOwnDatesAsGivenEvenWhenPartial) {
    Investigation inv({hostileFile()});
    auto& store = inv.store();
    auto claims = cg::graph::readClaimProvenance(
        store, cg::exporters::exportProvenanceOptions(cg::exporters::EvidenceLevel::Full));
    auto banker = store.entityByKey("hx-banker");
    ASSERT_TRUE(banker);
    auto view = inv.view();
    std::map<std::string, std::pair<std::string, std::string>> dates;
    for (cg::graph::GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
        if (view.key(view.source(e)) != "hx-banker" || view.key(view.target(e)) != "=evil-id")
            continue;
        for (const auto& c : claims.relationClaims(view.relationId(e))) {
            dates[std::string(claims.text(c.key))] = {std::string(claims.text(c.validFrom)),
                                                      std::string(claims.text(c.validTo))};
        }
    }
    EXPECT_EQ(dates["hx-01"], (std::pair<std::string, std::string>{"2010-01-01", "2012-12-31"}));
    EXPECT_EQ(dates["hx-02"], (std::pair<std::string, std::string>{"2015-06", ""}));
}
