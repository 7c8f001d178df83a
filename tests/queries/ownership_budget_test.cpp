// SPDX-License-Identifier: MIT
// Ownership answers within a memory budget: around a circle of n companies, owners lists n
// chains of up to n hops, so the answer grows with the square of the circle (issue 23).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "queries/memory_budget.hpp"
#include "queries/ownership.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::MemoryBudget;
using cg::testing::CliTest;
using cg::testing::GenEdge;
using cg::testing::Investigation;

namespace {

constexpr int kCircle = 1500;

// Company i owns 60% of company i+1, and the last owns the first.
std::vector<GenEdge> circle(int n) {
    std::vector<GenEdge> out;
    for (int i = 0; i < n; ++i) out.push_back({i, (i + 1) % n, "owns", 1.0, {{60, 60}}});
    return out;
}

bool anyNoteHas(const cg::queries::QueryResult& r, const std::string& part) {
    for (const auto& n : r.notes)
        if (n.find(part) != std::string::npos) return true;
    return false;
}

class OwnershipBudget : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { inv_ = new Investigation(kCircle, circle(kCircle)); }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }
    static cg::queries::OwnershipParams aroundTheCircle() {
        cg::queries::OwnershipParams params;
        params.entity = inv_->entity("n0");
        params.threshold = 0;
        params.maxDepth = 2 * kCircle;
        return params;
    }
    static Investigation* inv_;
};

Investigation* OwnershipBudget::inv_ = nullptr;

TEST_F(OwnershipBudget, ACircleWithinTheDefaultBudgetIsListedWhole) {
    auto result = cg::queries::owners(inv_->view(), aroundTheCircle());
    EXPECT_EQ(result.table.rows.size(), static_cast<std::size_t>(kCircle - 1));
    EXPECT_EQ(result.detail.rows.size(), static_cast<std::size_t>(kCircle - 1));
    EXPECT_FALSE(result.partial);
    EXPECT_FALSE(anyNoteHas(result, "--max-memory"));
}

TEST_F(OwnershipBudget, AnAnswerPastItsBudgetStopsWithinItSaysWhereAndIsPartial) {
    auto params = aroundTheCircle();
    params.maxMemory = std::size_t{8} << 20;
    auto result = cg::queries::owners(inv_->view(), params);
    EXPECT_TRUE(result.partial);
    ASSERT_GT(result.table.rows.size(), 0u);
    EXPECT_LT(result.table.rows.size(), static_cast<std::size_t>(kCircle - 1));
    std::string where = "stopped at " + std::to_string(result.table.rows.size()) + " of " +
                        std::to_string(kCircle - 1) + " owners, past the memory budget of 8 MB";
    EXPECT_TRUE(anyNoteHas(result, where)) << where;
    EXPECT_TRUE(anyNoteHas(result, "the figures are partial"));
    // What was listed fits the budget by the same count that stopped it.
    std::size_t listed = 0;
    for (const auto& row : result.detail.rows)
        listed += cg::queries::routeBytes(std::get<cg::queries::PathCell>(row[6]).steps.size());
    EXPECT_LE(listed, params.maxMemory);
    // The largest owners come first and are the ones kept.
    EXPECT_EQ(std::get<cg::queries::EntityCell>(result.table.rows[0][0]).node,
              inv_->node("n" + std::to_string(kCircle - 1)));
}

TEST_F(OwnershipBudget, ABudgetTooSmallForTheChainsStopsTheTrace) {
    auto params = aroundTheCircle();
    params.maxMemory = std::size_t{64} << 10;
    auto trace = cg::queries::traceOwnership(inv_->view(), inv_->node("n0"), true, params);
    EXPECT_TRUE(trace.memoryCapped);
    EXPECT_GT(trace.chains.size(), 0u);
    EXPECT_LT(trace.chains.size(), static_cast<std::size_t>(kCircle - 1));
    auto result = cg::queries::owners(inv_->view(), params);
    EXPECT_TRUE(result.partial);
    EXPECT_TRUE(anyNoteHas(result, "past half the memory budget"));
}

TEST(MemoryBudget, TakesWhatFitsAndRefusesFromTheFirstThatDoesNot) {
    MemoryBudget budget(100);
    EXPECT_TRUE(budget.take(60));
    EXPECT_FALSE(budget.take(41));
    EXPECT_TRUE(budget.exceeded());
    EXPECT_FALSE(budget.take(1));
    EXPECT_EQ(budget.used(), 60u);
}

class OwnershipBudgetCommand : public CliTest {};

TEST_F(OwnershipBudgetCommand, MaxMemorySetsTheBudgetAndJsonSaysTheAnswerIsPartial) {
    std::string claims = R"({"source": {"id": "s", "title": "t", "kind": "other"}})"
                         "\n";
    const int n = 300;
    for (int i = 0; i < n; ++i) {
        claims += R"({"id": "c)" + std::to_string(i) +
                  R"(", "source": "s", "subject": {"type": "Company", "name": "Co )" +
                  std::to_string(i) + R"("}, "relation": "owns", "object": {"type": "Company", )" +
                  R"("name": "Co )" + std::to_string((i + 1) % n) +
                  R"("}, "attributes": {"share": 60}})" + "\n";
    }
    ASSERT_EQ(run({"ingest", dir_.write("circle.claims.jsonl", claims)}).code, 0);
    std::vector<std::string> query = {"query", "owners",      "Co 0", "--threshold",
                                      "0",     "--max-depth", "1000"};
    auto whole = json(query);
    EXPECT_FALSE(whole["partial"].GetBool());
    EXPECT_EQ(whole["rows"].Size(), static_cast<unsigned>(n - 1));
    query.insert(query.end(), {"--max-memory", "1"});
    auto cut = json(query);
    EXPECT_TRUE(cut["partial"].GetBool());
    EXPECT_LT(cut["rows"].Size(), static_cast<unsigned>(n - 1));
    bool said = false;
    for (const auto& note : cut["notes"].GetArray())
        said = said ||
               std::string(note.GetString()).find("memory budget of 1 MB") != std::string::npos;
    EXPECT_TRUE(said);
    cg::testing::CliOutcome text = run(query);
    EXPECT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("note: stopped at "), std::string::npos) << text.err;
    EXPECT_NE(text.out.find("the figures are partial"), std::string::npos) << text.err;
}

}  // namespace
