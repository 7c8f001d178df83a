// SPDX-License-Identifier: MIT
// Read-only databases through the claimgraph binary: a file or a folder the user may not
// write is read by stats, show, queries and exports, and nothing is added beside it. The test
// runs as root in CI, where file modes do not bind: the commands then run as `nobody`
// (setuid in the child), so the modes are real; as another user they are set with chmod.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/graph/temp_dir.hpp"
#include "tests/reliability/child_process.hpp"

using cg::testing::ChildLimits;
using cg::testing::readFile;
using cg::testing::runChild;
using cg::testing::RunResult;
using cg::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kBinary = CG_BINARY;
const std::string kSample = CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl";
const std::string kQuery = CG_SOURCE_DIR "/samples/queries/ultimate-owners.json";

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class ReadOnlyDatabase : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = dir_.file("case.claimgraph");
        RunResult r = runChild(logs_, {kBinary, "--db", db_, "ingest", kSample});
        ASSERT_EQ(r.code, 0) << r.err;
        ASSERT_EQ(entries(dir_.path()), std::vector<std::string>{"case.claimgraph"});
        before_ = readFile(db_);
        // Where the exports go: anyone may write there.
        fs::permissions(outs_.path(), fs::perms(0777));
    }
    void TearDown() override {
        fs::permissions(dir_.path(), fs::perms(0755));
        fs::permissions(db_, fs::perms(0644));
    }

    // The database file may be read, not written; the folder is writable or not.
    ChildLimits readOnly(bool folderWritable) {
        ChildLimits limits;
        if (::geteuid() == 0) {
            limits.user = 65534;  // nobody: the file stays root's 0644
            fs::permissions(dir_.path(), fs::perms(folderWritable ? 0777 : 0755));
        } else {
            fs::permissions(db_, fs::perms(0444));
            fs::permissions(dir_.path(), fs::perms(folderWritable ? 0777 : 0555));
        }
        return limits;
    }

    // Every reading command works and the folder is left as it was.
    void expectEveryReadingCommandWorks(const ChildLimits& limits) {
        const std::vector<std::vector<std::string>> commands = {
            {"stats"},
            {"--json", "stats"},
            {"entities"},
            {"show", "Marisol Vantongeren"},
            {"query", "neighbours", "Aurelian Holdings Ltd"},
            {"query", "run", kQuery, "--csv"},
            {"export", "--format", "json", "--out", outs_.file("graph.json")},
            {"export", "--format", "neo4j", "--out", outs_.file("neo4j")},
        };
        for (const auto& command : commands) {
            std::vector<std::string> args = {kBinary, "--db", db_};
            args.insert(args.end(), command.begin(), command.end());
            SCOPED_TRACE(command[command.size() > 1 ? 1 : 0]);
            RunResult r = runChild(logs_, args, limits);
            EXPECT_EQ(r.code, 0) << r.err;
            EXPECT_EQ(r.err.find("error"), std::string::npos) << r.err;
            EXPECT_EQ(entries(dir_.path()), std::vector<std::string>{"case.claimgraph"});
        }
        RunResult stats = runChild(logs_, {kBinary, "--db", db_, "--json", "stats"}, limits);
        EXPECT_NE(stats.out.find("\"claims\""), std::string::npos) << stats.out;
        EXPECT_NE(readFile(outs_.file("graph.json")).find("Marisol Vantongeren"),
                  std::string::npos);
        EXPECT_TRUE(fs::exists(outs_.file("neo4j/nodes.csv")));
        EXPECT_EQ(readFile(db_), before_);
    }

    TempDir dir_;
    TempDir logs_;
    TempDir outs_;
    std::string db_;
    std::string before_;
};

TEST_F(ReadOnlyDatabase, InAFolderNobodyMayWriteIsReadAsItIs) {
    expectEveryReadingCommandWorks(readOnly(false));
}

TEST_F(ReadOnlyDatabase, AFileTheUserMayNotWriteIsReadAndNoFileIsAddedBesideIt) {
    expectEveryReadingCommandWorks(readOnly(true));
}

TEST_F(ReadOnlyDatabase, WritingCommandsAreStillRefusedClearly) {
    ChildLimits limits = readOnly(false);
    RunResult r = runChild(logs_,
                           {kBinary, "--db", db_, "resolve", "merge", "Aurelian Holdings Ltd",
                            "Gildenmoor Trading Ltd"},
                           limits);
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
    EXPECT_EQ(readFile(db_), before_);
}

}  // namespace
