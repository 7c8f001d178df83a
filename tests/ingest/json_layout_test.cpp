// SPDX-License-Identifier: MIT
// How JSON records may be laid out in a file: JSON Lines, one JSON array however it is
// written, and the pretty-printed objects JSON Lines cannot hold.
#include <gtest/gtest.h>

#include <string>

#include "ingest/claims_reader.hpp"
#include "ingest/format_detection.hpp"
#include "ingest/ftm_reader.hpp"
#include "ingest/json_records.hpp"
#include "ingest/spread_record.hpp"
#include "tests/ingest/ingest_fixture.hpp"
#include "tests/ingest/reader_sink.hpp"

using cg::ingest::ClaimsReader;
using cg::ingest::formatOfContent;
using cg::ingest::FtmReader;
using cg::testing::IngestTest;
using cg::testing::kGoodClaim;
using cg::testing::kOtherGoodClaim;
using cg::testing::kSourceLine;
using cg::testing::readText;

namespace {

using JsonLayout = IngestTest;

const cg::graph::Schema& schema() {
    static const cg::graph::Schema s = cg::graph::Schema::defaults();
    return s;
}

// A record of one line spread over several, as json.dumps(indent=2) and jq write it: the
// braces alone on their lines and one member per line.
std::string pretty(const std::string& oneLine) {
    std::string out = "{\n";
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 1; i + 1 < oneLine.size(); ++i) {
        char c = oneLine[i];
        if (c == '"' && oneLine[i - 1] != '\\') inString = !inString;
        if (!inString && (c == '{' || c == '[')) ++depth;
        if (!inString && (c == '}' || c == ']')) --depth;
        if (!inString && depth == 0 && c == ',') {
            out += ",\n  ";
            ++i;  // the space after the comma
            continue;
        }
        out += c;
    }
    return out + "\n}";
}

}  // namespace

TEST_F(JsonLayout, ReadsClaimsFromOneJsonArrayHoweverItIsLaidOut) {
    std::string text =
        "\n  [" + kSourceLine + ",\n" + pretty(kGoodClaim) + ",  " + kOtherGoodClaim + "\n]\n";
    auto s = ingestText("array.json", text);
    EXPECT_EQ(s.sources, 1);
    EXPECT_EQ(s.accepted, 2);
    EXPECT_EQ(s.rejected, 0) << (s.firstRejections.empty() ? "" : s.firstRejections[0].reason);
}

TEST_F(JsonLayout, ARejectedArrayElementIsNamedByItsPlaceAndItsLine) {
    std::string bad = R"({"id": "bad", "source": "s1", "subject": {"type": "Compnay", "name": "X"},
  "property": "name", "value": "X"})";
    std::string text = "[\n" + kSourceLine + ",\n" + kGoodClaim + ",\n" + bad + "\n]\n";
    auto s = ingestText("array.json", text);
    EXPECT_EQ(s.accepted, 1);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].line, 4);
    EXPECT_EQ(s.firstRejections[0].reason.rfind("element 3: unknown entity type 'Compnay'", 0), 0u)
        << s.firstRejections[0].reason;
    EXPECT_EQ(s.firstRejections[0].raw, bad);
}

TEST_F(JsonLayout, InvalidJsonInAnArrayElementIsPlacedAtItsLine) {
    std::string text = "[\n" + kSourceLine + ",\n{\"id\": \"x\",\n  \"source\" \"s1\"}\n]\n";
    auto s = ingestText("array.json", text);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].line, 4);
    EXPECT_EQ(s.firstRejections[0].reason.rfind("element 2: invalid JSON: ", 0), 0u)
        << s.firstRejections[0].reason;
}

TEST_F(JsonLayout, APrettyPrintedRecordInJsonLinesIsOneRejectionNotOnePerLine) {
    std::string spread = pretty(kGoodClaim);
    std::string text = kSourceLine + "\n" + spread + "\n" + kOtherGoodClaim + "\n";
    auto s = ingestText("pretty.claims.jsonl", text);
    EXPECT_EQ(s.sources, 1);
    EXPECT_EQ(s.accepted, 1) << "the record after it goes in";
    ASSERT_EQ(s.rejected, 1);
    const auto& r = s.firstRejections[0];
    EXPECT_EQ(r.line, 2);
    std::size_t lines = static_cast<std::size_t>(std::count(spread.begin(), spread.end(), '\n'));
    EXPECT_EQ(r.reason,
              cg::ingest::spreadRecordReason(2, 2 + static_cast<std::int64_t>(lines), true));
    EXPECT_NE(r.reason.find("pretty-printed"), std::string::npos);
    EXPECT_NE(r.reason.find("one object per line"), std::string::npos);
    EXPECT_EQ(r.raw, spread);
}

TEST_F(JsonLayout, ASpreadRecordThatNeverClosesDoesNotTakeTheNextRecordsAlong) {
    std::string text =
        kSourceLine + "\n{\n  \"id\": \"cut\",\n" + kGoodClaim + "\n" + kOtherGoodClaim + "\n";
    auto s = ingestText("cut.claims.jsonl", text);
    EXPECT_EQ(s.accepted, 2);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].line, 2);
    EXPECT_EQ(s.firstRejections[0].reason, cg::ingest::spreadRecordReason(2, 3, false));
}

TEST(JsonLayoutFtm, APrettyPrintedEntityInJsonLinesIsOneRejection) {
    std::string entity =
        R"({"id": "c1", "schema": "Company", "properties": {"name": ["Opaline"]}})";
    FtmReader reader(schema());
    auto sink = readText(reader, pretty(entity) + "\n" + entity + "\n");
    ASSERT_EQ(sink.rejections.size(), 1u);
    EXPECT_EQ(sink.rejections[0].line, 1);
    EXPECT_NE(sink.rejections[0].reason.find("written over lines 1-5 (pretty-printed)"),
              std::string::npos)
        << sink.rejections[0].reason;
    EXPECT_FALSE(sink.claims.empty()) << "the entity on one line after it is read";
}

TEST(JsonLayoutFtm, ARejectionInAnArrayNamesTheElement) {
    FtmReader reader(schema());
    auto sink =
        readText(reader,
                 "[\n"
                 R"({"id": "c1", "schema": "Company", "properties": {"name": ["Opaline"]}},)"
                 "\n  \"not an entity\"\n]\n");
    ASSERT_EQ(sink.rejections.size(), 1u);
    EXPECT_EQ(sink.rejections[0].line, 3);
    EXPECT_EQ(sink.rejections[0].reason.rfind("element 2: ", 0), 0u) << sink.rejections[0].reason;
}

TEST(JsonLayoutDetection, AnArrayOfClaimsAndAPrettyPrintedClaimsFileAreClaims) {
    EXPECT_EQ(formatOfContent("[" + kSourceLine + "," + kGoodClaim + "]"), "claims");
    EXPECT_EQ(formatOfContent(pretty(kSourceLine) + "\n" + pretty(kGoodClaim) + "\n"), "claims");
}

TEST(JsonLayoutRecords, NumbersTheElementsOfAnArrayAndNotJsonLines) {
    std::istringstream array("[{\"a\": 1},\n {\"b\": 2}]");
    cg::ingest::JsonRecords records(array);
    cg::ingest::JsonRecord r;
    ASSERT_TRUE(records.next(r));
    EXPECT_EQ(r.element, 1);
    ASSERT_TRUE(records.next(r));
    EXPECT_EQ(r.element, 2);
    EXPECT_EQ(r.line, 2);
    std::istringstream lines("{\"a\": 1}\n{\"b\": 2}\n");
    cg::ingest::JsonRecords lineRecords(lines);
    ASSERT_TRUE(lineRecords.next(r));
    EXPECT_EQ(r.element, 0);
}
