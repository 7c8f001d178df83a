// SPDX-License-Identifier: MIT
// Two commands that change one database run one after the other (graph/writer_lock.hpp):
// the second waits for the first (up to --wait), readers keep reading, and the result is the
// one the two give when run in turn. Tested with real processes.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "tests/cli/cli_runner.hpp"

using namespace cg::testing;

namespace {

// A claims file of `count` ownership claims between companies named by type and name (both
// files name some of the same companies), so that an ingest takes long enough to overlap.
std::string claimsFile(const TempDir& dir, const std::string& name, int first, int count) {
    std::string path = dir.file(name);
    std::ofstream out(path);
    out << R"x({"source": {"id": "registry", "title": "Registry extract (fictional)"}})x" << '\n';
    for (int i = first; i < first + count; ++i) {
        out << R"x({"id": "c)x" << i
            << R"x(", "source": "registry", "subject": {"type": "Company", "name": "Holder )x"
            << i % 700
            << R"x( Ltd"}, "relation": "owns", "object": {"type": "Company", "name": "Target )x"
            << i << R"x( Ltd"}})x" << '\n';
    }
    return path;
}

class ConcurrentWriters : public CliTest {
  protected:
    // Holds the writer lock as another claimgraph process would.
    int holdLock() const {
        int fd = ::open(db_.c_str(), O_RDONLY | O_CLOEXEC);
        EXPECT_GE(fd, 0);
        EXPECT_EQ(::flock(fd, LOCK_EX), 0);
        return fd;
    }

    std::int64_t claims(const std::string& db) const {
        auto r = claimgraph("--db " + shellWord(db) + " --json stats");
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        EXPECT_TRUE(d.IsObject()) << r;
        return d.IsObject() ? d["claims"].GetInt64() : -1;
    }
};

TEST_F(ConcurrentWriters, AWriterGivesUpAfterWaitWhileReadersKeepReading) {
    ASSERT_EQ(run({"init"}).code, 0);
    auto file = claimsFile(dir_, "a.claims.jsonl", 0, 10);
    int fd = holdLock();
    auto started = std::chrono::steady_clock::now();
    auto r = run({"--wait", "0.2", "ingest", file});
    auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_TRUE(contains(r.err, "another claimgraph command is writing to it; gave up after 0.2 s"))
        << r;
    EXPECT_GE(waited, std::chrono::milliseconds(200));
    auto stats = run({"stats"});
    EXPECT_EQ(stats.code, 0) << stats;
    ::close(fd);
    EXPECT_EQ(claims(db_), 0);
}

TEST_F(ConcurrentWriters, AWaitingWriterGoesOnWhenTheOtherEnds) {
    ASSERT_EQ(run({"init"}).code, 0);
    auto file = claimsFile(dir_, "a.claims.jsonl", 0, 10);
    int fd = holdLock();
    std::thread release([fd] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        ::close(fd);
    });
    auto started = std::chrono::steady_clock::now();
    auto r = run({"ingest", file});
    auto waited = std::chrono::steady_clock::now() - started;
    release.join();
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_GE(waited, std::chrono::milliseconds(250)) << "the ingest did not wait for the lock";
    EXPECT_EQ(claims(db_), 10);
    // The other writers wait as well: a merge, a saved query.
    fd = holdLock();
    auto merge = run({"--wait", "0.1", "resolve", "merge", "Holder 1 Ltd", "Holder 2 Ltd"});
    EXPECT_EQ(merge.code, 1) << merge;
    EXPECT_TRUE(contains(merge.err, "gave up after 0.1 s")) << merge;
    ::close(fd);
}

TEST_F(ConcurrentWriters, TwoIngestsAtOnceBothSucceedAsIfRunInTurn) {
    auto a = claimsFile(dir_, "a.claims.jsonl", 0, 3000);
    auto b = claimsFile(dir_, "b.claims.jsonl", 2000, 3000);
    std::string inTurn = dir_.file("in-turn.claimgraph");
    ASSERT_EQ(
        claimgraph("--db " + shellWord(inTurn) + " -q ingest " + shellWord(a) + " " + shellWord(b))
            .code,
        0);
    // A fresh database: both processes also race to create it. Each run keeps its own output.
    std::string db = shellWord(db_);
    CliOutcome first, second;
    std::thread other([&] { second = claimgraph("--db " + db + " -q ingest " + shellWord(b)); });
    first = claimgraph("--db " + db + " -q ingest " + shellWord(a));
    other.join();
    EXPECT_EQ(first.code, 0) << first;
    EXPECT_EQ(second.code, 0) << second;
    auto together = json({"stats"});
    auto turn = claimgraph("--db " + shellWord(inTurn) + " --json stats");
    rapidjson::Document expected;
    expected.Parse(turn.out.c_str());
    ASSERT_TRUE(expected.IsObject()) << turn;
    EXPECT_EQ(together["claims"].GetInt64(), expected["claims"].GetInt64());
    EXPECT_EQ(together["claims"].GetInt64(), 5000);
    EXPECT_EQ(together["entities"].GetInt64(), expected["entities"].GetInt64());
    EXPECT_EQ(together["relations"].GetInt64(), expected["relations"].GetInt64());
}

}  // namespace
