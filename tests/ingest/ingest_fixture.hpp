// SPDX-License-Identifier: MIT
// A store in a temporary directory and the ingest path the CLI takes (ClaimsReader into an
// Applier), with checks shared by the ingest tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/applier.hpp"
#include "ingest/claims_reader.hpp"
#include "tests/graph/temp_dir.hpp"

namespace cg::testing {

/// A declared source and two well-formed claims that name it, for files around a bad line.
inline const std::string kSourceLine =
    R"({"source": {"id": "s1", "title": "Test article", "kind": "article", "published": "2022-08-30"}})";
inline const std::string kGoodClaim =
    R"({"id": "good-1", "source": "s1", "subject": {"type": "Person", "name": "Sar Kheng"}, "relation": "officer_of", "object": {"type": "PublicBody", "name": "Ministry of Interior"}, "attributes": {"role": "Interior Minister"}, "quote": "Interior Minister Sar Kheng said", "confidence": 0.9})";
inline const std::string kOtherGoodClaim =
    R"({"id": "good-2", "source": "s1", "subject": {"type": "Company", "name": "Golden Sands Ltd"}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands compound"}, "attributes": {"share_min": 25, "share_max": 50}})";

class IngestTest : public ::testing::Test {
  protected:
    IngestTest() : store_(dir_.file("ingest.claimgraph")) {}

    /// Writes `text` to `name` and ingests it as the CLI does.
    ingest::IngestSummary ingestText(const std::string& name, const std::string& text,
                                     std::size_t maxLine = std::size_t{16} << 20) {
        return ingestPath(dir_.write(name, text), maxLine);
    }

    ingest::IngestSummary ingestPath(const std::string& path,
                                     std::size_t maxLine = std::size_t{16} << 20) {
        ingest::ClaimsReader reader(schema_, maxLine);
        ingest::Applier applier(store_, schema_);
        applier.beginFile(path, reader.format());
        std::ifstream in(path, std::ios::binary);
        reader.read(in, path, applier);
        return applier.endFile();
    }

    /// Ingests a file of a source declaration, a good claim, `bad` on line 3 and another good
    /// claim, and checks that exactly line 3 was rejected with `reason` (in full, or as the
    /// beginning of the reason when `prefixOnly`), stored with its raw text, and that the
    /// rest went in.
    void expectRejected(const std::string& bad, const std::string& reason,
                        bool prefixOnly = false) {
        std::string path = dir_.write("bad.claims.jsonl", kSourceLine + "\n" + kGoodClaim + "\n" +
                                                              bad + "\n" + kOtherGoodClaim + "\n");
        ingest::IngestSummary s = ingestPath(path);
        EXPECT_EQ(s.sources, 1);
        EXPECT_EQ(s.accepted, 2);
        EXPECT_EQ(s.duplicates, 0);
        ASSERT_EQ(s.rejected, 1);
        ASSERT_EQ(s.firstRejections.size(), 1u);
        const graph::Rejection& r = s.firstRejections[0];
        EXPECT_EQ(r.file, path);
        EXPECT_EQ(r.line, 3);
        if (prefixOnly) {
            EXPECT_EQ(r.reason.substr(0, reason.size()), reason) << "full reason: " << r.reason;
        } else {
            EXPECT_EQ(r.reason, reason);
        }
        EXPECT_EQ(r.raw, bad);
        auto stored = store_.rejections(0);
        ASSERT_EQ(stored.size(), 1u);
        // The applier stores the file as it is given (here absolute, as ingestFile gives a
        // file outside the database's folder); the store shows it by its name only.
        EXPECT_EQ(stored[0].file, std::filesystem::path(path).filename().string());
        EXPECT_EQ(stored[0].line, 3);
        EXPECT_EQ(stored[0].reason, r.reason);
        EXPECT_EQ(stored[0].raw, bad);
        auto stats = store_.stats();
        EXPECT_EQ(stats.sources, 1);
        EXPECT_EQ(stats.claims, 2);
        EXPECT_EQ(stats.relations, 2);
        EXPECT_EQ(stats.rejections, 1);
    }

    TempDir dir_;
    graph::Schema schema_ = graph::Schema::defaults();
    graph::Store store_;
};

}  // namespace cg::testing
