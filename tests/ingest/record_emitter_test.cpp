// SPDX-License-Identifier: MIT
#include "ingest/record_emitter.hpp"

#include <gtest/gtest.h>

#include <string>

#include "ingest/content_hash.hpp"
#include "tests/ingest/reader_sink.hpp"

using cg::graph::Claim;
using cg::ingest::RecordEmitter;
using cg::testing::ReaderSink;

TEST(RecordEmitter, StartsClaimsWithTheRecordsSourceFileLineAndRawText) {
    ReaderSink sink;
    const std::string source = "registry", file = "rows.csv", raw = "1,Golden Sands Ltd";
    RecordEmitter out(sink, source, file, 7, raw);
    Claim c = out.base("csv:registry:1:name");
    EXPECT_EQ(c.key, "csv:registry:1:name");
    EXPECT_EQ(c.sourceKey, "registry");
    EXPECT_EQ(c.file, "rows.csv");
    EXPECT_EQ(c.line, 7);
    EXPECT_EQ(c.raw, raw);
    EXPECT_FALSE(out.produced());
}

TEST(RecordEmitter, SealsWhatItEmitsAndCountsItAsProduced) {
    ReaderSink sink;
    const std::string source = "registry", file = "rows.csv", raw = "1,Golden Sands Ltd";
    RecordEmitter out(sink, source, file, 7, raw);
    Claim c = out.base("k");
    c.kind = Claim::Kind::Property;
    c.subject.key = "company-1";
    c.property = "name";
    c.value = "Golden Sands Ltd";
    Claim expected = c;
    cg::ingest::sealClaim(expected);
    out.emit(std::move(c));
    ASSERT_EQ(sink.claims.size(), 1u);
    EXPECT_NE(sink.claims[0].contentHash, 0u);
    EXPECT_EQ(sink.claims[0].contentHash, expected.contentHash);
    EXPECT_TRUE(out.produced());
}

TEST(RecordEmitter, RejectsAPartAtTheRecordsLineWithItsRawText) {
    ReaderSink sink;
    const std::string source = "registry", file = "rows.csv", raw = "2,,X";
    RecordEmitter out(sink, source, file, 9, raw);
    out.reject("holder_kind: 'X' is not in the mapping's map");
    ASSERT_EQ(sink.rejections.size(), 1u);
    EXPECT_EQ(sink.rejections[0].file, "rows.csv");
    EXPECT_EQ(sink.rejections[0].line, 9);
    EXPECT_EQ(sink.rejections[0].reason, "holder_kind: 'X' is not in the mapping's map");
    EXPECT_EQ(sink.rejections[0].raw, raw);
    EXPECT_TRUE(out.produced());
    EXPECT_TRUE(sink.claims.empty());
}
