// SPDX-License-Identifier: MIT
// How the store names an ingested file: relative to the database's folder inside it, absolute
// (shown by its name) outside it, whatever the spelling; layout 8 databases migrated.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "graph/file_path.hpp"
#include "graph/retraction.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/ingest.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::recordedFilePath;
using cg::graph::shownFilePath;
using cg::graph::Store;

namespace {

namespace fs = std::filesystem;

const std::string kFixture = CG_TEST_DATA "/claims/private-paths/inside.claims.jsonl";

cg::ingest::IngestSummary ingest(Store& store, const std::string& path) {
    return cg::ingest::ingestFile(store, cg::graph::Schema::defaults(), path, {});
}

class RecordedFile : public ::testing::Test {
  protected:
    RecordedFile() {
        fs::create_directories(caseDir_ / "leaks");
        fs::create_directories(dir_.path() / "elsewhere");
        fs::copy_file(kFixture, inside_);
        fs::create_directory_symlink(caseDir_, dir_.path() / "link");
    }

    std::string single(SQLite::Database& db, const std::string& sql) {
        return db.execAndGet(sql).getString();
    }

    cg::testing::TempDir dir_;
    fs::path caseDir_ = dir_.path() / "case";
    std::string db_ = (caseDir_ / "case.claimgraph").string();
    std::string inside_ = (caseDir_ / "leaks" / "x.claims.jsonl").string();
};

}  // namespace

TEST_F(RecordedFile, InsideTheDatabasesFolderIsRelativeToIt) {
    EXPECT_EQ(recordedFilePath(db_, inside_), "leaks/x.claims.jsonl");
    EXPECT_EQ(recordedFilePath(db_, (caseDir_ / "leaks" / "." / "x.claims.jsonl").string()),
              "leaks/x.claims.jsonl");
    EXPECT_EQ(recordedFilePath(db_, (dir_.path() / "link" / "leaks" / "x.claims.jsonl").string()),
              "leaks/x.claims.jsonl");
    // The database reached through the symlink: the same folder.
    EXPECT_EQ(recordedFilePath((dir_.path() / "link" / "case.claimgraph").string(), inside_),
              "leaks/x.claims.jsonl");
}

TEST_F(RecordedFile, OutsideTheDatabasesFolderIsAbsoluteAndShownByItsName) {
    std::string other = (dir_.path() / "elsewhere" / "y.jsonl").string();
    std::string recorded = recordedFilePath(db_, other);
    EXPECT_EQ(recorded, (fs::canonical(dir_.path()) / "elsewhere" / "y.jsonl").string());
    EXPECT_EQ(shownFilePath(recorded), "y.jsonl");
    EXPECT_EQ(shownFilePath("leaks/x.claims.jsonl"), "leaks/x.claims.jsonl");
}

TEST_F(RecordedFile, ClaimsRejectionsAndTheIngestLogRecordItRelative) {
    {
        Store store(db_);
        auto summary = ingest(store, (dir_.path() / "link" / "leaks" / "x.claims.jsonl").string());
        EXPECT_EQ(summary.file, "leaks/x.claims.jsonl");
        EXPECT_EQ(summary.accepted, 2);
        EXPECT_EQ(summary.rejected, 1);
    }
    SQLite::Database db(db_);
    EXPECT_EQ(single(db, "SELECT group_concat(DISTINCT file) FROM claims"), "leaks/x.claims.jsonl");
    EXPECT_EQ(single(db, "SELECT group_concat(file) FROM rejections"), "leaks/x.claims.jsonl");
    EXPECT_EQ(single(db, "SELECT group_concat(file) FROM ingests"), "leaks/x.claims.jsonl");
}

TEST_F(RecordedFile, OpeningALayout8DatabaseMakesItsAbsolutePathsRelative) {
    std::string absolute = fs::canonical(inside_).string();
    std::string outside = (fs::canonical(dir_.path()) / "elsewhere" / "y.claims.jsonl").string();
    {
        Store store(db_);
        ingest(store, inside_);
        cg::graph::RetractRequest request;
        request.by = cg::graph::RetractBy::File;
        request.target = inside_;
        cg::graph::retract(store, request);
    }
    {
        // What layout 8 stored: the path as given to ingest, here absolute; a rejection read
        // twice under two spellings; a file outside the folder.
        SQLite::Database db(db_, SQLite::OPEN_READWRITE);
        for (const char* table : {"claims", "retracted_claims", "rejections", "ingests"}) {
            SQLite::Statement q(db, std::string("UPDATE ") + table + " SET file = ?");
            q.bind(1, absolute);
            q.exec();
        }
        SQLite::Statement target(db, "UPDATE retractions SET target = ?");
        target.bind(1, absolute);
        target.exec();
        db.exec(
            "INSERT INTO rejections(file, line, reason, raw, hash) "
            "SELECT 'leaks/x.claims.jsonl', line, reason, raw, hash FROM rejections");
        SQLite::Statement other(db,
                                "INSERT INTO ingests(file, format, accepted, duplicates, "
                                "rejected) VALUES (?, 'claims', 0, 0, 0)");
        other.bind(1, outside);
        other.exec();
        db.exec("UPDATE meta SET value = '8' WHERE key = 'schema_version'");
    }
    {
        Store store(db_, false);
        EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
        EXPECT_EQ(store.lastIngest()->file, "y.claims.jsonl");
        ASSERT_EQ(store.retractions().size(), 1u);
        EXPECT_EQ(store.retractions()[0].target, "leaks/x.claims.jsonl");
    }
    SQLite::Database db(db_);
    EXPECT_EQ(single(db, "SELECT group_concat(DISTINCT file) FROM retracted_claims"),
              "leaks/x.claims.jsonl");
    EXPECT_EQ(single(db, "SELECT group_concat(file) FROM rejections"), "leaks/x.claims.jsonl");
    EXPECT_EQ(
        single(db, "SELECT group_concat(file, '|') FROM (SELECT file FROM ingests ORDER BY id)"),
        "leaks/x.claims.jsonl|" + outside);
}
