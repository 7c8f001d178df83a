// SPDX-License-Identifier: MIT
// End to end: the claimgraph binary ingests samples/ and exports them in every format.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

class ExportCommand : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string files;
        for (const auto& f : sampleFiles()) files += " " + shellQuote(f);
        auto r = claimgraph("ingest" + files);
        ASSERT_EQ(r.status, 0) << r.output;
    }

    CommandResult claimgraph(const std::string& args) {
        return runCommand(shellQuote(CG_BINARY) + " --db " +
                          shellQuote(dir_.file("demo.claimgraph")) + " " + args);
    }
    std::string file(const std::string& name) const { return dir_.file(name); }

  private:
    TempDir dir_;
};

}  // namespace

TEST_F(ExportCommand, WritesEveryFormatToAFile) {
    for (const auto& [format, name] :
         std::vector<std::pair<std::string, std::string>>{{"graphml", "g.graphml"},
                                                          {"gexf", "g.gexf"},
                                                          {"json", "g.json"},
                                                          {"cytoscape", "g.cyjs"}}) {
        auto r = claimgraph("export --format " + format + " --out " + shellQuote(file(name)));
        EXPECT_EQ(r.status, 0) << r.output;
        EXPECT_NE(r.output.find("exported "), std::string::npos) << r.output;
        EXPECT_GT(std::filesystem::file_size(file(name)), 1000u) << format;
    }
    auto r = claimgraph("export --format neo4j --out " + shellQuote(file("neo4j")));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(file("neo4j") + "/nodes.csv"));
    EXPECT_TRUE(std::filesystem::exists(file("neo4j") + "/relationships.csv"));
}

TEST_F(ExportCommand, WritesToStandardOutputByDefault) {
    auto r = runCommand(shellQuote(CG_BINARY) + " -q --db " + shellQuote(file("demo.claimgraph")) +
                        " export --format json 2>/dev/null");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.output.rfind("{\"directed\": true, \"multigraph\": true", 0), 0u)
        << r.output.substr(0, 200);
}

TEST_F(ExportCommand, AppliesTheFilters) {
    auto all = claimgraph("--json export --format json --out " + shellQuote(file("all.json")));
    auto people = claimgraph(
        "--json export --format json --types Person --min-confidence 0.5 --as-of 2024-01-01 "
        "--out " +
        shellQuote(file("people.json")));
    ASSERT_EQ(all.status, 0) << all.output;
    ASSERT_EQ(people.status, 0) << people.output;
    EXPECT_NE(all.output.find("\"nodes\""), std::string::npos) << all.output;
    EXPECT_NE(all.output, people.output) << "the summaries count fewer nodes";
    std::string text = readFile(file("people.json"));
    EXPECT_EQ(text.find("\"type\": \"Company\""), std::string::npos);
}

TEST_F(ExportCommand, RejectsBadOptionsWithUsageErrors) {
    EXPECT_EQ(claimgraph("export --format dot").status, 2);
    EXPECT_EQ(claimgraph("export").status, 2);
    EXPECT_EQ(claimgraph("export --format json --as-of 2022-02-30").status, 2);
    EXPECT_EQ(claimgraph("export --format json --min-confidence 2").status, 2);
    auto r = claimgraph("export --format neo4j");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("--out: the neo4j format writes a directory"), std::string::npos)
        << r.output;
    r = claimgraph("export --format json --types Compnay");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("unknown entity type 'Compnay'"), std::string::npos) << r.output;
}

TEST_F(ExportCommand, AnExportedOwnersQueryCarriesItsFiguresAndSelection) {
    std::string query = std::string(CG_SOURCE_DIR) + "/samples/queries/ultimate-owners.json";
    auto r = claimgraph("-q export --format json --query " + shellQuote(query) +
                        " --param threshold=20 --out " + shellQuote(file("owners.json")));
    ASSERT_EQ(r.status, 0) << r.output;
    rapidjson::Document d;
    std::string text = readFile(file("owners.json"));
    d.Parse(text.c_str());
    ASSERT_FALSE(d.HasParseError());
    const auto& selection = d["graph"]["selection"];
    EXPECT_STREQ(selection["query"].GetString(), "ultimate-owners");
    EXPECT_STREQ(selection["query_kind"].GetString(), "owners");
    EXPECT_STREQ(selection["param.threshold"].GetString(), "20");
    EXPECT_STREQ(selection["evidence"].GetString(), "full");
    EXPECT_EQ(std::string(selection["last_ingest"].GetString()).find('/'), std::string::npos)
        << "the ingested file's folder is private";
    bool sawOwner = false, sawUltimate = false, sawChain = false;
    for (const auto& n : d["nodes"].GetArray()) {
        if (!n.HasMember("query_share_min")) continue;
        sawOwner = true;
        EXPECT_TRUE(n["query_share_max"].IsNumber());
        EXPECT_TRUE(n["query_ultimate"].IsBool());
        EXPECT_FALSE(n.HasMember("query_type"));
        if (n["query_ultimate"].GetBool()) sawUltimate = true;
    }
    for (const auto& e : d["edges"].GetArray()) {
        if (e.HasMember("query_chains") && e["query_chains"].IsArray()) sawChain = true;
    }
    EXPECT_TRUE(sawOwner);
    EXPECT_TRUE(sawUltimate);
    EXPECT_TRUE(sawChain);
}

TEST_F(ExportCommand, TakesTheEvidenceLevelAndDeniedRelations) {
    auto ingest = claimgraph(
        "-q ingest " + shellQuote(std::string(CG_TEST_DATA) + "/export/evidence.claims.jsonl"));
    ASSERT_EQ(ingest.status, 0) << ingest.output;
    auto full = claimgraph("-q export --format graphml --out " + shellQuote(file("full.graphml")));
    auto none = claimgraph("-q export --format graphml --evidence none --out " +
                           shellQuote(file("none.graphml")));
    auto denied = claimgraph("-q export --format graphml --include-denied --out " +
                             shellQuote(file("denied.graphml")));
    ASSERT_EQ(full.status, 0) << full.output;
    ASSERT_EQ(none.status, 0) << none.output;
    ASSERT_EQ(denied.status, 0) << denied.output;
    auto fullText = readFile(file("full.graphml"));
    auto noneText = readFile(file("none.graphml"));
    auto deniedText = readFile(file("denied.graphml"));
    EXPECT_NE(fullText.find("<data key=\"edge_quotes\">"), std::string::npos);
    EXPECT_EQ(noneText.find("<data key=\"edge_quotes\">"), std::string::npos);
    EXPECT_NE(noneText.find("<data key=\"edge_claim_ids\">"), std::string::npos);
    EXPECT_EQ(fullText.find("<data key=\"edge_stance\">denied</data>"), std::string::npos);
    EXPECT_NE(deniedText.find("<data key=\"edge_stance\">denied</data>"), std::string::npos);
    EXPECT_NE(deniedText.find("include_denied: true"), std::string::npos);
    auto bad = claimgraph("export --format json --evidence most");
    EXPECT_EQ(bad.status, 2) << bad.output;
}

TEST(ExportCommandOwnership, WhatTheOwnersQuerySaysAboutTheWholeAnswerAndOtherEntitiesIsWritten) {
    TempDir dir;
    auto run = [&](const std::string& args) {
        return runCommand(shellQuote(CG_BINARY) + " -q --db " +
                          shellQuote(dir.file("po.claimgraph")) + " " + args);
    };
    std::string fixture =
        std::string(CG_SOURCE_DIR) + "/tests/data/claims/publishable-ownership.claims.jsonl";
    ASSERT_EQ(run("ingest " + shellQuote(fixture)).status, 0);
    std::string query = std::string(CG_SOURCE_DIR) + "/samples/queries/ultimate-owners.json";
    auto exportOwners = [&](const std::string& asset, const std::string& out) {
        auto r = run("export --format json --query " + shellQuote(query) + " --param asset=" +
                     shellQuote(asset) + " --param threshold=1 --out " + shellQuote(dir.file(out)));
        EXPECT_EQ(r.status, 0) << r.output;
        rapidjson::Document d;
        std::string text = readFile(dir.file(out));
        d.Parse(text.c_str());
        EXPECT_FALSE(d.HasParseError()) << text.substr(0, 200);
        return d;
    };
    // Dunlin Shipping's owners, valid at once, add up to more than 100%.
    auto dunlin = exportOwners("Dunlin Shipping Ltd", "dunlin.json");
    ASSERT_TRUE(dunlin.IsObject());
    const auto& selection = dunlin["graph"]["selection"];
    ASSERT_TRUE(selection.HasMember("result.over_allocated"));
    EXPECT_STREQ(selection["result.over_allocated"].GetString(), "true");
    ASSERT_TRUE(selection.HasMember("result.allocated_share_min"));
    EXPECT_GT(std::stod(selection["result.allocated_share_min"].GetString()), 100.0);
    // Wendeline Osk controls the foundation that owns Calloway Ridge: her node names it.
    auto calloway = exportOwners("Calloway Ridge Ltd", "calloway.json");
    ASSERT_TRUE(calloway.IsObject());
    EXPECT_STREQ(calloway["graph"]["selection"]["result.over_allocated"].GetString(), "false");
    bool sawController = false;
    for (const auto& n : calloway["nodes"].GetArray()) {
        if (std::string(n["label"].GetString()) != "Wendeline Osk") continue;
        sawController = true;
        ASSERT_TRUE(n.HasMember("query_via_control")) << "the controller names what it controls";
        EXPECT_STREQ(n["query_via_control"].GetString(), "marrow");
    }
    EXPECT_TRUE(sawController);
}
