// SPDX-License-Identifier: MIT
// One source is one witness: a relation's claims are combined per source before across
// sources, through the write path, across batches, on re-ingest and in an old database.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/ingest.hpp"
#include "resolve/entity_lookup.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::RelationRow;
using cg::graph::Store;

namespace {

const std::string kFixture = CG_TEST_DATA "/claims/independent-evidence.claims.jsonl";

cg::ingest::IngestSummary ingest(Store& store, const std::string& path, std::size_t batch = 20000) {
    cg::ingest::IngestOptions options;
    options.batchSize = batch;
    return cg::ingest::ingestFile(store, cg::graph::Schema::defaults(), path, options);
}

RelationRow relation(Store& store, const std::string& type, const std::string& a,
                     const std::string& b) {
    cg::graph::EntityId ea = cg::resolve::findEntity(store, a);
    cg::graph::EntityId eb = cg::resolve::findEntity(store, b);
    RelationRow found;
    int matches = 0;
    store.forEachRelation([&](const RelationRow& r) {
        bool ends = (r.src == ea && r.dst == eb) || (r.src == eb && r.dst == ea);
        if (r.type == type && ends) {
            found = r;
            ++matches;
        }
    });
    EXPECT_EQ(matches, 1) << type << " " << a << " " << b;
    return found;
}

std::string values(Store& store) {
    std::string out;
    store.forEachRelation([&](const RelationRow& r) {
        out += r.type + " " + std::to_string(r.src) + "-" + std::to_string(r.dst) + " " +
               std::to_string(r.support) + "/" + std::to_string(r.dispute) + " " +
               std::to_string(r.confidence) + " " + std::to_string(r.shareMin.value_or(-1)) + "-" +
               std::to_string(r.shareMax.value_or(-1)) + " " + std::to_string(r.shareConflict) +
               "\n";
    });
    return out;
}

class IndependentEvidence : public ::testing::Test {
  protected:
    cg::testing::TempDir dir_;
};

TEST_F(IndependentEvidence, TwoSentencesOfOneArticleCountOnce) {
    Store store(dir_.file("e.claimgraph"));
    ingest(store, kFixture);
    RelationRow r = relation(store, "director_of", "Vann Sothea", "Riverside Holdings Ltd");
    EXPECT_EQ(r.support, 2);              // both claims are kept and counted
    EXPECT_DOUBLE_EQ(r.confidence, 0.9);  // not 0.985
}

TEST_F(IndependentEvidence, TwoIndependentArticlesReinforceEachOther) {
    Store store(dir_.file("e.claimgraph"));
    ingest(store, kFixture);
    RelationRow r = relation(store, "associate_of", "Vann Sothea", "Chhay Rithy");
    EXPECT_NEAR(r.confidence, 1 - 0.1 * 0.15, 1e-12);
}

TEST_F(IndependentEvidence, ARegistryAndALeakThatDisagreeKeepTheBestSingleSource) {
    Store store(dir_.file("e.claimgraph"));
    ingest(store, kFixture);
    RelationRow r = relation(store, "owns", "Tonle Trading Co", "Riverside Holdings Ltd");
    EXPECT_TRUE(r.shareConflict);
    EXPECT_EQ(r.shareMin, 60);
    EXPECT_EQ(r.shareMax, 85);
    EXPECT_DOUBLE_EQ(r.confidence, 0.85);  // not 1 - 0.4 * 0.15 = 0.94
}

TEST_F(IndependentEvidence, ClaimsInLaterBatchesAndLaterRunsGiveTheSameValues) {
    Store whole(dir_.file("whole.claimgraph"));
    ingest(whole, kFixture);
    std::string expected = values(whole);
    ASSERT_FALSE(expected.empty());

    // One claim per batch: every relation is kept current claim by claim.
    Store batched(dir_.file("batched.claimgraph"));
    ingest(batched, kFixture, 1);
    EXPECT_EQ(values(batched), expected);

    // The second source of each relation arrives in a later run, through a new connection
    // that reads the first claims back from the table.
    std::string first = dir_.write(
        "first.claims.jsonl",
        R"({"source": {"id": "phnom-daily-2023", "published": "2023-04-02"}})"
        "\n"
        R"({"id": "pd-1", "source": "phnom-daily-2023", "subject": {"type": "Person", "name": "Vann Sothea"}, "relation": "director_of", "object": {"type": "Company", "name": "Riverside Holdings Ltd"}, "quote": "Vann Sothea, the director of Riverside Holdings", "confidence": 0.9})"
        "\n");
    std::string later = dir_.file("later.claimgraph");
    {
        Store store(later);
        ingest(store, first);
    }
    {
        Store store(later);
        ingest(store, kFixture);
        EXPECT_EQ(values(store), expected);
        // Ingesting everything again changes nothing.
        ingest(store, kFixture);
        EXPECT_EQ(values(store), expected);
    }
}

TEST_F(IndependentEvidence, OpeningALayout6DatabaseRecomputesItsRelations) {
    std::string path = dir_.file("old.claimgraph");
    std::string expected;
    {
        Store store(path);
        ingest(store, kFixture);
        expected = values(store);
    }
    {
        // What layout 6 stored: noisy-or over every claim.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE relations SET confidence = 0.985, share_conflict = 0");
        db.exec("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    }
    Store store(path, false);
    EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
    EXPECT_EQ(values(store), expected);
    EXPECT_DOUBLE_EQ(
        relation(store, "director_of", "Vann Sothea", "Riverside Holdings Ltd").confidence, 0.9);
}

}  // namespace
