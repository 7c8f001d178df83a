// SPDX-License-Identifier: MIT
// `claimgraph retract` end to end: by source and by file, the printed and the JSON report,
// the log, re-ingest, hidden entities in the other commands, undo and refused arguments.
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

const std::string kRegistry = CG_SOURCE_DIR "/tests/data/claims/retraction/registry.claims.jsonl";
const std::string kLeak = CG_SOURCE_DIR "/tests/data/claims/retraction/leak.claims.jsonl";

class RetractCli : public cg::testing::CliTest {
  protected:
    RetractCli() {
        Outcome r = run({"ingest", kRegistry, kLeak});
        EXPECT_EQ(r.code, 0) << r;
    }
};

}  // namespace

TEST_F(RetractCli, RetractingASourcePrintsWhatChanged) {
    Outcome r = run({"retract", "--source", "registry-a", "--reason", "forged extract"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "retraction 1: source 'registry-a' (forged extract)")) << r;
    EXPECT_TRUE(contains(r.out, "claims retracted 4")) << r;
    EXPECT_TRUE(
        contains(r.out, "relations removed (1):\n  director_of  Lim Bun -> Golden Sands Ltd"))
        << r;
    EXPECT_TRUE(contains(
        r.out, "relations changed (1):\n  owns  Golden Sands Ltd -> Golden Sands compound"))
        << r;
    EXPECT_TRUE(contains(r.out, "% -> 50-70%")) << r;
    EXPECT_TRUE(contains(r.out, "entities hidden (1):\n  ")) << r;
    EXPECT_TRUE(contains(r.out, "Lim Bun (Person)")) << r;
}

TEST_F(RetractCli, JsonReportGivesOldAndNewValues) {
    Outcome r = run({"retract", "--source", "registry-a"}, true);
    ASSERT_EQ(r.code, 0) << r;
    auto d = parse(r);
    EXPECT_FALSE(d["dry_run"].GetBool());
    EXPECT_FALSE(d["undo"].GetBool());
    ASSERT_EQ(d["retractions"].Size(), 1u);
    EXPECT_EQ(d["retractions"][0]["id"].GetInt(), 1);
    EXPECT_TRUE(d["retractions"][0]["undone"].IsNull());
    EXPECT_EQ(d["claims"].Size(), 4u);
    bool changed = false, removed = false;
    for (const auto& rel : d["relations"].GetArray()) {
        std::string change = rel["change"].GetString();
        if (change == "changed") {
            changed = true;
            EXPECT_STREQ(rel["type"].GetString(), "owns");
            EXPECT_STREQ(rel["subject"]["name"].GetString(), "Golden Sands Ltd");
            EXPECT_STREQ(rel["subject"]["type"].GetString(), "Company");
            EXPECT_EQ(rel["before"]["share_max"].GetDouble(), 80);
            EXPECT_EQ(rel["after"]["share_min"].GetDouble(), 50);
            EXPECT_EQ(rel["after"]["share_max"].GetDouble(), 70);
            EXPECT_GT(rel["before"]["confidence"].GetDouble(),
                      rel["after"]["confidence"].GetDouble());
        } else if (change == "removed") {
            removed = true;
            EXPECT_TRUE(rel["after"].IsNull());
        }
    }
    EXPECT_TRUE(changed && removed) << r;
    ASSERT_EQ(d["entities_hidden"].Size(), 1u);
    EXPECT_STREQ(d["entities_hidden"][0]["name"].GetString(), "Lim Bun");
}

TEST_F(RetractCli, HiddenEntitiesLeaveEveryOutputAndComeBackAfterUndo) {
    ASSERT_EQ(run({"retract", "--file", kRegistry}).code, 0);
    EXPECT_FALSE(contains(run({"entities"}).out, "Lim Bun\n"));
    Outcome show = run({"show", "Lim Bun"});
    EXPECT_EQ(show.code, 1) << show;
    EXPECT_TRUE(contains(run({"stats"}).out, "retracted   4 claims")) << run({"stats"});
    std::string graph = dir_.file("graph.json");
    ASSERT_EQ(run({"export", "--format", "json", "--out", graph}).code, 0);
    EXPECT_FALSE(contains(readFile(graph), "Lim Bun\""));
    EXPECT_TRUE(contains(readFile(graph), "Lim Bunn"));

    Outcome undo = run({"retract", "--undo", "--file", kRegistry});
    ASSERT_EQ(undo.code, 0) << undo;
    EXPECT_TRUE(contains(undo.out, "undid retraction 1: file")) << undo;
    EXPECT_TRUE(contains(undo.out, "relations restored (1):")) << undo;
    EXPECT_TRUE(contains(undo.out, "entities shown again (1):")) << undo;
    EXPECT_EQ(run({"show", "Lim Bun"}).code, 0);
    Outcome list = run({"retract", "--list"}, true);
    auto d = parse(list);
    ASSERT_EQ(d.Size(), 1u);
    EXPECT_STREQ(d[0]["kind"].GetString(), "file");
    EXPECT_TRUE(d[0]["undone"].IsString());
}

TEST_F(RetractCli, ExportsCarryNoEvidenceOfARetractedSource) {
    ASSERT_EQ(run({"retract", "--source", "registry-a"}).code, 0);
    std::string graph = dir_.file("graph.graphml");
    ASSERT_EQ(run({"export", "--format", "graphml", "--evidence", "full", "--out", graph}).code, 0);
    std::string text = readFile(graph);
    // Golden Sands Ltd stays (the leak names it) but neither the registry's quotes nor its
    // jurisdiction property nor the registry as a source travel with it.
    EXPECT_TRUE(contains(text, "Golden Sands Ltd"));
    EXPECT_TRUE(contains(text, "between half and 70% of the compound"));
    for (const char* gone : {"holds 80% of the compound", "Registered in Cambodia", "jurisdiction",
                             "Fictional company registry extract", "Lim Bun\""}) {
        EXPECT_FALSE(contains(text, gone)) << gone;
    }
}

TEST_F(RetractCli, ReingestCountsRetractedClaims) {
    ASSERT_EQ(run({"retract", "--source", "registry-a"}).code, 0);
    Outcome r = run({"ingest", kRegistry});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "accepted 0, rejected 0, retracted 4 (kept out)")) << r;
    Outcome j = run({"ingest", kRegistry}, true);
    EXPECT_EQ(parse(j)["files"][0]["retracted"].GetInt(), 4) << j;
}

TEST_F(RetractCli, DryRunChangesNothing) {
    Outcome r = run({"retract", "--source", "registry-a", "--dry-run"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "dry run: nothing was changed")) << r;
    EXPECT_EQ(run({"show", "Lim Bun"}).code, 0);
    EXPECT_EQ(parse(run({"retract", "--list"}, true)).Size(), 0u);
}

TEST_F(RetractCli, RefusesWhatItCannotDo) {
    EXPECT_EQ(run({"retract"}).code, 1);
    EXPECT_EQ(run({"retract", "--source", "a", "--file", "b"}).code, 2);
    Outcome unknown = run({"retract", "--source", "no-such-source"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(contains(unknown.err, "unknown source 'no-such-source'")) << unknown;
    EXPECT_EQ(run({"retract", "--undo", "7"}).code, 1);
    Outcome help = run({"retract", "--help"});
    EXPECT_EQ(help.code, 0);
    for (const char* option : {"--source", "--file", "--reason", "--dry-run", "--list", "--undo"}) {
        EXPECT_TRUE(contains(help.out, option)) << option;
    }
}
