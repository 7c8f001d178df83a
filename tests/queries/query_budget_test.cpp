// SPDX-License-Identifier: MIT
// Every query within its memory budget (issue 23, point 5): on graphs made to explode (a grid
// and complete bipartite layers with thousands of shortest or simple paths, a hub, a complete
// ownership graph full of cycles), a small budget stops the answer, says where and marks it
// partial, and what it lists fits the budget by the query's own count.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "queries/all_shortest_paths.hpp"
#include "queries/centrality.hpp"
#include "queries/components.hpp"
#include "queries/cycles.hpp"
#include "queries/memory_budget.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/red_flags.hpp"
#include "queries/shared_neighbours.hpp"
#include "queries/simple_paths.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::MemoryBudget;
using cg::queries::PathCell;
using cg::queries::QueryResult;
using cg::testing::CliTest;
using cg::testing::GenEdge;
using cg::testing::Investigation;

namespace {

constexpr std::size_t kKiB = 1024;

bool anyNoteHas(const QueryResult& r, const std::string& part) {
    for (const auto& n : r.notes)
        if (n.find(part) != std::string::npos) return true;
    return false;
}

std::string notesOf(const QueryResult& r) {
    std::string all;
    for (const auto& n : r.notes) all += n + "\n";
    return all;
}

// A side × side grid of companies linked to their right and lower neighbours: between
// opposite corners there are C(2(side-1), side-1) shortest paths (3,432 for 8).
std::vector<GenEdge> grid(int side) {
    std::vector<GenEdge> out;
    for (int i = 0; i < side; ++i) {
        for (int j = 0; j < side; ++j) {
            int v = i * side + j;
            if (i + 1 < side) out.push_back({v, v + side, "associate_of", 1.0, {}});
            if (j + 1 < side) out.push_back({v, v + 1, "associate_of", 1.0, {}});
        }
    }
    return out;
}

// A start (0), `layers` layers of `width` companies, each linked to every company of the
// next, and an end: width^layers simple paths of layers + 1 hops.
std::vector<GenEdge> bipartiteLayers(int layers, int width) {
    std::vector<GenEdge> out;
    auto node = [&](int layer, int k) { return 1 + layer * width + k; };
    for (int k = 0; k < width; ++k) out.push_back({0, node(0, k), "associate_of", 1.0, {}});
    for (int l = 0; l + 1 < layers; ++l) {
        for (int a = 0; a < width; ++a)
            for (int b = 0; b < width; ++b)
                out.push_back({node(l, a), node(l + 1, b), "associate_of", 1.0, {}});
    }
    for (int k = 0; k < width; ++k)
        out.push_back({node(layers - 1, k), 1 + layers * width, "associate_of", 1.0, {}});
    return out;
}

// Company 0 owned 1% each by 1..n: a hub for neighbours, a shared neighbour and an entity whose
// owners hold more than 100%.
std::vector<GenEdge> hub(int n) {
    std::vector<GenEdge> out;
    for (int i = 1; i <= n; ++i) out.push_back({i, 0, "owns", 1.0, {{1, 1}}});
    return out;
}

std::size_t routesHeld(const QueryResult& r) {
    std::size_t bytes = 0;
    for (const auto& row : r.table.rows)
        bytes += cg::queries::routeBytes(std::get<PathCell>(row.back()).steps.size()) +
                 cg::queries::rowBytes(3);
    return bytes;
}

TEST(QueryBudget, AllShortestPathsOnAGridStopWithinTheBudgetAndSayWhere) {
    Investigation inv(64, grid(8));
    cg::queries::PathParams p;
    p.from = inv.entity("n0");
    p.to = inv.entity("n63");
    p.limit = 1000000;
    auto whole = cg::queries::allShortestPaths(inv.view(), p);
    EXPECT_EQ(whole.table.rows.size(), 3432u);
    EXPECT_FALSE(whole.partial);

    p.maxMemory = 512 * kKiB;
    auto cut = cg::queries::allShortestPaths(inv.view(), p);
    EXPECT_TRUE(cut.partial);
    ASSERT_GT(cut.table.rows.size(), 0u);
    EXPECT_LT(cut.table.rows.size(), 3432u);
    EXPECT_LE(routesHeld(cut), p.maxMemory);
    EXPECT_TRUE(anyNoteHas(cut, "stopped at " + std::to_string(cut.table.rows.size()) +
                                    " shortest paths of 14 hops, past the memory budget"))
        << notesOf(cut);
    EXPECT_TRUE(anyNoteHas(cut, "the figures are partial"));
}

TEST(QueryBudget, TheRoutesOfAllShortestPathsAreCountedByTheirHops) {
    Investigation inv(64, grid(8));
    cg::testing::Investigation& g = inv;
    cg::queries::Walk walk = cg::queries::connectionWalk(g.view(), {}, false, false);
    bool capped = false;
    MemoryBudget budget(256 * kKiB);
    auto routes = cg::queries::allShortestRoutes(walk, g.node("n0"), g.node("n63"), 0, 1000000,
                                                 capped, &budget);
    EXPECT_TRUE(budget.exceeded());
    EXPECT_FALSE(capped);
    // What the search held besides the routes is small next to them: the routes take most of
    // the budget, and one more would not fit.
    EXPECT_GT(routes.size() * cg::queries::routeBytes(14), budget.limit() / 2);
    EXPECT_LE(budget.used(), budget.limit());
}

TEST(QueryBudget, SimplePathsBetweenCompleteBipartiteLayersStopWithinTheBudget) {
    Investigation inv(2 + 5 * 4, bipartiteLayers(5, 4));
    cg::queries::PathParams p;
    p.from = inv.entity("n0");
    p.to = inv.entity("n21");
    p.maxHops = 6;
    p.limit = 1000000;
    auto whole = cg::queries::simplePaths(inv.view(), p);
    EXPECT_EQ(whole.table.rows.size(), 1024u);
    EXPECT_FALSE(whole.partial);

    p.maxMemory = 256 * kKiB;
    auto cut = cg::queries::simplePaths(inv.view(), p);
    EXPECT_TRUE(cut.partial);
    ASSERT_GT(cut.table.rows.size(), 0u);
    EXPECT_LT(cut.table.rows.size(), 1024u);
    EXPECT_LE(routesHeld(cut), p.maxMemory);
    EXPECT_TRUE(anyNoteHas(cut, "stopped at " + std::to_string(cut.table.rows.size()) +
                                    " paths of up to 6 hops, past the memory budget"))
        << notesOf(cut);
}

class HubBudget : public ::testing::Test {
  protected:
    static constexpr int kOwners = 2000;
    static void SetUpTestSuite() { inv_ = new Investigation(kOwners + 1, hub(kOwners)); }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }
    static Investigation* inv_;
};

Investigation* HubBudget::inv_ = nullptr;

TEST_F(HubBudget, NeighboursOfAHubStopWithinTheBudgetKeepingTheFirstInOrder) {
    cg::queries::NeighbourhoodParams p;
    p.entity = inv_->entity("n0");
    p.hops = 2;
    p.cap = 0;
    auto whole = cg::queries::neighbourhood(inv_->view(), p);
    EXPECT_EQ(whole.table.rows.size(), static_cast<std::size_t>(kOwners + 1));
    EXPECT_FALSE(whole.partial);

    p.maxMemory = 512 * kKiB;
    auto cut = cg::queries::neighbourhood(inv_->view(), p);
    EXPECT_TRUE(cut.partial);
    ASSERT_GT(cut.table.rows.size(), 1u);
    EXPECT_LT(cut.table.rows.size(), static_cast<std::size_t>(kOwners + 1));
    EXPECT_LE(cut.table.rows.size() * cg::queries::neighbourEntryBytes(), p.maxMemory);
    // The rows kept are the first rows of the whole answer.
    for (std::size_t i = 0; i < cut.table.rows.size(); ++i) {
        EXPECT_EQ(std::get<cg::queries::EntityCell>(cut.table.rows[i][0]).node,
                  std::get<cg::queries::EntityCell>(whole.table.rows[i][0]).node);
    }
    EXPECT_TRUE(anyNoteHas(cut, "stopped at " + std::to_string(cut.table.rows.size()) +
                                    " entities, 1 of 2 hops, past the memory budget"))
        << notesOf(cut);
    // The cap's note is not given for what the budget left out.
    EXPECT_FALSE(anyNoteHas(cut, "new neighbours"));
}

TEST_F(HubBudget, CentralityRowsStopWithinTheBudgetAndNothingRunsWhenItCannotStart) {
    cg::queries::CentralityParams p;
    p.top = 0;
    auto whole = cg::queries::centrality(inv_->view(), p);
    EXPECT_EQ(whole.table.rows.size(), static_cast<std::size_t>(kOwners + 1));
    EXPECT_FALSE(whole.partial);

    p.maxMemory = cg::queries::centralityWorkingBytes(inv_->view(), p) + 128 * kKiB;
    auto cut = cg::queries::centrality(inv_->view(), p);
    EXPECT_TRUE(cut.partial);
    ASSERT_GT(cut.table.rows.size(), 0u);
    EXPECT_LT(cut.table.rows.size(), whole.table.rows.size());
    EXPECT_TRUE(anyNoteHas(cut, "stopped at " + std::to_string(cut.table.rows.size()) + " of " +
                                    std::to_string(kOwners + 1) + " rows"))
        << notesOf(cut);

    p.maxMemory = 16 * kKiB;
    auto none = cg::queries::centrality(inv_->view(), p);
    EXPECT_TRUE(none.partial);
    EXPECT_TRUE(none.table.rows.empty());
    EXPECT_TRUE(anyNoteHas(none, "stopped at the start: degree over 2001 entities"))
        << notesOf(none);
}

TEST_F(HubBudget, ExactBetweennessRunsOnFewerWorkersWhereTheBudgetHoldsOnlyOne) {
    cg::queries::CentralityParams p;
    p.metric = cg::queries::CentralityMetric::Betweenness;
    p.top = 5;
    p.threads = 1;
    std::size_t one = cg::queries::centralityWorkingBytes(inv_->view(), p);
    p.threads = 8;
    ASSERT_GT(cg::queries::centralityWorkingBytes(inv_->view(), p), one + 64 * kKiB);
    // Room for one worker and the rows, not for eight: the answer is whole, as on one core.
    p.maxMemory = one + 64 * kKiB;
    auto fewer = cg::queries::centrality(inv_->view(), p);
    EXPECT_FALSE(fewer.partial) << notesOf(fewer);
    EXPECT_EQ(fewer.table.rows.size(), 5u);
    p.threads = 1;
    p.maxMemory = cg::queries::MemoryBudget::kDefaultBytes;
    auto alone = cg::queries::centrality(inv_->view(), p);
    ASSERT_EQ(alone.table.rows.size(), fewer.table.rows.size());
    for (std::size_t i = 0; i < alone.table.rows.size(); ++i) {
        EXPECT_EQ(std::get<cg::queries::EntityCell>(alone.table.rows[i][1]).node,
                  std::get<cg::queries::EntityCell>(fewer.table.rows[i][1]).node);
    }
}

TEST_F(HubBudget, SharedNeighboursAndRedFlagsStopBeforeAGroupPastTheBudget) {
    cg::queries::SharedParams shared;
    shared.via = "owns";
    auto whole = cg::queries::sharedNeighbours(inv_->view(), shared);
    ASSERT_EQ(whole.table.rows.size(), 1u);
    EXPECT_FALSE(whole.partial);
    shared.maxMemory = 256 * kKiB;  // the group of 2,000 owners and their relations do not fit
    auto cut = cg::queries::sharedNeighbours(inv_->view(), shared);
    EXPECT_TRUE(cut.partial);
    EXPECT_TRUE(cut.table.rows.empty());
    EXPECT_TRUE(cut.subgraph.edges.empty());
    EXPECT_TRUE(anyNoteHas(cut, "stopped at 0 of 1 groups, past the memory budget"))
        << notesOf(cut);

    cg::queries::RedFlagParams flags;
    auto all = cg::queries::redFlags(inv_->view(), flags);
    ASSERT_EQ(all.table.rows.size(), 1u);  // owners holding 2000%
    EXPECT_FALSE(all.partial);
    flags.maxMemory = 256 * kKiB;
    auto stopped = cg::queries::redFlags(inv_->view(), flags);
    EXPECT_TRUE(stopped.partial);
    EXPECT_TRUE(stopped.table.rows.empty());
    EXPECT_TRUE(anyNoteHas(stopped, "stopped at 0 flags, past the memory budget"))
        << notesOf(stopped);
}

TEST(QueryBudget, CyclesOfACompleteOwnershipGraphStopWithinTheBudget) {
    // Six companies each owning every other: 409 elementary cycles.
    std::vector<GenEdge> edges;
    for (int a = 0; a < 6; ++a)
        for (int b = 0; b < 6; ++b)
            if (a != b) edges.push_back({a, b, "owns", 1.0, {}});
    Investigation inv(6, edges);
    cg::queries::CycleParams p;
    p.limit = 100000;
    auto whole = cg::queries::cycles(inv.view(), p);
    EXPECT_EQ(whole.table.rows.size(), 409u);
    EXPECT_FALSE(whole.partial);

    p.maxMemory = 256 * kKiB;
    auto cut = cg::queries::cycles(inv.view(), p);
    EXPECT_TRUE(cut.partial);
    ASSERT_GT(cut.table.rows.size(), 0u);
    EXPECT_LT(cut.table.rows.size(), 409u);
    std::size_t held = 0;
    for (const auto& row : cut.table.rows)
        held += cg::queries::cycleBytes(std::get<PathCell>(row[2]).steps.size());
    EXPECT_LE(held, p.maxMemory);
    EXPECT_TRUE(anyNoteHas(cut, "stopped at " + std::to_string(cut.table.rows.size()) +
                                    " cycles, past the memory budget"))
        << notesOf(cut);
    EXPECT_FALSE(anyNoteHas(cut, "no circular ownership"));
}

TEST(QueryBudget, ComponentsStopListingAtTheFirstThatDoesNotFit) {
    // 300 pairs of companies: 300 components of two.
    std::vector<GenEdge> edges;
    for (int i = 0; i < 300; ++i) edges.push_back({2 * i, 2 * i + 1, "associate_of", 1.0, {}});
    Investigation inv(600, edges);
    cg::queries::ComponentParams p;
    p.top = 0;
    auto whole = cg::queries::components(inv.view(), p);
    EXPECT_EQ(whole.table.rows.size(), 300u);
    EXPECT_FALSE(whole.partial);

    p.maxMemory = 256 * kKiB;
    auto cut = cg::queries::components(inv.view(), p);
    EXPECT_TRUE(cut.partial);
    ASSERT_GT(cut.table.rows.size(), 0u);
    EXPECT_LT(cut.table.rows.size(), 300u);
    EXPECT_TRUE(anyNoteHas(
        cut, "stopped at " + std::to_string(cut.table.rows.size()) + " of 300 components listed"))
        << notesOf(cut);
}

// Through the binary: every query takes --max-memory, and a saved query runs within the
// max_memory it sets or the one `query run --max-memory` gives.
class QueryBudgetCommand : public CliTest {
  protected:
    // A 7 × 7 grid of companies named "G row col": 924 shortest paths between corners.
    void ingestGrid() {
        std::string claims = R"({"source": {"id": "s", "title": "t", "kind": "other"}})"
                             "\n";
        auto name = [](int i, int j) {
            return R"({"type": "Company", "name": "G )" + std::to_string(i) + " " +
                   std::to_string(j) + R"("})";
        };
        int id = 0;
        for (int i = 0; i < 7; ++i) {
            for (int j = 0; j < 7; ++j) {
                for (auto [a, b] : {std::pair{i + 1, j}, std::pair{i, j + 1}}) {
                    if (a == 7 || b == 7) continue;
                    claims += R"({"id": "c)" + std::to_string(id++) +
                              R"(", "source": "s", "subject": )" + name(i, j) +
                              R"(, "relation": "associate_of", "object": )" + name(a, b) + "}\n";
                }
            }
        }
        ASSERT_EQ(run({"ingest", dir_.write("grid.claims.jsonl", claims)}).code, 0);
    }
    static bool saidPartial(const rapidjson::Document& d, const std::string& part) {
        if (!d["partial"].GetBool()) return false;
        for (const auto& note : d["notes"].GetArray())
            if (std::string(note.GetString()).find(part) != std::string::npos) return true;
        return false;
    }
};

TEST_F(QueryBudgetCommand, EveryShortestPathOfAGridStopsAtMaxMemoryInTablesAndJson) {
    ingestGrid();
    std::vector<std::string> query = {"query",   "path",    "G 0 0",        "G 6 6", "--all",
                                      "--limit", "1000000", "--max-memory", "1"};
    auto cut = json(query);
    EXPECT_TRUE(saidPartial(cut, "past the memory budget of 1 MB"));
    EXPECT_GT(cut["rows"].Size(), 0u);
    EXPECT_LT(cut["rows"].Size(), 924u);
    cg::testing::CliOutcome text = run(query);
    EXPECT_EQ(text.code, 0) << text;
    EXPECT_NE(text.out.find("note: stopped at "), std::string::npos) << text;
    EXPECT_NE(text.out.find("the figures are partial"), std::string::npos) << text;
    // Without --max-memory the default budget holds them all.
    query.resize(query.size() - 2);
    auto whole = json(query);
    EXPECT_FALSE(whole["partial"].GetBool());
    EXPECT_EQ(whole["rows"].Size(), 924u);
}

TEST_F(QueryBudgetCommand, ASavedQueryRunsWithinItsMaxMemoryOrTheOneQueryRunGives) {
    ingestGrid();
    std::string doc =
        R"({"name": "corners", "parameters": {"mb": {"type": "integer", "default": 1}},
        "query": {"kind": "path", "from": "G 0 0", "to": "G 6 6", "mode": "all",
                  "limit": 1000000, "max_memory": "$mb"}})";
    std::string file = dir_.write("corners.json", doc);
    auto cut = json({"query", "run", file});
    EXPECT_TRUE(saidPartial(cut, "past the memory budget of 1 MB"));
    EXPECT_LT(cut["rows"].Size(), 924u);
    auto whole = json({"query", "run", file, "--param", "mb=1024"});
    EXPECT_FALSE(whole["partial"].GetBool());
    EXPECT_EQ(whole["rows"].Size(), 924u);
    auto given = json({"query", "run", file, "--param", "mb=1024", "--max-memory", "2"});
    EXPECT_TRUE(saidPartial(given, "past the memory budget of 2 MB"));
    EXPECT_GT(given["rows"].Size(), cut["rows"].Size());
}

TEST_F(QueryBudgetCommand, DenialsCountTheQuotesTheyListAndStopAtMaxMemory) {
    // 40 denials, each with a quote of 64 KB: 5 MB of quotes, twice that as JSON.
    std::string claims = R"({"source": {"id": "s", "title": "t", "kind": "other"}})"
                         "\n";
    const std::string quote(64 * 1024, 'q');
    for (int i = 0; i < 40; ++i) {
        claims +=
            R"({"id": "d)" + std::to_string(i) +
            R"(", "source": "s", "stance": "denies", "subject": {"type": "Company", "name": "A )" +
            std::to_string(i) +
            R"("}, "relation": "owns", "object": {"type": "Company", "name": "B"}, "quote": ")" +
            quote + "\"}\n";
    }
    ASSERT_EQ(run({"ingest", dir_.write("denials.claims.jsonl", claims)}).code, 0);
    auto whole = json({"query", "denials"});
    EXPECT_FALSE(whole["partial"].GetBool());
    EXPECT_EQ(whole["rows"].Size(), 40u);
    auto cut = json({"query", "denials", "--max-memory", "2"});
    EXPECT_TRUE(saidPartial(cut, "denying claims, past the memory budget of 2 MB"));
    EXPECT_GT(cut["rows"].Size(), 0u);
    EXPECT_LT(cut["rows"].Size(), 40u);
}

}  // namespace
