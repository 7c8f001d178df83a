// SPDX-License-Identifier: MIT
#include "graph/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "graph/error.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::StorageError;
using cg::graph::Rejection;
using cg::graph::Source;
using cg::graph::Store;
using cg::testing::TempDir;

namespace {

// The message of the StorageError that opening `path` throws, or "" when it opens.
std::string openError(const std::string& path, bool create = true) {
    try {
        Store store(path, create);
    } catch (const StorageError& e) {
        return e.what();
    }
    return "";
}

Source source(const std::string& key, const std::string& title, const std::string& published) {
    Source s;
    s.key = key;
    s.title = title;
    s.published = published;
    s.kind = "article";
    return s;
}

}  // namespace

TEST(Store, CreatesAnEmptyDatabaseWithItsLayoutVersion) {
    TempDir dir;
    std::string path = dir.file("new.claimgraph");
    {
        Store store(path);
        EXPECT_EQ(store.path(), path);
        EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
        auto s = store.stats();
        EXPECT_EQ(s.sources, 0);
        EXPECT_EQ(s.claims, 0);
        EXPECT_EQ(s.entities, 0);
        EXPECT_EQ(s.relations, 0);
        EXPECT_EQ(s.rejections, 0);
    }
    EXPECT_TRUE(std::filesystem::exists(path));
    SQLite::Database db(path);
    EXPECT_EQ(db.execAndGet("SELECT value FROM meta WHERE key = 'schema_version'").getString(),
              std::to_string(Store::kSchemaVersion));
    EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(Store, ReopensWhatWasCommitted) {
    TempDir dir;
    std::string path = dir.file("reopen.claimgraph");
    {
        Store store(path);
        Store::Batch batch(store);
        store.putSource(source("voa-2022-08", "Global Pressure Mounts", "2022-08"));
        batch.commit();
    }
    Store store(path, false);
    EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
    EXPECT_TRUE(store.findSource("voa-2022-08"));
    auto rows = store.sources();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].source.title, "Global Pressure Mounts");
    EXPECT_EQ(rows[0].source.published, "2022-08");
    EXPECT_EQ(rows[0].source.kind, "article");
}

TEST(Store, ABatchNotCommittedIsRolledBack) {
    TempDir dir;
    std::string path = dir.file("rollback.claimgraph");
    Store store(path);
    {
        Store::Batch batch(store);
        store.putSource(source("lost", "never committed", ""));
    }
    EXPECT_FALSE(store.findSource("lost"));
    EXPECT_EQ(store.stats().sources, 0);
}

TEST(Store, ALaterSourceDeclarationOnlyFillsEmptyFields) {
    TempDir dir;
    Store store(dir.file("sources.claimgraph"));
    Store::Batch batch(store);
    auto first = store.putSource(source("s1", "First title", ""));
    Source again = source("s1", "Another title", "2022-08-30");
    again.url = "https://example.org/a";
    auto second = store.putSource(again);
    batch.commit();
    EXPECT_EQ(first, second);
    auto rows = store.sources();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].source.title, "First title");
    EXPECT_EQ(rows[0].source.published, "2022-08-30");
    EXPECT_EQ(rows[0].source.url, "https://example.org/a");
}

TEST(Store, StoresTheSameRejectionOnce) {
    TempDir dir;
    Store store(dir.file("rejections.claimgraph"));
    Store::Batch batch(store);
    Rejection r{"claims.jsonl", 14, "unknown entity type 'Compnay'", R"({"subject": 1})"};
    store.addRejection(r);
    store.addRejection(r);
    store.addRejection(Rejection{"claims.jsonl", 15, "invalid JSON", "{"});
    batch.commit();
    auto rows = store.rejections(0);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].file, "claims.jsonl");
    EXPECT_EQ(rows[0].line, 14);
    EXPECT_EQ(rows[0].reason, r.reason);
    EXPECT_EQ(rows[0].raw, r.raw);
    EXPECT_EQ(store.stats().rejections, 2);
    EXPECT_EQ(store.rejections(1).size(), 1u);
}

TEST(Store, OpeningAMissingFileWithoutCreateFails) {
    TempDir dir;
    std::string path = dir.file("missing.claimgraph");
    std::string message = openError(path, false);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Store, RefusesAnotherApplicationsSqliteFile) {
    TempDir dir;
    std::string path = dir.file("other.sqlite");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT)");
        db.exec("INSERT INTO people(name) VALUES ('someone')");
    }
    std::string message = openError(path);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("not a claimgraph database"), std::string::npos) << message;
    // The other application's data is left alone.
    SQLite::Database db(path);
    EXPECT_FALSE(db.tableExists("claims"));
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM people").getInt(), 1);
}

TEST(Store, RefusesAFileThatIsNotSqlite) {
    TempDir dir;
    std::string path = dir.write("notes.txt", std::string(4096, 'x'));
    std::string message = openError(path);
    EXPECT_NE(message.find(path), std::string::npos) << message;
}

TEST(Store, RefusesANewerLayoutVersion) {
    TempDir dir;
    std::string path = dir.file("future.claimgraph");
    { Store store(path); }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        SQLite::Statement q(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
        q.bind(1, std::to_string(Store::kSchemaVersion + 1));
        ASSERT_EQ(q.exec(), 1);
    }
    std::string message = openError(path);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("layout version " + std::to_string(Store::kSchemaVersion + 1)),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("upgrade claimgraph"), std::string::npos) << message;
}
