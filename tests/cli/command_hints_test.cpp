// SPDX-License-Identifier: MIT
// Help that helps: an unknown command, option or entity names the nearest known one.
#include "cli/command_hints.hpp"

#include <gtest/gtest.h>

#include "tests/cli/cli_runner.hpp"

using cg::cli::nearestName;
using cg::testing::contains;
using Outcome = cg::testing::CliOutcome;

TEST(NearestName, TakesASlipOfALetterOrTwoSwapped) {
    std::vector<std::string> commands = {"show", "stats", "search", "sources", "explain"};
    EXPECT_EQ(nearestName("shwo", commands), "show");
    EXPECT_EQ(nearestName("stast", commands), "stats");
    EXPECT_EQ(nearestName("serach", commands), "search");
    EXPECT_EQ(nearestName("explian", commands), "explain");
    EXPECT_EQ(nearestName("--treshold", {"--threshold", "--top"}), "--threshold");
}

TEST(NearestName, TakesTheStartOfOneNameButNotOfSeveral) {
    EXPECT_EQ(nearestName("expl", {"explain", "export"}), "explain");
    EXPECT_EQ(nearestName("ex", {"explain", "export"}), "");
}

TEST(NearestName, SaysNothingWhenNothingIsClose) {
    EXPECT_EQ(nearestName("zzz", {"show", "stats"}), "");
    EXPECT_EQ(nearestName("", {"show"}), "");
    EXPECT_EQ(nearestName("shwo", {}), "");
}

namespace {

class CommandHintsCli : public cg::testing::CliTest {
  protected:
    CommandHintsCli() {
        Outcome r = run({"ingest", CG_SOURCE_DIR "/samples/seed-article.claims.jsonl"});
        EXPECT_EQ(r.code, 0) << r;
    }
};

}  // namespace

TEST_F(CommandHintsCli, AnUnknownCommandNamesTheNearestOne) {
    Outcome r = run({"shwo", "Sar Kheng"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "error: unknown command 'shwo'; did you mean 'show'?\n"
              "run 'claimgraph --help' for the commands and options\n");
    r = run({"query", "pth", "a", "b"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "unknown command 'query pth'; did you mean 'query path'?")) << r;
    EXPECT_TRUE(contains(r.err, "run 'claimgraph query --help'")) << r;
}

TEST_F(CommandHintsCli, AnUnknownOptionNamesTheNearestOneOfItsCommand) {
    Outcome r = run({"query", "owners", "X", "--treshold", "5"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "unknown option '--treshold'; did you mean '--threshold'?")) << r;
    EXPECT_TRUE(contains(r.err, "run 'claimgraph query owners --help' for its options")) << r;
    // Options of the main program are known after a command as well.
    r = run({"show", "Sar Kheng", "--jsno"});
    EXPECT_TRUE(contains(r.err, "did you mean '--json'?")) << r;
    EXPECT_EQ(run({"show", "Sar Kheng", "--json"}).code, 0);
}

TEST_F(CommandHintsCli, AMisspelledEntitySuggestsTheClosestNamesWithTheirIds) {
    Outcome r = run({"show", "Sar Keng"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(contains(r.err,
                         "no entity matches 'Sar Keng'; did you mean:\n"
                         "  person/sar-kheng  Sar Kheng (Person)"))
        << r;
    EXPECT_EQ(run({"show", "person/sar-kheng"}).code, 0);
}
