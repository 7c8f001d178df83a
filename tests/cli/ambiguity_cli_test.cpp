// SPDX-License-Identifier: MIT
// Ambiguous references end to end: the ingest's warning and count, how `entities` and `show`
// mark the placeholder, `resolve suggest`, and `resolve merge AMBIGUOUS CANDIDATE`.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
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
{"id": "n", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei"}, "relation": "owns", "object": {"type": "Facility", "name": "Koh Kong casino"}}
{"id": "x", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei", "identifiers": {"passport": "X1"}}, "relation": "director_of", "object": {"type": "Company", "name": "Alpha Trading Ltd"}}
{"id": "y", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei", "identifiers": {"passport": "Y2"}}, "relation": "director_of", "object": {"type": "Company", "name": "Beta Gaming Ltd"}}
)";

constexpr const char* kHeld = "ambiguous/person/chen-wei/s1";

class AmbiguityCli : public cg::testing::CliTest {
  protected:
    std::string input_ = dir_.write("chen.claims.jsonl", kClaims);
};

}  // namespace

TEST_F(AmbiguityCli, IngestWarnsWithTheCandidatesAndCountsTheReference) {
    Outcome r = run({"ingest", "--strict", input_});
    // A warning, not a rejection: --strict does not fail on it.
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("accepted 3, rejected 0, ambiguous 1"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("warning: " + std::filesystem::path(input_).filename().string() +
                         ":2: ambiguous reference 'Chen Wei' (Person): matches person/chen-wei "
                         "(Chen Wei, passport X1), person/chen-wei-2 (Chen Wei, passport Y2); "
                         "held on " +
                         kHeld),
              std::string::npos)
        << r.err;
}

TEST_F(AmbiguityCli, JsonSummaryListsTheAmbiguousReference) {
    Outcome r = run({"ingest", input_}, true);
    ASSERT_EQ(r.code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    ASSERT_TRUE(d.IsObject()) << r.out;
    const auto& file = d["files"][0];
    EXPECT_EQ(file["accepted"].GetInt(), 3);
    EXPECT_EQ(file["ambiguous"].GetInt(), 1);
    const auto& a = file["ambiguous_references"][0];
    EXPECT_EQ(a["line"].GetInt(), 2);
    EXPECT_STREQ(a["reference"]["name"].GetString(), "Chen Wei");
    EXPECT_STREQ(a["reference"]["type"].GetString(), "Person");
    EXPECT_STREQ(a["placeholder"]["id"].GetString(), kHeld);
    EXPECT_STREQ(a["placeholder"]["name"].GetString(), "ambiguous: Chen Wei");
    ASSERT_EQ(a["candidates"].Size(), 2u);
    EXPECT_STREQ(a["candidates"][0]["id"].GetString(), "person/chen-wei");
    EXPECT_STREQ(a["candidates"][1]["type"].GetString(), "Person");
    // Ingesting again is stable: nothing new, nothing ambiguous.
    Outcome again = run({"ingest", input_}, true);
    d.Parse(again.out.c_str());
    EXPECT_EQ(d["files"][0]["duplicates"].GetInt(), 3);
    EXPECT_EQ(d["files"][0]["ambiguous"].GetInt(), 0);
}

TEST_F(AmbiguityCli, EntitiesAndShowMarkThePlaceholder) {
    ASSERT_EQ(run({"ingest", input_}).code, 0);
    Outcome list = run({"entities", "--type", "Person"});
    ASSERT_EQ(list.code, 0) << list.err;
    EXPECT_NE(list.out.find("ambiguous: Chen Wei, 2 candidates"), std::string::npos) << list.out;
    Outcome json = run({"entities", "--type", "Person"}, true);
    rapidjson::Document d;
    d.Parse(json.out.c_str());
    ASSERT_TRUE(d.IsArray()) << json.out;
    int held = 0;
    for (const auto& e : d.GetArray()) {
        if (e["ambiguous"].GetBool()) {
            ++held;
            EXPECT_STREQ(e["id"].GetString(), kHeld);
            EXPECT_EQ(e["candidates"].Size(), 2u);
        } else {
            EXPECT_TRUE(e["candidates"].IsNull());
        }
    }
    EXPECT_EQ(held, 1);
    Outcome show = run({"show", kHeld});
    ASSERT_EQ(show.code, 0) << show.err;
    EXPECT_NE(show.out.find("holds ambiguous references: their name fits 2 candidates"),
              std::string::npos)
        << show.out;
    EXPECT_NE(show.out.find("person/chen-wei-2 (Chen Wei, passport Y2)"), std::string::npos);
    EXPECT_NE(show.out.find(std::string("resolve merge ") + kHeld + " CANDIDATE"),
              std::string::npos);
}

TEST_F(AmbiguityCli, SuggestListsThePairsAndMergeSettlesThem) {
    ASSERT_EQ(run({"ingest", input_}).code, 0);
    Outcome suggest = run({"resolve", "suggest"}, true);
    ASSERT_EQ(suggest.code, 0) << suggest.err;
    rapidjson::Document d;
    d.Parse(suggest.out.c_str());
    ASSERT_TRUE(d.IsArray() && d.Size() >= 2u) << suggest.out;
    EXPECT_STREQ(d[0]["a"]["id"].GetString(), kHeld);
    EXPECT_TRUE(d[0]["ambiguous"].GetBool());
    EXPECT_STREQ(d[1]["b"]["id"].GetString(), "person/chen-wei-2");

    Outcome merge = run({"resolve", "merge", kHeld, "person/chen-wei-2"});
    ASSERT_EQ(merge.code, 0) << merge.err;
    // The claim's relation is now the candidate's.
    Outcome show = run({"show", "person/chen-wei-2"}, true);
    d.Parse(show.out.c_str());
    ASSERT_TRUE(d.IsObject()) << show.out;
    std::vector<std::string> others;
    for (const auto& r : d["relations"].GetArray())
        others.emplace_back(r["other"]["name"].GetString());
    std::sort(others.begin(), others.end());
    EXPECT_EQ(others, (std::vector<std::string>{"Beta Gaming Ltd", "Koh Kong casino"}));
    Outcome list = run({"entities", "--type", "Person"});
    EXPECT_EQ(list.out.find("ambiguous"), std::string::npos) << list.out;
    // And it holds through a re-ingest.
    ASSERT_EQ(run({"ingest", input_}).code, 0);
    EXPECT_EQ(run({"entities", "--type", "Person"}).out.find("ambiguous"), std::string::npos);
}
