// SPDX-License-Identifier: MIT
// `claimgraph explain` end to end: each relation's derivation, source by source, in text and
// in --json.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

using cg::testing::readFile;
using cg::testing::TempDir;
using Outcome = cg::testing::CliOutcome;
using cg::testing::contains;

namespace {

class ExplainCli : public cg::testing::CliTest {
  protected:
    ExplainCli() {
        Outcome r = run({"ingest", CG_TEST_DATA "/claims/independent-evidence.claims.jsonl"});
        EXPECT_EQ(r.code, 0) << r.err;
    }
};

}  // namespace

TEST_F(ExplainCli, ShowsOneArticlesTwoSentencesAsOneWitness) {
    Outcome r = run({"explain", "Vann Sothea", "Riverside Holdings Ltd"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("2 claim(s)"), std::string::npos) << r.out;
    EXPECT_NE(
        r.out.find(
            "source phnom-daily-2023 (2023-04-02), 2 claims: asserts 0.90 (claim pd-1 counts)"),
        std::string::npos)
        << r.out;
    EXPECT_NE(
        r.out.find("combined over 1 asserting source: support 0.90, dispute 0.00, confidence 0.90"),
        std::string::npos)
        << r.out;
    // Both claims are listed with their quotes under their source.
    EXPECT_NE(r.out.find("\"Riverside's director, Mr Vann\""), std::string::npos) << r.out;
}

TEST_F(ExplainCli, ShowsAShareConflictAndTheSourceWhoseSupportStands) {
    Outcome r = run({"explain", "Tonle Trading Co", "Riverside Holdings Ltd"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(
        r.out.find(
            "source kh-registry (2022-11), 1 claim: asserts 0.60 (claim reg-1 counts), share 60%"),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("source riverside-leak (2023-02), 1 claim: asserts 0.85 (claim leak-1 "
                         "counts), share 85%"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("support 0.85, dispute 0.00, confidence 0.85, share 60–85%"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("share conflict: the sources' figures do not meet, so support is the best "
                         "single source's (riverside-leak)"),
              std::string::npos)
        << r.out;
}

TEST_F(ExplainCli, JsonListsEachSourcesFigureAndTheCombinedValues) {
    auto d = json({"explain", "Riverside Holdings Ltd", "Tonle Trading Co"});
    ASSERT_TRUE(d.IsObject());
    ASSERT_EQ(d["claims"].Size(), 2u);
    ASSERT_EQ(d["relations"].Size(), 1u);
    const auto& rel = d["relations"][0];
    EXPECT_EQ(std::string(rel["type"].GetString()), "owns");
    EXPECT_EQ(std::string(rel["subject"]["id"].GetString()), "company/tonle-trading-co");
    EXPECT_EQ(std::string(rel["subject"]["type"].GetString()), "Company");
    EXPECT_EQ(std::string(rel["object"]["name"].GetString()), "Riverside Holdings Ltd");
    ASSERT_EQ(rel["sources"].Size(), 2u);
    const auto& registry = rel["sources"][0];
    EXPECT_EQ(std::string(registry["source"]["id"].GetString()), "kh-registry");
    EXPECT_EQ(std::string(registry["assertion"]["claim"].GetString()), "reg-1");
    EXPECT_DOUBLE_EQ(registry["assertion"]["confidence"].GetDouble(), 0.6);
    EXPECT_TRUE(registry["denial"].IsNull());
    EXPECT_DOUBLE_EQ(registry["share_min"].GetDouble(), 60);
    EXPECT_DOUBLE_EQ(rel["sources"][1]["share_max"].GetDouble(), 85);
    EXPECT_TRUE(rel["share_conflict"].GetBool());
    EXPECT_DOUBLE_EQ(rel["support"].GetDouble(), 0.85);
    EXPECT_DOUBLE_EQ(rel["confidence"].GetDouble(), 0.85);
    EXPECT_EQ(std::string(rel["best_source"].GetString()), "riverside-leak");
}

TEST_F(ExplainCli, JsonCombinesIndependentSourcesByNoisyOr) {
    auto d = json({"explain", "Vann Sothea", "Chhay Rithy"});
    ASSERT_EQ(d["relations"].Size(), 1u);
    const auto& rel = d["relations"][0];
    ASSERT_EQ(rel["sources"].Size(), 2u);
    EXPECT_EQ(rel["sources"][0]["claims"].Size(), 1u);
    EXPECT_NEAR(rel["support"].GetDouble(), 0.985, 1e-12);
    EXPECT_FALSE(rel["share_conflict"].GetBool());
    EXPECT_TRUE(rel["best_source"].IsNull());
    EXPECT_TRUE(rel["share_min"].IsNull());
}
