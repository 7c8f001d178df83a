// SPDX-License-Identifier: MIT
// Crash safety: `claimgraph ingest` killed with SIGKILL at random points leaves a database that
// opens, passes PRAGMA integrity_check and holds exactly its committed batches; running the
// same ingest again completes it with no duplicates. Readers keep working during an ingest.
// CG_KILL_RUNS sets the number of kills (10 by default; docs/reliability.md records 50),
// CG_KILL_SEED the seed of the kill times.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/graph/database_dump.hpp"
#include "tests/graph/temp_dir.hpp"
#include "tests/reliability/child_process.hpp"

using cg::testing::Child;
using cg::testing::envNumber;
using cg::testing::runChild;
using cg::testing::RunResult;
using cg::testing::startChild;
using cg::testing::TempDir;

namespace {

constexpr int kClaims = 20000;
constexpr int kBatch = 1000;  // records per transaction: the source line counts as one
const std::string kBinary = CG_BINARY;

// One source, then claims k1..kN on lines 2..N+1: directorships and holdings among a few
// thousand people and companies, so resolution finds existing entities as often as it makes
// new ones.
std::string writeClaims(const TempDir& dir) {
    std::string path = dir.file("large.claims.jsonl");
    std::ofstream out(path, std::ios::binary);
    out << R"({"source": {"id": "kill-test", "title": "Generated for the kill test", "kind": "other"}})"
        << '\n';
    for (int i = 1; i <= kClaims; ++i) {
        out << R"({"id": "k)" << i
            << R"(", "source": "kill-test", "subject": {"type": "Person", "name": "Person )"
            << (i * 7919) % 4000 << R"("}, "relation": ")" << (i % 3 ? "director_of" : "owns")
            << R"(", "object": {"type": "Company", "name": "Company )" << (i * 104729) % 6000
            << R"("}, "quote": "line )" << i << R"(", "confidence": 0.8})" << '\n';
    }
    return path;
}

std::vector<std::string> ingestArgs(const std::string& db, const std::string& file) {
    return {kBinary, "--db", db, "-q", "ingest", "--batch", std::to_string(kBatch), file};
}

std::string dump(const std::string& db) { return cg::testing::dumpDatabase(db); }

long long count(SQLite::Database& d, const std::string& sql) {
    return d.execAndGet(sql).getInt64();
}

class KillTest : public ::testing::Test {
  protected:
    void SetUp() override {
        claims_ = writeClaims(dir_);
        reference_ = dir_.file("reference.claimgraph");
        auto started = std::chrono::steady_clock::now();
        RunResult r = runChild(dir_, ingestArgs(reference_, claims_));
        ingestTime_ = std::chrono::steady_clock::now() - started;
        ASSERT_EQ(r.code, 0) << r.err;
        expected_ = dump(reference_);
    }

    TempDir dir_;
    std::string claims_;
    std::string reference_;
    std::string expected_;
    std::chrono::steady_clock::duration ingestTime_{};
};

TEST_F(KillTest, KilledIngestKeepsCommittedBatchesAndRerunCompletesIt) {
    const long runs = envNumber("CG_KILL_RUNS", 10);
    std::mt19937 random(static_cast<std::uint32_t>(envNumber("CG_KILL_SEED", 20261128)));
    // Kill anywhere from before the database exists to just after the ingest would end.
    auto span = std::chrono::duration_cast<std::chrono::microseconds>(ingestTime_ * 11 / 10);
    std::uniform_int_distribution<long long> delay(0, span.count());
    int midIngest = 0;  // kills that found some but not all batches committed
    for (long run = 0; run < runs; ++run) {
        SCOPED_TRACE("kill " + std::to_string(run + 1) + " of " + std::to_string(runs));
        std::string db = dir_.file("killed-" + std::to_string(run) + ".claimgraph");
        Child child = startChild(ingestArgs(db, claims_), db + ".out", db + ".err");
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child.pid, SIGKILL);
        int code = cg::testing::waitChild(child);
        ASSERT_TRUE(code == 128 + SIGKILL || code == 0) << cg::testing::readFile(child.errPath);

        if (std::filesystem::exists(db)) {
            SQLite::Database d(db, SQLite::OPEN_READWRITE);
            EXPECT_EQ(d.execAndGet("PRAGMA integrity_check").getString(), "ok");
            // Killed before its first transaction, the database may have no tables yet.
            if (d.tableExists("claims")) {
                long long claims = count(d, "SELECT count(*) FROM claims");
                long long sources = count(d, "SELECT count(*) FROM sources");
                long long finished = count(d, "SELECT count(*) FROM ingests");
                EXPECT_EQ(count(d, "SELECT count(*) FROM rejections"), 0);
                if (finished == 1) {
                    EXPECT_EQ(claims, kClaims);
                } else {
                    EXPECT_EQ(finished, 0);
                    // Whole batches only, and the first claims of the file in order.
                    EXPECT_EQ((sources + claims) % kBatch, 0) << claims << " claims stored";
                    EXPECT_EQ(sources, claims > 0 ? 1 : sources);
                    EXPECT_EQ(count(d, "SELECT count(*) FROM claims WHERE line <= " +
                                           std::to_string(claims + 1)),
                              claims);
                    if (claims > 0 && claims < kClaims) ++midIngest;
                }
            }
        }

        RunResult rerun = runChild(dir_, ingestArgs(db, claims_));
        ASSERT_EQ(rerun.code, 0) << rerun.err;
        EXPECT_EQ(dump(db), expected_) << "the completed database differs from a clean ingest";
        std::filesystem::remove(db);
        std::filesystem::remove(db + "-wal");
        std::filesystem::remove(db + "-shm");
    }
    // The delays must reach the middle of the ingest, or the test proves little.
    if (runs >= 10) {
        EXPECT_GT(midIngest, 0);
    }
    std::cout << "[ kill test ] " << runs << " kills, " << midIngest
              << " in the middle of the ingest; one ingest took "
              << std::chrono::duration_cast<std::chrono::milliseconds>(ingestTime_).count()
              << " ms\n";
}

TEST_F(KillTest, ReadersWorkWhileAnIngestRuns) {
    std::string db = dir_.file("busy.claimgraph");
    // A database that exists before the ingest starts, so readers can open it at once.
    RunResult init = runChild(dir_, {kBinary, "--db", db, "init"});
    ASSERT_EQ(init.code, 0) << init.err;
    // Small batches: many commits for the readers to see.
    Child ingest = startChild({kBinary, "--db", db, "-q", "ingest", "--batch", "100", claims_},
                              db + ".out", db + ".err");
    int code = -1;
    int duringIngest = 0;
    long long lastSeen = 0;
    while (true) {
        RunResult stats = runChild(dir_, {kBinary, "--db", db, "--json", "stats"});
        bool running = cg::testing::stillRunning(ingest, code);
        ASSERT_EQ(stats.code, 0) << stats.err;
        auto at = stats.out.find("\"claims\": ");
        ASSERT_NE(at, std::string::npos) << stats.out;
        long long claims = std::stoll(stats.out.substr(at + 10));
        // A reader sees whole batches only, and never fewer claims than before.
        if (claims != kClaims) {
            EXPECT_EQ((claims + (claims > 0 ? 1 : 0)) % 100, 0) << claims;
        }
        EXPECT_GE(claims, lastSeen);
        lastSeen = claims;
        if (!running) break;
        ++duringIngest;
    }
    EXPECT_EQ(code, 0) << cg::testing::readFile(db + ".err");
    EXPECT_GT(duringIngest, 0) << "the ingest ended before any reader ran";
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(count(d, "SELECT count(*) FROM claims"), kClaims);
}

}  // namespace
