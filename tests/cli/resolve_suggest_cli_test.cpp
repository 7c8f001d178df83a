// SPDX-License-Identifier: MIT
// `claimgraph resolve suggest` end to end: the table, --json, --stats and a not-same judgement.
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

const char* kClaims =
    R"({"source": {"id": "s1", "title": "Registry extract", "kind": "registry"}}
{"id": "a1", "source": "s1", "subject": {"type": "Company", "name": "Golden Sands Ltd", "country": "KH"}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands compound"}}
{"id": "a2", "source": "s1", "subject": {"type": "Company", "name": "Golden Sand Limited", "country": "KH"}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands compound"}}
{"id": "a3", "source": "s1", "subject": {"type": "Person", "name": "Irene Nierstenhöfer"}, "relation": "director_of", "object": {"type": "Company", "name": "Golden Sands Ltd"}}
{"id": "a4", "source": "s1", "subject": {"type": "Person", "name": "Frau Dr. Irene Nierstenhoefer"}, "relation": "director_of", "object": {"type": "Company", "name": "Golden Sand Limited"}}
{"id": "a5", "source": "s1", "subject": {"type": "Person", "name": "Golden Sands"}, "relation": "director_of", "object": {"type": "Company", "name": "Mekong Star Co"}}
)";

class ResolveSuggestCli : public cg::testing::CliTest {
  protected:
    ResolveSuggestCli() {
        std::string input = dir_.write("registry.claims.jsonl", kClaims);
        Outcome r = run({"ingest", input});
        EXPECT_EQ(r.code, 0) << r.err;
    }
};

}  // namespace

TEST_F(ResolveSuggestCli, PrintsRankedPairsWithReasons) {
    Outcome r = run({"resolve", "suggest"});
    ASSERT_EQ(r.code, 0) << r.err;
    // The header, then the two pairs, best first, each with its reasons.
    EXPECT_NE(r.out.find("score"), std::string::npos);
    auto sands = r.out.find("Golden Sands Ltd [company/golden-sands-ltd]");
    auto irene = r.out.find("Irene Nierstenhöfer [person/irene-nierstenhofer]");
    ASSERT_NE(sands, std::string::npos) << r.out;
    ASSERT_NE(irene, std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Golden Sand Limited [company/golden-sand-limited]"), std::string::npos);
    EXPECT_NE(r.out.find("merge a pair with 'claimgraph resolve merge A B'"), std::string::npos);
    // The person named "Golden Sands" is never proposed with a company.
    EXPECT_EQ(r.out.find("[person/golden-sands]"), std::string::npos) << r.out;
    EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(ResolveSuggestCli, JsonListsEveryPairOnceWithScoreAndReasons) {
    Outcome r = run({"resolve", "suggest"}, true);
    ASSERT_EQ(r.code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    ASSERT_TRUE(d.IsArray()) << r.out;
    ASSERT_EQ(d.Size(), 2u) << r.out;
    double previous = 2;
    for (const auto& s : d.GetArray()) {
        EXPECT_LE(s["score"].GetDouble(), previous);
        previous = s["score"].GetDouble();
        EXPECT_GE(previous, 0.6);
        EXPECT_TRUE(s["reasons"].IsArray());
        EXPECT_GT(s["reasons"].Size(), 0u);
    }
    // The companies share a country and the compound they own, which puts them first.
    EXPECT_STREQ(d[0]["a"]["id"].GetString(), "company/golden-sands-ltd");
    EXPECT_STREQ(d[0]["b"]["id"].GetString(), "company/golden-sand-limited");
    EXPECT_STREQ(d[0]["b"]["name"].GetString(), "Golden Sand Limited");
    std::vector<std::string> reasons;
    for (const auto& x : d[0]["reasons"].GetArray()) reasons.emplace_back(x.GetString());
    EXPECT_EQ(reasons,
              (std::vector<std::string>{"name similarity 0.98", "one word spelt differently",
                                        "same country", "1 shared neighbour"}));
    EXPECT_STREQ(d[1]["a"]["id"].GetString(), "person/irene-nierstenhofer");
    EXPECT_STREQ(d[1]["b"]["id"].GetString(), "person/irene-nierstenhoefer");
}

TEST_F(ResolveSuggestCli, NotSameRemovesThePairAndLimitAndStatsApply) {
    Outcome one = run({"resolve", "suggest", "--limit", "1", "--stats"}, true);
    ASSERT_EQ(one.code, 0) << one.err;
    rapidjson::Document d;
    d.Parse(one.out.c_str());
    ASSERT_TRUE(d.IsArray()) << one.out;
    EXPECT_EQ(d.Size(), 1u);
    // The counts go to stderr, so that stdout stays one JSON document.
    EXPECT_NE(one.err.find("candidate pairs"), std::string::npos) << one.err;
    EXPECT_NE(one.err.find("at or above 0.60: 2"), std::string::npos) << one.err;

    ASSERT_EQ(
        run({"resolve", "not-same", "company/golden-sands-ltd", "company/golden-sand-limited"})
            .code,
        0);
    Outcome after = run({"resolve", "suggest"});
    ASSERT_EQ(after.code, 0) << after.err;
    EXPECT_EQ(after.out.find("golden-sand-limited"), std::string::npos) << after.out;
    EXPECT_NE(after.out.find("person/irene-nierstenhoefer"), std::string::npos) << after.out;

    Outcome none = run({"resolve", "suggest", "--min-score", "0.99"});
    ASSERT_EQ(none.code, 0);
    EXPECT_NE(none.out.find("no candidate pairs at or above score 0.99"), std::string::npos)
        << none.out;
    EXPECT_NE(run({"resolve", "suggest", "--max-block", "1"}).code, 0);
}
