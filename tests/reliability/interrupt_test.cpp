// SPDX-License-Identifier: MIT
// Ctrl-C (issue 23, point 5): SIGINT to an export, report or view writing --out exits 130,
// removes its temporary file or directory and leaves the old output as it was; SIGINT to an
// ingest exits 130 with whole batches committed, and the same ingest run again completes it.
// CLAIMGRAPH_TEST_PAUSE_OUTPUT (export/interrupt_cleanup.hpp) holds a writer once its
// temporary has some output, so that the signal always lands mid-write.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/graph/temp_dir.hpp"
#include "tests/reliability/child_process.hpp"

using cg::testing::Child;
using cg::testing::readFile;
using cg::testing::runChild;
using cg::testing::startChild;
using cg::testing::TempDir;

namespace {

const std::string kBinary = CG_BINARY;
namespace fs = std::filesystem;

// The child's exit code when it exited (not when a signal ended it: then -1).
int exitCode(const Child& child) {
    int status = 0;
    while (::waitpid(child.pid, &status, 0) < 0) {
        if (errno != EINTR) return -2;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Waits up to 20 s for `path` to exist.
bool appears(const std::string& path) {
    for (int i = 0; i < 2000; ++i) {
        if (fs::exists(path)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

// The hidden temporaries (".NAME.XXXXXX") beside `name` in `dir`.
std::vector<std::string> temporaries(const TempDir& dir, const std::string& name) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        std::string file = entry.path().filename().string();
        if (file.rfind("." + name + ".", 0) == 0) found.push_back(file);
    }
    return found;
}

class Interrupt : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string claims = R"({"source": {"id": "s", "title": "t", "kind": "other"}})"
                             "\n";
        for (int i = 0; i < 200; ++i) {
            claims +=
                R"({"id": "c)" + std::to_string(i) +
                R"(", "source": "s", "subject": {"type": "Person", "name": "Person )" +
                std::to_string(i) +
                R"("}, "relation": "director_of", "object": {"type": "Company", "name": "Company )" +
                std::to_string(i % 20) + R"("}, "quote": "said so"})" + "\n";
        }
        auto r = runChild(
            dir_, {kBinary, "--db", db_, "-q", "ingest", dir_.write("small.claims.jsonl", claims)});
        ASSERT_EQ(r.code, 0) << r.err;
    }
    void TearDown() override { ::unsetenv("CLAIMGRAPH_TEST_PAUSE_OUTPUT"); }

    // Starts `args` with the writer held mid-write, waits until it is, and interrupts it.
    int interruptMidWrite(const std::vector<std::string>& args, const std::string& outName) {
        std::string marker = dir_.file("paused-" + outName);
        ::setenv("CLAIMGRAPH_TEST_PAUSE_OUTPUT", marker.c_str(), 1);
        std::vector<std::string> all{kBinary, "--db", db_};
        all.insert(all.end(), args.begin(), args.end());
        Child child = startChild(all, dir_.file("run.out"), dir_.file("run.err"));
        ::unsetenv("CLAIMGRAPH_TEST_PAUSE_OUTPUT");
        EXPECT_TRUE(appears(marker)) << readFile(child.errPath);
        // Mid-write: the temporary holds output and the old output is still in place.
        EXPECT_EQ(temporaries(dir_, outName).size(), 1u);
        ::kill(child.pid, SIGINT);
        return exitCode(child);
    }

    TempDir dir_;
    std::string db_ = dir_.file("case.claimgraph");
};

TEST_F(Interrupt, CtrlCDuringAnExportExits130AndLeavesTheOldFileAndNoTemporary) {
    std::string out = dir_.write("graph.graphml", "the old export\n");
    EXPECT_EQ(interruptMidWrite({"export", "--format", "graphml", "--out", out}, "graph.graphml"),
              130);
    EXPECT_TRUE(temporaries(dir_, "graph.graphml").empty());
    EXPECT_EQ(readFile(out), "the old export\n");
}

TEST_F(Interrupt, CtrlCDuringANewExportLeavesNoFileAtAll) {
    std::string out = dir_.file("new.json");
    EXPECT_EQ(interruptMidWrite({"export", "--format", "json", "--out", out}, "new.json"), 130);
    EXPECT_TRUE(temporaries(dir_, "new.json").empty());
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(Interrupt, CtrlCDuringANeo4jExportKeepsTheOldDirectoryWhole) {
    std::string out = dir_.file("neo4j");
    auto first =
        runChild(dir_, {kBinary, "--db", db_, "export", "--format", "neo4j", "--out", out});
    ASSERT_EQ(first.code, 0) << first.err;
    std::string nodes = readFile(out + "/nodes.csv");
    std::string relationships = readFile(out + "/relationships.csv");
    ASSERT_FALSE(nodes.empty());
    EXPECT_EQ(interruptMidWrite({"export", "--format", "neo4j", "--out", out}, "neo4j"), 130);
    EXPECT_TRUE(temporaries(dir_, "neo4j").empty());
    EXPECT_EQ(readFile(out + "/nodes.csv"), nodes);
    EXPECT_EQ(readFile(out + "/relationships.csv"), relationships);
}

TEST_F(Interrupt, CtrlCDuringAReportOrAViewLeavesNoFile) {
    std::string report = dir_.file("dossier.html");
    EXPECT_EQ(interruptMidWrite({"report", "Company 3", "--out", report}, "dossier.html"), 130);
    EXPECT_FALSE(fs::exists(report));
    EXPECT_TRUE(temporaries(dir_, "dossier.html").empty());
    std::string view = dir_.file("view.html");
    EXPECT_EQ(interruptMidWrite({"view", "Company 3", "--out", view}, "view.html"), 130);
    EXPECT_FALSE(fs::exists(view));
    EXPECT_TRUE(temporaries(dir_, "view.html").empty());
}

TEST_F(Interrupt, CtrlCDuringAnIngestExits130WithWholeBatchesAndARerunCompletesIt) {
    constexpr int kClaims = 50000, kBatch = 500;
    std::string file = dir_.file("large.claims.jsonl");
    {
        std::ofstream out(file, std::ios::binary);
        out << R"({"source": {"id": "big", "title": "t", "kind": "other"}})" << '\n';
        for (long long i = 1; i <= kClaims; ++i) {
            out << R"({"id": "k)" << i
                << R"(", "source": "big", "subject": {"type": "Person", "name": "Person )"
                << (i * 7919) % 4000
                << R"("}, "relation": "director_of", "object": {"type": "Company", "name": "Company )"
                << (i * 104729) % 6000 << R"("}})" << '\n';
        }
    }
    std::string db = dir_.file("interrupted.claimgraph");
    std::vector<std::string> ingest{
        kBinary, "--db", db, "-q", "ingest", "--batch", std::to_string(kBatch), file};
    Child child = startChild(ingest, db + ".out", db + ".err");
    // Interrupted once some batches are committed.
    long long committed = 0;
    for (int i = 0; i < 2000 && committed == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        try {
            SQLite::Database d(db, SQLite::OPEN_READONLY);
            if (d.tableExists("claims"))
                committed = d.execAndGet("SELECT count(*) FROM claims").getInt64();
        } catch (const SQLite::Exception&) {
        }
    }
    ::kill(child.pid, SIGINT);
    ASSERT_EQ(exitCode(child), 130) << readFile(child.errPath);
    {
        SQLite::Database d(db, SQLite::OPEN_READWRITE);
        EXPECT_EQ(d.execAndGet("PRAGMA integrity_check").getString(), "ok");
        long long claims = d.execAndGet("SELECT count(*) FROM claims").getInt64();
        EXPECT_GT(claims, 0);
        EXPECT_LT(claims, kClaims);
        EXPECT_EQ((claims + 1) % kBatch, 0) << claims << " claims stored";
        EXPECT_EQ(d.execAndGet("SELECT count(*) FROM ingests").getInt64(), 0);
    }
    auto rerun = runChild(dir_, ingest);
    ASSERT_EQ(rerun.code, 0) << rerun.err;
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(d.execAndGet("SELECT count(*) FROM claims").getInt64(), kClaims);
}

}  // namespace
