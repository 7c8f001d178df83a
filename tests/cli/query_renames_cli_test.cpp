// SPDX-License-Identifier: MIT
// Arguments renamed to their command-line spelling (issue 20, point 1): saved queries stored
// with the old names still validate and run, and give what the new names give.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_runner.hpp"

namespace {

using cg::testing::CliOutcome;
using cg::testing::CliTest;
using cg::testing::contains;

const std::string kSource = CG_SOURCE_DIR;

class QueryRenames : public CliTest {
  protected:
    void SetUp() override {
        auto r = run({"ingest", kSource + "/samples/seed-article.claims.jsonl",
                      kSource + "/samples/fictional-ownership.claims.jsonl"});
        ASSERT_EQ(r.code, 0) << r;
    }

    // Saves a saved query document and returns the outcome of `query save`.
    CliOutcome save(const std::string& name, const std::string& document) {
        return run({"query", "save", dir_.write(name + ".json", document)});
    }
};

}  // namespace

TEST_F(QueryRenames, ASavedRedFlagsQueryWithMinDirectorshipsStillRunsAsMinBoards) {
    ASSERT_EQ(save("old-flags", R"({"name": "old-flags", "query": {"kind": "red-flags",
                                   "min_companies": 2, "min_directorships": 2}})")
                  .code,
              0);
    ASSERT_EQ(save("new-flags", R"({"name": "new-flags", "query": {"kind": "red-flags",
                                   "min_companies": 2, "min_boards": 2}})")
                  .code,
              0);
    auto old = run({"query", "run", "old-flags"});
    auto renamed = run({"query", "run", "new-flags"});
    auto cli = run({"query", "red-flags", "--min-companies", "2", "--min-boards", "2"});
    ASSERT_EQ(old.code, 0) << old;
    EXPECT_TRUE(contains(old.out, "sits on many boards")) << old;
    EXPECT_EQ(old.out, renamed.out);
    EXPECT_EQ(old.out, cli.out);
}

TEST_F(QueryRenames, AnUnknownRedFlagsArgumentListsMinBoards) {
    auto r = save("typo", R"({"name": "typo", "query": {"kind": "red-flags", "min_bords": 2}})");
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(contains(r.err, "(expected min_companies, min_boards, max_memory)")) << r;
}
TEST_F(QueryRenames, ASavedDenialsQueryWithTypesStillRunsAsDenyingTypes) {
    ASSERT_EQ(save("old-denials", R"({"name": "old-denials", "query": {"kind": "denials",
                                     "types": ["Company"]}})")
                  .code,
              0);
    ASSERT_EQ(save("new-denials", R"({"name": "new-denials", "query": {"kind": "denials",
                                     "denying_types": ["Company"]}})")
                  .code,
              0);
    auto old = run({"query", "run", "old-denials"});
    auto renamed = run({"query", "run", "new-denials"});
    auto cli = run({"query", "denials", "--denying-types", "Company"});
    auto all = run({"query", "denials"});
    ASSERT_EQ(old.code, 0) << old;
    EXPECT_EQ(old.out, renamed.out);
    EXPECT_EQ(old.out, cli.out);
    EXPECT_NE(old.out, all.out) << "the type filter should leave some denials out";
}
TEST_F(QueryRenames, PathTakesModeWithAllAndCredibleAsShorthands) {
    const std::string a = "Marisol Vantongeren", b = "Opaline Bay Casino & Hotel";
    auto all = run({"query", "path", a, b, "--all"});
    auto modeAll = run({"query", "path", a, b, "--mode", "all"});
    auto credible = run({"query", "path", a, b, "--credible"});
    auto modeCredible = run({"query", "path", a, b, "--mode", "credible"});
    auto shortest = run({"query", "path", a, b});
    auto modeShortest = run({"query", "path", a, b, "--mode", "shortest"});
    ASSERT_EQ(all.code, 0) << all;
    EXPECT_EQ(all.out, modeAll.out);
    EXPECT_EQ(credible.out, modeCredible.out);
    EXPECT_EQ(shortest.out, modeShortest.out);
    EXPECT_NE(all.out, shortest.out) << "the sample has more than one shortest path";
    auto bad = run({"query", "path", a, b, "--mode", "longest"});
    EXPECT_EQ(bad.code, 2) << bad;
}
