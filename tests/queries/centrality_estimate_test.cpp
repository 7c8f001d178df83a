// SPDX-License-Identifier: MIT
// The time an exact centrality will take, estimated before it starts (issue 23, point 5).
#include "queries/centrality_estimate.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/queries/query_fixture.hpp"

using cg::queries::CentralityMetric;
using cg::queries::CentralityParams;
using cg::queries::durationText;
using cg::queries::estimateCentrality;
using cg::testing::GenEdge;
using cg::testing::Investigation;

namespace {

// 300 companies in a ring with chords: 300 entities, 600 relations.
std::vector<GenEdge> ringWithChords() {
    std::vector<GenEdge> out;
    for (int i = 0; i < 300; ++i) {
        out.push_back({i, (i + 1) % 300, "associate_of", 1.0, {}});
        out.push_back({i, (i + 7) % 300, "associate_of", 1.0, {}});
    }
    return out;
}

class CentralityEstimate : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { inv_ = new Investigation(300, ringWithChords()); }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }
    static CentralityParams measure(CentralityMetric metric) {
        CentralityParams p;
        p.metric = metric;
        p.threads = 1;
        return p;
    }
    static Investigation* inv_;
};

Investigation* CentralityEstimate::inv_ = nullptr;

TEST_F(CentralityEstimate, CountsOneSearchPerEntityOverEveryRelation) {
    auto exact = estimateCentrality(inv_->view(), measure(CentralityMetric::Betweenness));
    ASSERT_TRUE(exact);
    EXPECT_EQ(exact->searches, 300u);
    // Below 10k entities the 10k constant applies: 300 searches × 600 relations × 1.07e-8 s.
    EXPECT_NEAR(exact->seconds, 300 * 600 * 1.07e-8, 1e-9);
    auto params = measure(CentralityMetric::Betweenness);
    params.samples = 30;
    auto sampled = estimateCentrality(inv_->view(), params);
    ASSERT_TRUE(sampled);
    EXPECT_EQ(sampled->searches, 30u);
    EXPECT_NEAR(sampled->seconds, exact->seconds / 10, 1e-12);
    EXPECT_EQ(sampled->samples, 0u);  // a sampled run suggests no other sample
}

TEST_F(CentralityEstimate, SuggestsASampleForExactBetweennessOnly) {
    auto exact = estimateCentrality(inv_->view(), measure(CentralityMetric::Betweenness));
    ASSERT_TRUE(exact);
    EXPECT_EQ(exact->samples, 100u);  // at least 100 sources, fewer than the entities
    EXPECT_NEAR(exact->sampleSeconds, exact->seconds / 3, 1e-12);
    auto closeness = estimateCentrality(inv_->view(), measure(CentralityMetric::Closeness));
    ASSERT_TRUE(closeness);
    EXPECT_EQ(closeness->samples, 0u);
    EXPECT_LT(closeness->seconds, exact->seconds);
    EXPECT_TRUE(estimateCentrality(inv_->view(), measure(CentralityMetric::Harmonic)));
    EXPECT_FALSE(estimateCentrality(inv_->view(), measure(CentralityMetric::Degree)));
    EXPECT_FALSE(estimateCentrality(inv_->view(), measure(CentralityMetric::PageRank)));
    EXPECT_FALSE(estimateCentrality(inv_->view(), measure(CentralityMetric::Eigenvector)));
}

TEST_F(CentralityEstimate, WarningNamesTheMeasureTheGraphTheTimeAndWhatIsFaster) {
    auto p = measure(CentralityMetric::Betweenness);
    auto e = estimateCentrality(inv_->view(), p);
    ASSERT_TRUE(e);
    e->seconds = 7200;
    e->sampleSeconds = 4;
    EXPECT_EQ(cg::queries::centralityWarning(inv_->view(), p, *e),
              "exact betweenness over 300 entities and 600 relations will take about 2 h 0 min; "
              "--samples 100 estimates it in about 4 s");
    auto h = measure(CentralityMetric::Harmonic);
    auto eh = estimateCentrality(inv_->view(), h);
    ASSERT_TRUE(eh);
    eh->seconds = 45;
    EXPECT_EQ(cg::queries::centralityWarning(inv_->view(), h, *eh),
              "exact harmonic closeness over 300 entities and 600 relations will take about 45 s; "
              "a narrower view (--relations, --types, --as-of) takes less");
}

TEST(DurationText, SaysSecondsMinutesHoursOrDays) {
    EXPECT_EQ(durationText(0.2), "less than 1 s");
    EXPECT_EQ(durationText(40), "40 s");
    EXPECT_EQ(durationText(720), "12 min");
    EXPECT_EQ(durationText(3 * 3600 + 5 * 60), "3 h 5 min");
    EXPECT_EQ(durationText(52 * 3600), "2 days 4 h");
}

}  // namespace
