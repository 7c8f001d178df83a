// SPDX-License-Identifier: MIT
// Crash safety of `claimgraph retract`: killed with SIGKILL at random points, it leaves the
// database as it was before or with the whole retraction, never part of it; running it again
// completes it. CG_KILL_RUNS sets the number of kills (10 by default), CG_KILL_SEED the seed.
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
const std::string kBinary = CG_BINARY;

// Two sources whose claims alternate over the same people and companies, so that retracting
// one changes many relations and removes many others.
std::string writeClaims(const TempDir& dir) {
    std::string path = dir.file("two-sources.claims.jsonl");
    std::ofstream out(path, std::ios::binary);
    out << R"({"source": {"id": "kept", "title": "Kept", "kind": "registry", "published": "2021-01-01"}})"
        << '\n'
        << R"({"source": {"id": "retracted", "title": "Retracted", "kind": "leak", "published": "2023-01-01"}})"
        << '\n';
    for (int i = 1; i <= kClaims; ++i) {
        out << R"({"id": "k)" << i << R"(", "source": ")" << (i % 2 ? "kept" : "retracted")
            << R"(", "subject": {"type": "Person", "name": "Person )" << (i * 7919) % 3000
            << R"("}, "relation": ")" << (i % 3 ? "director_of" : "owns")
            << R"(", "object": {"type": "Company", "name": "Company )" << (i * 104729) % 4000
            << R"("}, "quote": "line )" << i << R"(", "confidence": 0.)" << 5 + i % 4 << "}\n";
    }
    return path;
}

// The database's content with the retraction log, without its timestamps.
std::string dump(const std::string& db) {
    std::string text = cg::testing::dumpDatabase(db);
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    for (const char* sql : {"SELECT * FROM retracted_claims ORDER BY id",
                            "SELECT id, kind, target, reason, claims, undone IS NULL FROM "
                            "retractions ORDER BY id"}) {
        SQLite::Statement q(d, sql);
        text += std::string("== ") + sql + "\n";
        while (q.executeStep()) {
            for (int c = 0; c < q.getColumnCount(); ++c) {
                text += q.getColumn(c).isNull() ? "NULL" : q.getColumn(c).getString();
                text += '|';
            }
            text += '\n';
        }
    }
    return text;
}

long long count(SQLite::Database& d, const std::string& sql) {
    return d.execAndGet(sql).getInt64();
}

void copyDatabase(const std::string& from, const std::string& to) {
    for (const char* suffix : {"", "-wal"}) {
        if (std::filesystem::exists(from + suffix)) {
            std::filesystem::copy_file(from + suffix, to + suffix,
                                       std::filesystem::copy_options::overwrite_existing);
        }
    }
}

std::vector<std::string> retractArgs(const std::string& db) {
    return {kBinary, "--db", db, "-q", "retract", "--source", "retracted", "--reason", "kill test"};
}

TEST(RetractKillTest, KilledRetractionLeavesAllOrNothingAndRerunCompletesIt) {
    TempDir dir;
    std::string claims = writeClaims(dir);
    std::string base = dir.file("base.claimgraph");
    RunResult ingest = runChild(dir, {kBinary, "--db", base, "-q", "ingest", claims});
    ASSERT_EQ(ingest.code, 0) << ingest.err;
    std::string before = dump(base);
    std::string reference = dir.file("reference.claimgraph");
    copyDatabase(base, reference);
    auto started = std::chrono::steady_clock::now();
    RunResult done = runChild(dir, retractArgs(reference));
    auto retractTime = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(done.code, 0) << done.err;
    std::string after = dump(reference);
    ASSERT_NE(before, after);

    const long runs = envNumber("CG_KILL_RUNS", 10);
    std::mt19937 random(static_cast<std::uint32_t>(envNumber("CG_KILL_SEED", 20261207)));
    auto span = std::chrono::duration_cast<std::chrono::microseconds>(retractTime * 11 / 10);
    std::uniform_int_distribution<long long> delay(0, span.count());
    int untouched = 0, whole = 0;
    for (long run = 0; run < runs; ++run) {
        SCOPED_TRACE("kill " + std::to_string(run + 1) + " of " + std::to_string(runs));
        std::string db = dir.file("killed-" + std::to_string(run) + ".claimgraph");
        copyDatabase(base, db);
        Child child = startChild(retractArgs(db), db + ".out", db + ".err");
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child.pid, SIGKILL);
        int code = cg::testing::waitChild(child);
        ASSERT_TRUE(code == 128 + SIGKILL || code == 0) << cg::testing::readFile(child.errPath);
        {
            SQLite::Database d(db, SQLite::OPEN_READWRITE);
            EXPECT_EQ(d.execAndGet("PRAGMA integrity_check").getString(), "ok");
        }
        std::string state = dump(db);
        if (state == before) {
            ++untouched;
            RunResult rerun = runChild(dir, retractArgs(db));
            ASSERT_EQ(rerun.code, 0) << rerun.err;
        } else {
            ++whole;
        }
        EXPECT_EQ(dump(db), after) << "a retraction was left half done";
        SQLite::Database d(db, SQLite::OPEN_READONLY);
        EXPECT_EQ(count(d, "SELECT count(*) FROM claims"), kClaims / 2);
    }
    std::cout << "[ retract kill test ] " << runs << " kills: " << untouched
              << " before the commit, " << whole << " after; one retraction took "
              << std::chrono::duration_cast<std::chrono::milliseconds>(retractTime).count()
              << " ms\n";
}

}  // namespace
