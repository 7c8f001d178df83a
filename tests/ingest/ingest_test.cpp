// SPDX-License-Identifier: MIT
#include "ingest/ingest.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/error.hpp"
#include "tests/ingest/ingest_fixture.hpp"

using cg::InputError;
using cg::ingest::ingestFile;
using cg::ingest::IngestOptions;
using cg::testing::IngestTest;
using cg::testing::kGoodClaim;
using cg::testing::kSourceLine;

namespace {

using IngestFileTest = IngestTest;

std::string inputError(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_F(IngestFileTest, AnEmptyFileIsAWarningAndStoresNothing) {
    std::string path = dir_.write("empty.claims.jsonl", "");
    auto s = ingestFile(store_, schema_, path, IngestOptions{});
    EXPECT_EQ(s.sources + s.accepted + s.duplicates + s.rejected, 0);
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_EQ(s.warnings[0], "empty.claims.jsonl: file is empty, nothing to ingest");
    auto stats = store_.stats();
    EXPECT_EQ(stats.sources, 0);
    EXPECT_EQ(stats.claims, 0);
    EXPECT_EQ(stats.entities, 0);
    EXPECT_EQ(stats.rejections, 0);
}

TEST_F(IngestFileTest, AMissingFileIsAnInputErrorNamingIt) {
    std::string path = dir_.file("absent.claims.jsonl");
    std::string message = inputError([&] { ingestFile(store_, schema_, path, IngestOptions{}); });
    EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
    EXPECT_EQ(store_.stats().rejections, 0);
}

TEST_F(IngestFileTest, ADirectoryIsAnInputError) {
    std::string message =
        inputError([&] { ingestFile(store_, schema_, dir_.path().string(), IngestOptions{}); });
    EXPECT_NE(message.find("is a directory"), std::string::npos) << message;
}

TEST_F(IngestFileTest, ReadsAFileWholeAndReportsIt) {
    std::string path = dir_.write("two.claims.jsonl", kSourceLine + "\n" + kGoodClaim + "\n");
    auto s = ingestFile(store_, schema_, path, IngestOptions{});
    EXPECT_EQ(s.file, "two.claims.jsonl");  // relative to the database's folder
    EXPECT_EQ(s.format, "claims");
    EXPECT_EQ(s.sources, 1);
    EXPECT_EQ(s.accepted, 1);
    EXPECT_EQ(s.entitiesCreated, 2);
    EXPECT_TRUE(s.warnings.empty());
}

TEST_F(IngestFileTest, DetectsTheClaimsFormatFromTheName) {
    EXPECT_EQ(cg::ingest::detectFormat("x/leak.claims.jsonl"), "claims");
    EXPECT_EQ(cg::ingest::detectFormat("leak.jsonl"), "claims");
    EXPECT_EQ(cg::ingest::detectFormat("leak.ndjson"), "claims");
    std::string message =
        inputError([] { cg::ingest::makeReader("yaml", cg::graph::Schema::defaults()); });
    EXPECT_NE(message.find("unknown format 'yaml'"), std::string::npos) << message;
}

TEST_F(IngestFileTest, CommitsInBatchesAndEndsWithEverythingStored) {
    std::string text = kSourceLine + "\n";
    for (int i = 0; i < 25; ++i) {
        text += R"({"id": "b)" + std::to_string(i) +
                R"(", "source": "s1", "subject": {"type": "Person", "name": "Person )" +
                std::to_string(i) +
                R"("}, "relation": "employee_of", "object": {"type": "Company", "name": "Acme"}})"
                "\n";
    }
    IngestOptions options;
    options.batchSize = 4;
    auto s = ingestFile(store_, schema_, dir_.write("batches.claims.jsonl", text), options);
    EXPECT_EQ(s.accepted, 25);
    EXPECT_EQ(store_.stats().claims, 25);
    EXPECT_EQ(store_.stats().relations, 25);
}
