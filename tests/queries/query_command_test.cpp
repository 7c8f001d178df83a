// SPDX-License-Identifier: MIT
// `claimgraph query ...` end to end on the fictional sample: tables, --json, errors.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <string>

#include "tests/cli/cli_runner.hpp"

namespace {

using Outcome = cg::testing::CliOutcome;
using cg::testing::claimgraph;

class QueryCommand : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new cg::testing::TempDir();
        db_ = "--db " + dir_->file("sample.claimgraph") + " ";
        Outcome ingest =
            claimgraph(db_ + "ingest " CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl");
        ASSERT_EQ(ingest.code, 0) << ingest.out;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static cg::testing::TempDir* dir_;
    static std::string db_;
};

cg::testing::TempDir* QueryCommand::dir_ = nullptr;
std::string QueryCommand::db_;

TEST_F(QueryCommand, OwnersAsJsonCarryTheIntervalAndTheChains) {
    Outcome r = claimgraph(db_ + "--json query owners 'Opaline Bay Casino & Hotel' --threshold 5");
    ASSERT_EQ(r.code, 0) << r.out;
    rapidjson::Document doc;
    doc.Parse(r.out.c_str());
    ASSERT_FALSE(doc.HasParseError()) << r.out;
    EXPECT_STREQ(doc["query"].GetString(), "owners");
    bool found = false;
    for (const auto& row : doc["rows"].GetArray()) {
        if (std::string(row["owner"]["name"].GetString()) != "Marisol Vantongeren") continue;
        found = true;
        EXPECT_NEAR(row["share_min"].GetDouble(), 6.6195, 1e-9);
        EXPECT_NEAR(row["share_max"].GetDouble(), 18.75525, 1e-9);
        EXPECT_EQ(row["chains"].GetInt(), 2);
        EXPECT_STREQ(row["owner"]["id"].GetString(), "e-fx-marisol");
    }
    EXPECT_TRUE(found);
    int chains = 0;
    for (const auto& row : doc["detail"]["rows"].GetArray()) {
        if (std::string(row["owner"]["name"].GetString()) != "Marisol Vantongeren") continue;
        ++chains;
        EXPECT_EQ(row["route"]["entities"].Size(), 7u);
        EXPECT_EQ(row["route"]["relations"].Size(), 6u);
    }
    EXPECT_EQ(chains, 2);
    EXPECT_GE(doc["subgraph"]["edges"].Size(), 6u);
}

TEST_F(QueryCommand, TablesNameTheCycleAndTheFlags) {
    Outcome cycles = claimgraph(db_ + "query cycles");
    ASSERT_EQ(cycles.code, 0) << cycles.out;
    // Each hop gives its confidence (routes, issue 16).
    EXPECT_NE(cycles.out.find("Kestrel Meridian Ltd -owns 30% [0.95]-> Tamsin Ridge Holdings Ltd"),
              std::string::npos)
        << cycles.out;
    Outcome flags = claimgraph(db_ + "query red-flags");
    ASSERT_EQ(flags.code, 0) << flags.out;
    EXPECT_NE(flags.out.find("Suite 4B, 17 Larkspur Quay, Port Veradine"), std::string::npos)
        << flags.out;
    EXPECT_NE(flags.out.find("Teodor Quillfeather"), std::string::npos) << flags.out;
    Outcome shared = claimgraph(db_ + "query shared --via registered_at --min 7");
    ASSERT_EQ(shared.code, 0) << shared.out;
    EXPECT_NE(shared.out.find("Place  7"), std::string::npos) << shared.out;
}

TEST_F(QueryCommand, ExplainListsTheClaimsBehindAPath) {
    Outcome r = claimgraph(db_ +
                           "query path 'Marisol Vantongeren' 'Aurelian Holdings Ltd' --directed "
                           "--relations owns --explain");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("fx-001"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("fx-012"), std::string::npos)
        << "both claims behind the conflicting shares: " << r.out;
    EXPECT_NE(r.out.find("600 of 1,000 ordinary shares"), std::string::npos) << r.out;
}

TEST_F(QueryCommand, AmbiguousOrUnknownEntitiesAreErrorsListingCandidates) {
    Outcome r = claimgraph(db_ + "query owners Opaline");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("error: no entity matches 'Opaline'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Opaline Bay Resorts Ltd"), std::string::npos) << r.out;
    Outcome bad =
        claimgraph(db_ + "query path 'Marisol Vantongeren' 'Teodor Quillfeather' --relations ownz");
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.out.find("unknown relation type 'ownz'"), std::string::npos) << bad.out;
    Outcome usage = claimgraph(db_ + "query centrality --metric eigen");
    EXPECT_EQ(usage.code, 2) << usage.out;
    Outcome noHops = claimgraph(db_ + "query paths 'Marisol Vantongeren' 'Teodor Quillfeather'");
    EXPECT_EQ(noHops.code, 2) << noHops.out;
}

TEST_F(QueryCommand, EveryQueryRuns) {
    for (const char* args :
         {"query path 'Marisol Vantongeren' 'Opaline Bay Casino & Hotel' --all",
          "query path 'Marisol Vantongeren' 'Opaline Bay Casino & Hotel' --credible",
          "query paths 'Marisol Vantongeren' 'Opaline Bay Casino & Hotel' --max-hops 4 --limit 5",
          "query neighbours 'Teodor Quillfeather' --hops 2 --cap 3",
          "query holdings 'Marisol Vantongeren'", "query components", "query components --strong",
          "query centrality --metric betweenness --top 5",
          "query centrality --metric pagerank --top 5",
          "query centrality --metric harmonic --top 5",
          "query centrality --metric closeness --top 5 --as-of 2020",
          "query centrality --metric betweenness --samples 5",
          "query owners 'Opaline Bay Casino & Hotel' --min-confidence 0.9 --sources "
          "fx-norvania-registry"}) {
        Outcome r = claimgraph(db_ + args);
        EXPECT_EQ(r.code, 0) << args << "\n" << r.out;
        Outcome j = claimgraph(db_ + "--json " + args);
        rapidjson::Document doc;
        doc.Parse(j.out.c_str());
        EXPECT_FALSE(doc.HasParseError()) << args << "\n" << j.out;
    }
}

TEST_F(QueryCommand, EigenvectorRanksTheBestConnectedFirst) {
    // --measure is the same option as --metric. On the sample, Teodor Quillfeather has the
    // most neighbours, and they are themselves well connected.
    Outcome r = claimgraph(db_ + "query centrality --measure eigenvector --top 3");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("eigenvector"), std::string::npos) << r.out;
    auto first = r.out.find("1 ");
    ASSERT_NE(first, std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Teodor Quillfeather"), r.out.find("Teodor Quillfeather", first)) << r.out;
    EXPECT_LT(r.out.find("Teodor Quillfeather"), r.out.find("2 ")) << r.out;
}

}  // namespace
