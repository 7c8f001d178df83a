// SPDX-License-Identifier: MIT
// Outputs that cannot be written, through the claimgraph binary: standard output on a full
// device, a file-size limit that would kill the process, and --out on a FIFO or a device.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <future>
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

// Runs `args` with standard output on /dev/full; its exit code and standard error.
RunResult runIntoFullDevice(const TempDir& dir, const std::vector<std::string>& args) {
    static int counter = 0;
    std::string err = dir.file("full-" + std::to_string(counter++) + ".err");
    cg::testing::Child child = cg::testing::startChild(args, "/dev/full", err);
    RunResult r;
    r.code = cg::testing::waitChild(child);
    r.err = readFile(err);
    return r;
}

class OutputErrors : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = dir_.file("sample.claimgraph");
        RunResult r = runChild(dir_, {kBinary, "--db", db_, "ingest", kSample});
        ASSERT_EQ(r.code, 0) << r.err;
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(OutputErrors, EveryReadingCommandFailsWhenStandardOutputCannotBeWritten) {
    if (!fs::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    const std::vector<std::vector<std::string>> commands = {
        {"stats"},
        {"--json", "stats"},
        {"entities"},
        {"--json", "entities"},
        {"sources"},
        {"show", "Marisol Vantongeren"},
        {"--json", "show", "Marisol Vantongeren"},
        {"query", "neighbours", "Aurelian Holdings Ltd"},
        {"--json", "query", "neighbours", "Aurelian Holdings Ltd"},
        {"query", "run", kQuery, "--csv"},
        {"export", "--format", "json"},
    };
    for (const auto& command : commands) {
        std::vector<std::string> args = {kBinary, "--db", db_};
        args.insert(args.end(), command.begin(), command.end());
        SCOPED_TRACE(command.back());
        RunResult r = runIntoFullDevice(dir_, args);
        EXPECT_EQ(r.code, 1) << r.err;
        EXPECT_NE(r.err.find("no space left on device"), std::string::npos) << r.err;
    }
}

TEST_F(OutputErrors, AFileSizeLimitEndsAnIngestWithAMessageNotASignal) {
    // The limit is set and SIGXFSZ left at its default, as `ulimit -f` leaves it: the kernel
    // kills a process that does not ignore it.
    ChildLimits limits;
    limits.maxFileSize = 64u << 10;
    limits.ignoreFileSizeSignal = false;
    std::string db = dir_.file("limited.claimgraph");
    RunResult r = runChild(dir_, {kBinary, "--db", db, "ingest", kSample}, limits);
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("larger than the system allows"), std::string::npos) << r.err;

    std::string out = dir_.file("big.graphml");
    RunResult e =
        runChild(dir_, {kBinary, "--db", db_, "export", "--format", "graphml", "--out", out},
                 ChildLimits{64u << 10, std::nullopt, false});
    EXPECT_EQ(e.code, 1) << e.err;
    EXPECT_NE(e.err.find(out + ": cannot write: file too large"), std::string::npos) << e.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(OutputErrors, ExportToAFifoStreamsIntoIt) {
    std::string fifo = dir_.file("graph.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto reader = std::async(std::launch::async, [&] { return readFile(fifo); });
    RunResult r =
        runChild(dir_, {kBinary, "--db", db_, "export", "--format", "json", "--out", fifo});
    EXPECT_EQ(r.code, 0) << r.err;
    std::string got = reader.get();
    EXPECT_NE(got.find("Marisol Vantongeren"), std::string::npos);
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(OutputErrors, ExportKeepsTheModeOfTheFileItReplaces) {
    std::string out = dir_.write("graph.json", "old");
    fs::permissions(out, fs::perms(0600));
    RunResult r =
        runChild(dir_, {kBinary, "--db", db_, "export", "--format", "json", "--out", out});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(fs::status(out).permissions() & fs::perms::all, fs::perms(0600));
    EXPECT_NE(readFile(out).find("Marisol Vantongeren"), std::string::npos);
}

}  // namespace
