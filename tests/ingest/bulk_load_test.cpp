// SPDX-License-Identifier: MIT
// The bulk ingest path (indexes built once at the end, relation values kept in memory across
// batches, relations written whole at commit) stores exactly what the row-by-row path stores.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/applier.hpp"
#include "ingest/claims_reader.hpp"
#include "ingest/ingest.hpp"
#include "tests/graph/database_dump.hpp"
#include "tests/graph/temp_dir.hpp"

namespace {

using cg::testing::TempDir;

// Sources, then relation and property claims over a few dozen people and companies: names
// with titles, aliases, identifiers, countries, undirected relations, denials, shares and
// dates, relations claimed again many lines later (so across batches), a repeated line
// (a duplicate), a re-used id with other content and a broken line (two rejections).
std::string generatedClaims() {
    std::ostringstream out;
    out << R"({"source": {"id": "s1", "title": "Registry", "kind": "registry", "published": "2021-03-01"}})"
        << '\n';
    out << R"({"source": {"id": "s2", "title": "Article", "kind": "article", "published": "2023-05-02"}})"
        << '\n';
    for (int i = 0; i < 240; ++i) {
        int p = (i * 7) % 29;
        int c = (i * 11) % 23;
        const char* source = i % 3 ? "s1" : "s2";
        std::string person = std::string(p % 4 ? "" : "Dr. ") + "Person " + std::to_string(p);
        switch (i % 6) {
            case 0:
                out << R"({"id": "r)" << i << R"(", "source": ")" << source
                    << R"(", "subject": {"type": "Person", "name": ")" << person
                    << R"(", "country": "KH"}, "relation": "owns", "object": {"type": "Company", "name": "Company )"
                    << c << R"(", "identifiers": {"kh-moc": "M)" << c
                    << R"("}}, "attributes": {"share": )" << (i % 90) + 5
                    << R"(}, "valid_from": "2020-0)" << (i % 9) + 1 << R"("})" << '\n';
                break;
            case 1:
                out << R"({"id": "r)" << i << R"(", "source": ")" << source
                    << R"(", "subject": {"type": "Person", "name": ")" << person
                    << R"("}, "relation": "associate_of", "object": {"type": "Person", "name": "Person )"
                    << (p + 1) % 29 << R"("}, "confidence": 0.)" << (i % 9) + 1 << "}\n";
                break;
            case 2:
                out << R"({"id": "r)" << i << R"(", "source": ")" << source
                    << R"(", "stance": "denies", "subject": {"type": "Person", "name": ")" << person
                    << R"("}, "relation": "director_of", "object": {"type": "Company", "name": "Company )"
                    << c << R"("}, "quote": "denied on line )" << i << R"("})" << '\n';
                break;
            case 3:
                out << R"({"id": "r)" << i << R"(", "source": ")" << source
                    << R"(", "subject": {"type": "Company", "name": "Company )" << c
                    << R"("}, "property": "alias", "value": "Firm )" << c << R"("})" << '\n';
                break;
            case 4:
                out << R"({"source": ")" << source
                    << R"(", "subject": {"type": "Company", "name": "Firm )" << c
                    << R"("}, "relation": "associate_of", "object": {"type": "Company", "name": "Company )"
                    << (c + 5) % 23
                    << R"("}, "attributes": {"relationship": "partner"}, "x_line": )" << i << "}\n";
                break;
            default:
                out << R"({"id": "r)" << i << R"(", "source": ")" << source
                    << R"(", "subject": {"type": "Person", "name": ")" << person
                    << R"("}, "relation": "director_of", "object": {"type": "Company", "name": "Company )"
                    << c << R"("}, "valid_to": "2024"})" << '\n';
        }
    }
    out << R"({"id": "r5", "source": "s1", "subject": {"type": "Person", "name": "Person 6"}, "relation": "director_of", "object": {"type": "Company", "name": "Company 9"}})"
        << '\n';
    out << R"({"id": "r0", "source": "s2", "subject": {"type": "Person", "name": "Dr. Person 0", "country": "KH"}, "relation": "owns", "object": {"type": "Company", "name": "Company 0", "identifiers": {"kh-moc": "M0"}}, "attributes": {"share": 5}, "valid_from": "2020-01"})"
        << '\n';
    out << "{not json\n";
    return out.str();
}

std::string dump(const std::string& path) { return cg::testing::dumpDatabase(path); }

std::string indexes(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name");
    std::string names;
    while (q.executeStep()) names += q.getColumn(0).getString() + " ";
    return names;
}

class BulkLoad : public ::testing::Test {
  protected:
    BulkLoad() { claims_ = dir_.write("generated.claims.jsonl", generatedClaims()); }

    cg::ingest::IngestSummary ingest(cg::graph::Store& store, std::size_t batch, bool allowBulk,
                                     const std::string& path) {
        cg::ingest::ClaimsReader reader(schema_);
        cg::ingest::Applier applier(store, schema_, batch, allowBulk);
        applier.beginFile(path, reader.format());
        std::ifstream in(path, std::ios::binary);
        reader.read(in, path, applier);
        return applier.endFile();
    }

    cg::ingest::IngestSummary ingestInto(const std::string& db, std::size_t batch, bool allowBulk) {
        cg::graph::Store store(dir_.file(db));
        return ingest(store, batch, allowBulk, claims_);
    }

    TempDir dir_;
    cg::graph::Schema schema_ = cg::graph::Schema::defaults();
    std::string claims_;
};

TEST_F(BulkLoad, StoresTheSameRowsAsTheRowByRowPath) {
    auto rowByRow = ingestInto("row-by-row.claimgraph", 100000, false);
    auto bulk = ingestInto("bulk.claimgraph", 100000, true);
    auto bulkSmallBatches = ingestInto("bulk-small.claimgraph", 7, true);
    auto rowByRowSmallBatches = ingestInto("row-by-row-small.claimgraph", 7, false);
    EXPECT_FALSE(rowByRow.bulk);
    EXPECT_TRUE(bulk.bulk);
    EXPECT_TRUE(bulkSmallBatches.bulk);
    EXPECT_FALSE(rowByRowSmallBatches.bulk);
    for (const auto* s : {&rowByRow, &bulk, &bulkSmallBatches, &rowByRowSmallBatches}) {
        EXPECT_EQ(s->sources, 2);
        EXPECT_EQ(s->accepted, 240);
        EXPECT_EQ(s->duplicates, 1);
        EXPECT_EQ(s->rejected, 2);
    }
    std::string expected = dump(dir_.file("row-by-row.claimgraph"));
    EXPECT_NE(expected.find("== relations\n1|"), std::string::npos);
    EXPECT_EQ(dump(dir_.file("bulk.claimgraph")), expected);
    EXPECT_EQ(dump(dir_.file("bulk-small.claimgraph")), expected);
    EXPECT_EQ(dump(dir_.file("row-by-row-small.claimgraph")), expected);
    // The bulk path built every index it dropped.
    EXPECT_EQ(indexes(dir_.file("bulk.claimgraph")), indexes(dir_.file("row-by-row.claimgraph")));
}

TEST_F(BulkLoad, IsTakenOnlyByAStoreWithoutClaims) {
    cg::graph::Store store(dir_.file("twice.claimgraph"));
    EXPECT_TRUE(ingest(store, 50, true, claims_).bulk);
    auto again = ingest(store, 50, true, claims_);
    EXPECT_FALSE(again.bulk);
    EXPECT_EQ(again.accepted, 0);
    EXPECT_EQ(again.duplicates, 241);
    EXPECT_FALSE(store.bulkLoading());
}

TEST_F(BulkLoad, ACutShortLoadKeepsItsBatchesAndTheNextIngestBuildsTheIndexes) {
    std::string full = dir_.file("full.claimgraph");
    ingestInto("full.claimgraph", 100000, false);
    std::string killed = dir_.file("killed.claimgraph");
    // A child process commits the first batches of a bulk load and dies without unwinding,
    // as a killed ingest would; it has read the first part of the file.
    std::string partial = dir_.write("generated.claims.jsonl", generatedClaims().substr(0, 9000));
    pid_t pid = fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        cg::graph::Store store(killed);
        cg::ingest::ClaimsReader reader(schema_);
        cg::ingest::Applier applier(store, schema_, 10, true);
        applier.beginFile(partial, reader.format());
        std::ifstream in(partial, std::ios::binary);
        reader.read(in, partial, applier);
        _exit(store.bulkLoading() ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(indexes(killed).find("claims_subject"), std::string::npos);
    {
        SQLite::Database db(killed, SQLite::OPEN_READONLY);
        EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
        EXPECT_GT(db.execAndGet("SELECT count(*) FROM claims").getInt(), 0);
    }
    dir_.write("generated.claims.jsonl", generatedClaims());
    {
        cg::graph::Store store(killed);
        auto rerun = ingest(store, 100000, true, claims_);
        EXPECT_FALSE(rerun.bulk);
        EXPECT_GT(rerun.duplicates, 0);
    }
    EXPECT_EQ(dump(killed), dump(full));
    EXPECT_EQ(indexes(killed), indexes(full));
}

TEST_F(BulkLoad, AReferenceMadeAmbiguousMidLoadBuildsTheIndexesItsMoveReads) {
    // A name-only reference to Chen Wei (passport X1) is moved to a placeholder when a second
    // Chen Wei (passport Y2) arrives. Moving it reads properties by entity and recomputes
    // relations from their claims: without those indexes each move scanned whole tables, which
    // made a name-referenced ingest quadratic (100k claims: 78 s instead of 9 s).
    std::string file = dir_.write(
        "ambiguous.claims.jsonl",
        R"({"source": {"id": "s1", "title": "Registry", "kind": "registry"}})"
        "\n"
        R"({"id": "a1", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei", "identifiers": {"passport": "X1"}}, "relation": "director_of", "object": {"type": "Company", "name": "Alpha Ltd"}})"
        "\n"
        R"({"id": "a2", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei"}, "relation": "director_of", "object": {"type": "Company", "name": "Beta Ltd"}})"
        "\n"
        R"({"id": "a3", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei", "identifiers": {"passport": "Y2"}}, "relation": "director_of", "object": {"type": "Company", "name": "Gamma Ltd"}})"
        "\n"
        R"({"id": "a4", "source": "s1", "subject": {"type": "Person", "name": "Ann Lee"}, "relation": "director_of", "object": {"type": "Company", "name": "Delta Ltd"}})"
        "\n"
        R"({"id": "a5", "source": "s1", "subject": {"type": "Person", "name": "Bo Tan"}, "relation": "director_of", "object": {"type": "Company", "name": "Delta Ltd"}})"
        "\n");
    std::string db = dir_.file("ambiguous.claimgraph");
    // The load stops before it ends (as a killed ingest would), so that the indexes it has at
    // that moment can be seen.
    pid_t pid = fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        cg::graph::Store store(db);
        cg::ingest::ClaimsReader reader(schema_);
        cg::ingest::Applier applier(store, schema_, 1, true);
        applier.beginFile(file, reader.format());
        std::ifstream in(file, std::ios::binary);
        reader.read(in, file, applier);
        _exit(store.bulkLoading() ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);
    {
        SQLite::Database d(db, SQLite::OPEN_READONLY);
        ASSERT_EQ(
            d.execAndGet("SELECT count(*) FROM entities WHERE key LIKE 'ambiguous/%'").getInt(), 1);
    }
    std::string built = indexes(db);
    EXPECT_NE(built.find("properties_entity"), std::string::npos) << built;
    EXPECT_NE(built.find("claims_relation"), std::string::npos) << built;
    // Indexes no lookup needed stay dropped until the load ends.
    EXPECT_EQ(built.find("claims_subject"), std::string::npos) << built;
}

TEST_F(BulkLoad, RelationValuesCountClaimsAnotherConnectionAddedBetweenBatches) {
    std::string path = dir_.file("shared.claimgraph");
    auto line = [](int n) {
        return R"({"id": "x)" + std::to_string(n) +
               R"(", "source": "s1", "subject": {"id": "p1", "type": "Person", "name": "Ann Lee"}, "relation": "director_of", "object": {"id": "c1", "type": "Company", "name": "Lee Holdings"}})" +
               "\n";
    };
    std::string source = R"({"source": {"id": "s1", "title": "Registry", "kind": "registry"}})"
                         "\n";
    cg::graph::Store first(path);
    ingest(first, 100, true, dir_.write("a.claims.jsonl", source + line(1)));
    {
        cg::graph::Store second(path);
        ingest(second, 100, true, dir_.write("b.claims.jsonl", source + line(2)));
    }
    ingest(first, 100, true, dir_.write("c.claims.jsonl", source + line(3)));
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM relations").getInt(), 1);
    EXPECT_EQ(db.execAndGet("SELECT support FROM relations").getInt(), 3);
}

// Thousands of relations (so their ids span several of the store's cache pages and its
// relation index grows several times), with parallel relations told apart by key, claimed
// again by a second file that also repeats some of the first file's lines: one process
// keeping its caches, two processes reading them back from the tables, and the row-by-row
// path all store the same rows.
TEST_F(BulkLoad, ManyRelationsKeepTheirValuesWhetherCachedOrReadBack) {
    const int kPairs = 2600;
    std::string source =
        R"({"source": {"id": "s1", "title": "Registry", "kind": "registry", "published": "2021-03-01"}})"
        "\n"
        R"({"source": {"id": "s2", "title": "Article", "kind": "article", "published": "2023-05-02"}})"
        "\n";
    auto owns = [](int n, const char* src, int share, const char* id) {
        std::string keyed =
            n % 10 == 0 ? R"(, "relation_key": "k)" + std::to_string(n % 3) + "\"" : "";
        return R"({"id": ")" + std::string(id) + std::to_string(n) + R"(", "source": ")" + src +
               R"(", "subject": {"id": "p)" + std::to_string(n % 700) +
               R"(", "type": "Person", "name": "Person )" + std::to_string(n % 700) +
               R"("}, "relation": "owns", "object": {"id": "c)" + std::to_string(n) +
               R"(", "type": "Company", "name": "Company )" + std::to_string(n) +
               R"("}, "attributes": {"share": )" + std::to_string(share) + "}" + keyed + "}\n";
    };
    std::string first = source;
    std::string second = source;
    for (int n = 0; n < kPairs; ++n) first += owns(n, "s1", 10 + n % 50, "a");
    for (int n = 0; n < kPairs; n += 2) second += owns(n, "s2", 20 + n % 40, "b");
    for (int n = 0; n < kPairs; n += 97) second += owns(n, "s1", 10 + n % 50, "a");  // duplicates
    for (int n = kPairs; n < kPairs + 300; ++n) second += owns(n, "s2", 30, "b");
    std::string a = dir_.write("first.claims.jsonl", first);
    std::string b = dir_.write("second.claims.jsonl", second);

    {
        cg::graph::Store store(dir_.file("one-process.claimgraph"));
        EXPECT_TRUE(ingest(store, 500, true, a).bulk);
        auto again = ingest(store, 500, true, b);
        EXPECT_EQ(again.duplicates, (kPairs + 96) / 97);
        EXPECT_EQ(again.accepted, kPairs / 2 + 300);
    }
    for (bool bulk : {true, false}) {
        std::string db = bulk ? "two-processes.claimgraph" : "row-by-row.claimgraph";
        {
            cg::graph::Store store(dir_.file(db));
            ingest(store, 500, bulk, a);
        }
        cg::graph::Store store(dir_.file(db));
        auto again = ingest(store, 500, bulk, b);
        EXPECT_EQ(again.duplicates, (kPairs + 96) / 97);
    }
    std::string expected = dump(dir_.file("row-by-row.claimgraph"));
    EXPECT_EQ(dump(dir_.file("one-process.claimgraph")), expected);
    EXPECT_EQ(dump(dir_.file("two-processes.claimgraph")), expected);
    SQLite::Database db(dir_.file("one-process.claimgraph"), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM relations").getInt(), kPairs + 300);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM relations WHERE support = 2").getInt(),
              kPairs / 2);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM relations WHERE rkey != ''").getInt(),
              (kPairs + 300) / 10);
}

}  // namespace

TEST_F(BulkLoad, StoresTheSameRowsWhetherTheReaderHasAThreadOrNot) {
    for (bool pipelined : {false, true}) {
        cg::graph::Store store(
            dir_.file(pipelined ? "two-threads.claimgraph" : "one-thread.claimgraph"));
        cg::ingest::IngestOptions options;
        options.batchSize = 7;
        options.pipelined = pipelined;
        auto summary = cg::ingest::ingestFile(store, schema_, claims_, options);
        EXPECT_EQ(summary.accepted, 240);
        EXPECT_EQ(summary.rejected, 2);
    }
    EXPECT_EQ(dump(dir_.file("two-threads.claimgraph")), dump(dir_.file("one-thread.claimgraph")));
}
