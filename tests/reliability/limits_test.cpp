// SPDX-License-Identifier: MIT
// Limits and storage failures, through the claimgraph binary: input nested too deep, lines
// too long, a disk that fills up and a database the user may not write each end with a clear
// message and leave the database intact.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/graph/temp_dir.hpp"
#include "tests/reliability/child_process.hpp"

using cg::testing::ChildLimits;
using cg::testing::readFile;
using cg::testing::runChild;
using cg::testing::RunResult;
using cg::testing::TempDir;

namespace {

const std::string kBinary = CG_BINARY;
const std::string kSample = CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl";

// A source and `claims` directorships, one per line.
std::string manyClaims(const TempDir& dir, int claims) {
    std::string path = dir.file("many.claims.jsonl");
    std::ofstream out(path, std::ios::binary);
    out << R"({"source": {"id": "limits", "title": "Generated", "kind": "other"}})" << '\n';
    for (int i = 1; i <= claims; ++i) {
        out << R"({"id": "m)" << i
            << R"(", "source": "limits", "subject": {"type": "Person", "name": "Person )" << i
            << R"("}, "relation": "director_of", "object": {"type": "Company", "name": "Company )"
            << i % 500 << R"("}, "quote": ")" << std::string(200, 'q') << R"("})" << '\n';
    }
    return path;
}

long long count(const std::string& db, const std::string& sql) {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    return d.execAndGet(sql).getInt64();
}

std::string integrity(const std::string& db) {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    return d.execAndGet("PRAGMA integrity_check").getString();
}

TEST(InputLimits, DeepNestingIsRejectedWithItsLineInEveryJsonReader) {
    TempDir dir;
    const std::string deep(1000000, '[');  // a recursive parser would exhaust its stack
    struct Case {
        std::string format;
        std::string text;
        std::string reason;
    };
    const std::vector<Case> cases = {
        {"claims",
         R"({"source": {"id": "s", "title": "t", "kind": "other"}})"
         "\n" +
             deep + "\n",
         "record nests deeper than 32 levels"},
        {"ftm",
         R"({"id": "a", "schema": "Person", "properties": {"name": ["A"]}})"
         "\n" +
             deep + "\n",
         "record nests deeper than 64 levels"},
        {"bods", "{}\n" + deep + "\n", "record nests deeper than 64 levels"},
        {"psc",
         R"({"company_number": "1", "data": {"kind": "x"}})"
         "\n" +
             deep + "\n",
         "record nests deeper than 64 levels"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.format);
        std::string file = dir.write("deep." + c.format, c.text);
        std::string db = dir.file("deep-" + c.format + ".claimgraph");
        RunResult r = runChild(dir, {kBinary, "--db", db, "ingest", "--format", c.format, file});
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_NE(r.err.find("deep." + c.format + ":2: " + c.reason), std::string::npos) << r.err;
        EXPECT_EQ(integrity(db), "ok");
    }
}

TEST(InputLimits, DeepSavedQueryMappingAndSchemaAreRefused) {
    TempDir dir;
    const std::string deep = "{\"a\": " + std::string(1000000, '[');
    std::string query = dir.write("deep.query.json", deep);
    std::string mapping = dir.write("deep.mapping.json", deep);
    std::string schema = dir.write("deep.schema.json", deep);
    std::string csv = dir.write("rows.csv", "a,b\n1,2\n");
    std::string db = dir.file("deep.claimgraph");

    RunResult q = runChild(dir, {kBinary, "--db", db, "query", "save", query});
    EXPECT_EQ(q.code, 1);
    EXPECT_NE(q.err.find(query + ": nests deeper than 64 levels"), std::string::npos) << q.err;

    RunResult m = runChild(dir, {kBinary, "--db", db, "ingest", "--mapping", mapping, csv});
    EXPECT_EQ(m.code, 1);
    EXPECT_NE(m.err.find(mapping + ":1: nests deeper than 64 levels"), std::string::npos) << m.err;

    RunResult s = runChild(dir, {kBinary, "--db", db, "--schema", schema, "ingest", kSample});
    EXPECT_EQ(s.code, 1);
    EXPECT_NE(s.err.find(schema + ": nests deeper than 64 levels"), std::string::npos) << s.err;
}

TEST(InputLimits, LineLongerThanTheLimitIsRejectedAndTheRestIngested) {
    TempDir dir;
    std::string file = dir.file("long.claims.jsonl");
    {
        std::ofstream out(file, std::ios::binary);
        out << readFile(kSample);
        out << std::string((16u << 20) + 10, 'x') << '\n';
    }
    std::string db = dir.file("long.claimgraph");
    RunResult r = runChild(dir, {kBinary, "--db", db, "ingest", file});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("line is 16777226 bytes, longer than the limit of 16777216"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("rejected 1"), std::string::npos) << r.out;
    EXPECT_EQ(count(db, "SELECT length(raw) FROM rejections"), 1024);
}

TEST(InputLimits, NamesLongerThan4096BytesAreRejectedInEveryFormat) {
    TempDir dir;
    const std::string longName(5000, 'n');
    std::string ftm =
        dir.write("long.ftm.jsonl",
                  R"({"id": "ok", "schema": "Company", "properties": {"name": ["Fine Ltd"]}})"
                  "\n"
                  R"({"id": "big", "schema": "Company", "properties": {"name": [")" +
                      longName + R"("]}})" + "\n");
    std::string db = dir.file("long-names.claimgraph");
    RunResult r = runChild(dir, {kBinary, "--db", db, "ingest", "--format", "ftm", ftm});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("long.ftm.jsonl:2: subject name is longer than 4096 bytes"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(count(db, "SELECT count(*) FROM entities WHERE length(name) > 4096"), 0);
    EXPECT_EQ(count(db, "SELECT count(*) FROM entities WHERE name = 'Fine Ltd'"), 1);
}

TEST(StorageErrors, FullDiskEndsTheIngestClearlyAndKeepsCommittedBatches) {
    TempDir dir;
    std::string claims = manyClaims(dir, 20000);
    std::string db = dir.file("full.claimgraph");
    // Files may grow to 3 MiB: the database fills up a few batches into the ingest.
    ChildLimits limits;
    limits.maxFileSize = 3u << 20;
    RunResult r = runChild(dir, {kBinary, "--db", db, "ingest", "--batch", "1000", claims}, limits);
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("error: " + db), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("disk"), std::string::npos) << r.err;

    EXPECT_EQ(integrity(db), "ok");
    long long stored = count(db, "SELECT count(*) FROM claims");
    EXPECT_GT(stored, 0);
    EXPECT_LT(stored, 20000);
    EXPECT_EQ((stored + 1) % 1000, 0) << stored;

    RunResult again = runChild(dir, {kBinary, "--db", db, "ingest", "--batch", "1000", claims});
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(count(db, "SELECT count(*) FROM claims"), 20000);
    EXPECT_EQ(count(db, "SELECT count(DISTINCT key) FROM claims"), 20000);
}

TEST(StorageErrors, ReadOnlyDatabaseIsRefusedClearlyAndLeftAsItWas) {
    TempDir dir;
    TempDir logs;  // the children's output, where they may always write
    std::string db = dir.file("readonly.claimgraph");
    RunResult first = runChild(logs, {kBinary, "--db", db, "ingest", kSample});
    ASSERT_EQ(first.code, 0) << first.err;
    std::string before = readFile(db);
    long long claims = count(db, "SELECT count(*) FROM claims");
    // Root ignores file modes: drop to an unprivileged user who may read but not write.
    ChildLimits limits;
    namespace fs = std::filesystem;
    if (::geteuid() == 0) {
        limits.user = 65534;  // nobody
        fs::permissions(dir.path(), fs::perms(0755));
    } else {
        fs::permissions(db, fs::perms(0444));
        fs::permissions(dir.path(), fs::perms(0555));
    }
    std::string other = CG_SOURCE_DIR "/samples/seed-article.claims.jsonl";
    RunResult r = runChild(logs, {kBinary, "--db", db, "ingest", other}, limits);
    fs::permissions(dir.path(), fs::perms(0755));
    fs::permissions(db, fs::perms(0644));
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("error: " + db), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
    EXPECT_EQ(readFile(db), before);
    EXPECT_EQ(integrity(db), "ok");
    EXPECT_EQ(count(db, "SELECT count(*) FROM claims"), claims);
}

}  // namespace
