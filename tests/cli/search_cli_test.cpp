// SPDX-License-Identifier: MIT
// `claimgraph search` end to end: what is indexed, how TEXT is read, filters, ranking, JSON,
// and the index following ingest, merge, split and retraction.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "graph/search.hpp"
#include "tests/cli/cli_runner.hpp"

using cg::testing::readFile;
using cg::testing::TempDir;
using Outcome = cg::testing::CliOutcome;
using cg::testing::contains;

namespace {

const char* kClaims =
    R"json({"source": {"id": "s1", "title": "Harbour Ledger investigation", "kind": "article"}}
{"source": {"id": "s2", "title": "Registry extract", "kind": "registry"}}
{"id": "c1", "source": "s1", "subject": {"type": "Person", "name": "Ödön Várkonyi", "aliases": ["The Ferryman"]}, "relation": "associate_of", "object": {"type": "Person", "name": "Lisbet Crane"}, "quote": "Várkonyi acted as the network's FIXER in the port deals"}
{"id": "c2", "source": "s2", "subject": {"type": "Company", "name": "Quayside Holdings"}, "relation": "owns", "object": {"type": "Company", "name": "Pier Nine Ltd"}, "attributes": {"share": 40, "note": "filed late, fixing an earlier error"}, "quote": "Quayside Holdings holds 40 shares"}
{"id": "c3", "source": "s2", "subject": {"type": "Person", "name": "Lisbet Crane"}, "relation": "director_of", "object": {"type": "Company", "name": "Pier Nine Ltd"}, "quote": "Director: CRANE, Lisbet (a*b) OR NOT \"x\" NEAR(y)"}
)json";

const char* kMore =
    R"({"source": {"id": "s3", "title": "Later leak", "kind": "leak"}}
{"id": "c4", "source": "s3", "subject": {"type": "Person", "name": "Marten Oduya"}, "relation": "paid", "object": {"type": "Person", "name": "Lisbet Crane"}, "quote": "Oduya paid the fixer twice"}
)";

class SearchCli : public cg::testing::CliTest {
  protected:
    void SetUp() override { ASSERT_EQ(run({"ingest", input_}).code, 0); }

    // The claim ids a JSON search returns, in order.
    std::vector<std::string> claims(const std::vector<std::string>& args) {
        std::vector<std::string> all = {"search"};
        all.insert(all.end(), args.begin(), args.end());
        Outcome r = run(all, true);
        EXPECT_EQ(r.code, 0) << r.err;
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        std::vector<std::string> ids;
        if (d.HasParseError() || !d.IsObject()) {
            ADD_FAILURE() << r.out;
            return ids;
        }
        for (const auto& hit : d["hits"].GetArray()) ids.emplace_back(hit["claim"].GetString());
        return ids;
    }

    std::string input_ = dir_.write("harbour.claims.jsonl", kClaims);
};

using Ids = std::vector<std::string>;

}  // namespace

TEST(SearchQuery, QuotesEveryNormalisedTokenAndKeepsPhrasesAndPrefixes) {
    EXPECT_EQ(cg::graph::buildSearchQuery("Fixer  PORT"), "\"fixer\" AND \"port\"");
    EXPECT_EQ(cg::graph::buildSearchQuery("\"Port Deals\" fix*"), "\"port deals\" AND \"fix\"*");
    EXPECT_EQ(cg::graph::buildSearchQuery("NEAR(a b) OR -x"),
              "\"near a\" AND \"b\" AND \"or\" AND \"x\"");
    EXPECT_EQ(cg::graph::buildSearchQuery("*** \"\" ()"), "");
}

TEST_F(SearchCli, FindsAWordInAQuoteWhateverItsCase) { EXPECT_EQ(claims({"fixer"}), Ids{"c1"}); }

TEST_F(SearchCli, FindsNotesAliasesAndSourceTitles) {
    EXPECT_EQ(claims({"earlier error"}), Ids{"c2"});
    EXPECT_EQ(claims({"ferryman"}), Ids{"c1"});
    EXPECT_EQ(claims({"harbour ledger"}), Ids{"c1"});
}

TEST_F(SearchCli, FoldsAccentsInTextAndQueryAlike) {
    EXPECT_EQ(claims({"varkonyi port"}), Ids{"c1"});
    EXPECT_EQ(claims({"VÁRKONYI"}), Ids{"c1"});
}

TEST_F(SearchCli, EveryWordMustMatchAndPhrasesKeepTheirOrder) {
    EXPECT_EQ(claims({"fixer registry"}), Ids{});
    EXPECT_EQ(claims({"\"port deals\""}), Ids{"c1"});
    EXPECT_EQ(claims({"\"deals port\""}), Ids{});
}

TEST_F(SearchCli, ATrailingStarMatchesAPrefix) {
    EXPECT_EQ(claims({"fix"}), Ids{});
    Ids both = claims({"fix*"});
    std::sort(both.begin(), both.end());
    EXPECT_EQ(both, (Ids{"c1", "c2"}));
}

TEST_F(SearchCli, OtherFts5SyntaxIsTakenLiterallyAndIsNeverAnError) {
    for (const char* text :
         {"a*b) OR NOT", "NEAR(y)", "\"unclosed", "col:fixer", "^x", "+-()", "AND"}) {
        Outcome r = run({"search", text}, true);
        EXPECT_EQ(r.code, 0) << text << "\n" << r.err;
        EXPECT_TRUE(r.err.empty()) << text << "\n" << r.err;
    }
    EXPECT_EQ(claims({"NEAR(y)"}), Ids{"c3"});
}

TEST_F(SearchCli, FiltersBySourceAndEntityTypeAndLimits) {
    Ids crane = claims({"crane"});
    EXPECT_EQ(crane.size(), 2u);
    EXPECT_EQ(claims({"crane", "--source", "s2"}), Ids{"c3"});
    EXPECT_EQ(claims({"crane", "--type", "Company"}), Ids{"c3"});
    EXPECT_EQ(claims({"crane", "--limit", "1"}).size(), 1u);
}

TEST_F(SearchCli, JsonHitsCarrySnippetEntitiesAndSource) {
    Outcome r = run({"search", "fixer"}, true);
    ASSERT_EQ(r.code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << r.out;
    const auto& hit = d["hits"][0];
    EXPECT_NE(std::string(hit["snippet"].GetString()).find("[fixer]"), std::string::npos);
    EXPECT_EQ(std::string(hit["quote"].GetString()),
              "Várkonyi acted as the network's FIXER in the port deals");
    ASSERT_EQ(hit["entities"].Size(), 2u);
    EXPECT_EQ(std::string(hit["entities"][0]["name"].GetString()), "Ödön Várkonyi");
    EXPECT_EQ(std::string(hit["entities"][0]["type"].GetString()), "Person");
    EXPECT_TRUE(hit["entities"][0]["id"].IsString());
    EXPECT_EQ(std::string(hit["source"]["id"].GetString()), "s1");
    EXPECT_EQ(std::string(hit["source"]["title"].GetString()), "Harbour Ledger investigation");
    EXPECT_TRUE(hit["score"].IsNumber());
}

TEST_F(SearchCli, RanksAQuoteMatchAboveANoteMatch) {
    // "fixer" in c1's quote and "fixing" (not matching) in c2's note: use the prefix.
    Ids hits = claims({"fix*"});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits.front(), "c1");
}

TEST_F(SearchCli, TheIndexFollowsALaterIngest) {
    EXPECT_EQ(claims({"oduya"}), Ids{});
    ASSERT_EQ(run({"ingest", dir_.write("more.claims.jsonl", kMore)}).code, 0);
    EXPECT_EQ(claims({"oduya"}), Ids{"c4"});
    Ids fixer = claims({"fixer"});
    std::sort(fixer.begin(), fixer.end());
    EXPECT_EQ(fixer, (Ids{"c1", "c4"}));
}

TEST_F(SearchCli, AfterAMergeHitsNameTheMergedEntityAndFindItsNames) {
    Outcome before = run({"search", "quayside pier"}, true);
    ASSERT_EQ(before.code, 0);
    rapidjson::Document d;
    d.Parse(before.out.c_str());
    ASSERT_FALSE(d.HasParseError());
    std::string pier = d["hits"][0]["entities"][1]["id"].GetString();
    std::string quay = d["hits"][0]["entities"][0]["id"].GetString();
    ASSERT_EQ(std::string(d["hits"][0]["claim"].GetString()), "c2");
    ASSERT_EQ(run({"resolve", "merge", quay, pier}).code, 0);
    // Pier Nine's claims now find Quayside's name too, and name the merged entity.
    Ids hits = claims({"quayside director"});
    EXPECT_EQ(hits, Ids{"c3"});
    Outcome after = run({"search", "director", "--source", "s2"}, true);
    d.Parse(after.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << after.out;
    EXPECT_EQ(std::string(d["hits"][0]["entities"][1]["id"].GetString()), quay);
}

TEST_F(SearchCli, TheIndexFollowsARetractionAndItsUndo) {
    EXPECT_EQ(claims({"fixer"}), Ids{"c1"});
    ASSERT_EQ(run({"retract", "--source", "s1"}).code, 0);
    EXPECT_EQ(claims({"fixer"}), Ids{});
    ASSERT_EQ(run({"retract", "--undo", "--source", "s1"}).code, 0);
    EXPECT_EQ(claims({"fixer"}), Ids{"c1"});
}

TEST_F(SearchCli, TheIndexFollowsASplit) {
    Outcome before = run({"search", "quayside pier"}, true);
    rapidjson::Document d;
    d.Parse(before.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << before.out;
    std::string quay = d["hits"][0]["entities"][0]["id"].GetString();
    std::string pier = d["hits"][0]["entities"][1]["id"].GetString();
    ASSERT_EQ(run({"resolve", "merge", quay, pier}).code, 0);
    EXPECT_EQ(claims({"quayside director"}), Ids{"c3"});
    ASSERT_EQ(run({"resolve", "split", quay}).code, 0);
    EXPECT_EQ(claims({"quayside director"}), Ids{});
}

TEST_F(SearchCli, TextOutputListsTheHitsAndSaysWhenNothingMatches) {
    Outcome r = run({"search", "fixer"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("1. c1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("source: s1"), std::string::npos) << r.out;
    EXPECT_EQ(run({"search", "zebra"}).out, "no claims match\n");
}
