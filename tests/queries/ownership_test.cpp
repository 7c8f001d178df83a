// SPDX-License-Identifier: MIT
// Ownership tracing and circular ownership against networkx on a generated ownership web.
#include "queries/ownership.hpp"

#include <gtest/gtest.h>

#include <set>

#include "queries/cycles.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::Node;
using cg::queries::RelationSet;
using cg::testing::GenEdge;
using cg::testing::Investigation;

namespace {

constexpr int kNodes = 2000;

// Shaped like a corporate registry: each company owned by up to three earlier ones nearby,
// some control links with and without shares, and a few holdings that point back up the
// chain, which close ownership cycles.
std::vector<GenEdge> ownershipWeb(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    auto share = [&]() -> std::optional<std::pair<double, double>> {
        switch (pick(4)) {
            case 0: {
                double s = 1 + pick(100);
                return std::make_pair(s, s);
            }
            case 1:
            case 2: {
                double lo = pick(50);
                return std::make_pair(lo, lo + 1 + pick(50));
            }
            default:
                return std::nullopt;
        }
    };
    std::vector<GenEdge> out;
    for (int i = 1; i < kNodes; ++i) {
        int owners = pick(4);
        for (int k = 0; k < owners; ++k) {
            int j = std::max(0, i - 1 - pick(12));
            out.push_back({j, i, "owns", 0.5 + pick(50) / 100.0, share()});
        }
        if (pick(6) == 0) {
            int j = std::max(0, i - 1 - pick(12));
            GenEdge e{j, i, "controls", 0.9, std::nullopt};
            if (pick(2)) e.share = share();
            out.push_back(e);
        }
        if (pick(12) == 0 && i > 5) out.push_back({i, i - 1 - pick(5), "owns", 0.7, share()});
        int board = pick(kNodes);
        if (pick(10) == 0 && board != i)
            out.push_back({i, board, "director_of", 0.8, std::nullopt});
    }
    return out;
}

class OwnershipWeb : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { inv_ = new Investigation(kNodes, ownershipWeb(9)); }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }

    void compare(bool upwards) {
        std::vector<std::string> targets;
        for (int i = 0; i < 25; ++i)
            targets.push_back("n" + std::to_string(upwards ? kNodes - 1 - i * 37 : i * 41));
        std::string task =
            std::string(
                R"({"task": "ownership", "relations": ["owns", "controls"], "max_depth": 6, )") +
            R"("upwards": )" + (upwards ? "true" : "false") + R"(, "targets": [)";
        for (std::size_t i = 0; i < targets.size(); ++i)
            task += (i ? ",\"" : "\"") + targets[i] + "\"";
        auto answer = cg::testing::networkx(*inv_, task + "]}");
        ASSERT_TRUE(answer.IsObject());
        cg::queries::OwnershipParams params;
        params.maxDepth = 6;
        std::size_t figures = 0, unknown = 0, multiChain = 0;
        for (const auto& t : targets) {
            auto trace = cg::queries::traceOwnership(inv_->view(), inv_->node(t), upwards, params);
            EXPECT_FALSE(trace.chainsCapped);
            const auto& expected = answer[t.c_str()];
            ASSERT_EQ(trace.figures.size(), expected.MemberCount()) << t;
            for (const auto& f : trace.figures) {
                std::string key = inv_->view().key(f.other);
                ASSERT_TRUE(expected.HasMember(key.c_str())) << t << " " << key;
                const auto& e = expected[key.c_str()];
                EXPECT_NEAR(f.min, e[0].GetDouble(), 1e-9) << t << " " << key;
                EXPECT_NEAR(f.max, e[1].GetDouble(), 1e-9) << t << " " << key;
                EXPECT_EQ(f.chains, e[2].GetUint()) << t << " " << key;
                EXPECT_EQ(f.unknownChains, e[3].GetUint()) << t << " " << key;
                EXPECT_EQ(f.minHops, e[4].GetUint()) << t << " " << key;
                EXPECT_LE(f.min, f.max);
                ++figures;
                unknown += f.unknownChains > 0;
                multiChain += f.chains > 1;
                // Each chain behind a figure starts at the upper entity and ends at the lower one.
                for (auto id : f.chainIds) {
                    const auto route = cg::queries::chainRoute(trace, id);
                    EXPECT_EQ(route.steps.size(), trace.chains[id].hops);
                    auto nodes = cg::queries::routeNodes(inv_->view(), route);
                    EXPECT_EQ(nodes.front(), upwards ? f.other : inv_->node(t));
                    EXPECT_EQ(nodes.back(), upwards ? inv_->node(t) : f.other);
                    EXPECT_EQ(std::set<Node>(nodes.begin(), nodes.end()).size(), nodes.size())
                        << "simple chain";
                }
            }
        }
        EXPECT_GT(figures, 100u);
        EXPECT_GT(unknown, 10u) << "some chains should have links of unknown share";
        EXPECT_GT(multiChain, 10u) << "some owners should hold through several chains";
    }

    static Investigation* inv_;
};

Investigation* OwnershipWeb::inv_ = nullptr;

TEST_F(OwnershipWeb, OwnersMatchChainsEnumeratedByNetworkx) {
    CG_REQUIRE_NETWORKX();
    compare(true);
}

TEST_F(OwnershipWeb, HoldingsMatchChainsEnumeratedByNetworkx) {
    CG_REQUIRE_NETWORKX();
    compare(false);
}

TEST_F(OwnershipWeb, CyclesMatchNetworkx) {
    CG_REQUIRE_NETWORKX();
    auto answer = cg::testing::networkx(
        *inv_, R"({"task": "cycles", "relations": ["owns", "controls"], "limit": 100000})");
    ASSERT_TRUE(answer.IsArray());
    // Both sides as rotations starting from the lowest key.
    auto canonical = [](std::vector<std::string> c) {
        std::rotate(c.begin(), std::min_element(c.begin(), c.end()), c.end());
        return c;
    };
    std::set<std::vector<std::string>> expected;
    for (const auto& c : answer.GetArray()) {
        std::vector<std::string> keys;
        for (const auto& k : c.GetArray()) keys.emplace_back(k.GetString());
        expected.insert(canonical(keys));
    }
    bool capped = true;
    auto cycles = cg::queries::simpleCycles(
        inv_->view(), RelationSet::named(inv_->schema(), {"owns", "controls"}), 100000, capped);
    EXPECT_FALSE(capped);
    std::set<std::vector<std::string>> got;
    for (const auto& c : cycles) {
        std::vector<std::string> keys;
        for (Node v : c) keys.push_back(inv_->view().key(v));
        got.insert(canonical(keys));
    }
    EXPECT_EQ(got.size(), cycles.size()) << "cycles repeat";
    EXPECT_EQ(got, expected);
    EXPECT_GT(expected.size(), 5u) << "the web should hold some cycles";

    bool cut = false;
    auto few = cg::queries::simpleCycles(inv_->view(), RelationSet::named(inv_->schema(), {"owns"}),
                                         3, cut);
    EXPECT_EQ(few.size(), 3u);
    EXPECT_TRUE(cut);
}

TEST_F(OwnershipWeb, ThresholdAppliesToTheUpperBound) {
    cg::queries::OwnershipParams params;
    params.entity = inv_->entity("n" + std::to_string(kNodes - 1));
    params.maxDepth = 6;
    params.threshold = 0;
    auto all = cg::queries::owners(inv_->view(), params);
    params.threshold = 25;
    auto above = cg::queries::owners(inv_->view(), params);
    ASSERT_GT(all.table.rows.size(), above.table.rows.size());
    // The upper bound of the share, or of the share it controls (control alone has share 0).
    auto reach = [&](const std::vector<cg::queries::Cell>& row) {
        const auto& controlled = row[*all.table.column("controlled_share_max")];
        return std::max(std::get<double>(row[3]), std::holds_alternative<double>(controlled)
                                                      ? std::get<double>(controlled)
                                                      : 0.0);
    };
    for (const auto& row : above.table.rows) EXPECT_GE(reach(row), 25 - 1e-9);
    std::size_t reaching = 0;
    for (const auto& row : all.table.rows) reaching += reach(row) >= 25 - 1e-9;
    EXPECT_EQ(reaching, above.table.rows.size());
    bool noted = false;
    for (const auto& n : above.notes) noted = noted || n.find("threshold") != std::string::npos;
    EXPECT_TRUE(noted);
    // The detail table lists the chains of shown owners only.
    std::set<Node> shown;
    for (const auto& row : above.table.rows)
        shown.insert(std::get<cg::queries::EntityCell>(row[0]).node);
    for (const auto& row : above.detail.rows)
        EXPECT_TRUE(shown.count(std::get<cg::queries::EntityCell>(row[0]).node));
}

TEST_F(OwnershipWeb, DepthLimitAndChainCapAreReported) {
    cg::queries::OwnershipParams params;
    params.entity = inv_->entity("n" + std::to_string(kNodes - 1));
    params.maxDepth = 2;
    params.threshold = 0;
    auto shallow = cg::queries::owners(inv_->view(), params);
    bool depthNote = false;
    for (const auto& n : shallow.notes)
        depthNote = depthNote || n.find("--max-depth") != std::string::npos;
    EXPECT_TRUE(depthNote);
    for (const auto& row : shallow.table.rows) EXPECT_LE(std::get<std::int64_t>(row[7]), 2);
    params.maxDepth = 10;
    params.maxChains = 5;
    auto trace = cg::queries::traceOwnership(
        inv_->view(), inv_->node("n" + std::to_string(kNodes - 1)), true, params);
    EXPECT_TRUE(trace.chainsCapped);
    EXPECT_EQ(trace.chains.size(), 5u);
}

}  // namespace
