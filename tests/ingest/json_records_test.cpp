// SPDX-License-Identifier: MIT
#include "ingest/json_records.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

using cg::ingest::JsonRecord;
using cg::ingest::JsonRecords;

namespace {

std::vector<JsonRecord> all(const std::string& text,
                            std::size_t maxRecord = JsonRecords::kDefaultMaxRecord) {
    std::istringstream in(text);
    JsonRecords records(in, maxRecord);
    std::vector<JsonRecord> out;
    JsonRecord r;
    while (records.next(r)) out.push_back(r);
    return out;
}

}  // namespace

TEST(JsonRecords, SplitsAnArrayIntoElementsWithTheirFirstLines) {
    auto r = all("\xEF\xBB\xBF[\n  {\"a\": \"}]\\\"\"},\n  {\"b\":\n    [1, 2]},\n  3\n]\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].text, "{\"a\": \"}]\\\"\"}");
    EXPECT_EQ(r[0].line, 2);
    EXPECT_EQ(r[1].text, "{\"b\":\n    [1, 2]}");
    EXPECT_EQ(r[1].line, 3);
    EXPECT_EQ(r[2].text, "3");
    EXPECT_EQ(r[2].line, 5);
    for (const auto& x : r) EXPECT_TRUE(x.error.empty()) << x.error;
}

TEST(JsonRecords, ReadsJsonLinesSkippingBlankOnes) {
    auto r = all("{\"a\":1}\r\n\n  \n{\"b\":2}\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].text, "{\"a\":1}");
    EXPECT_EQ(r[1].line, 4);
}

TEST(JsonRecords, ReportsAMissingCommaAndGoesOn) {
    auto r = all("[{\"a\":1}\n{\"b\":2}, {\"c\":3}]");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_TRUE(r[0].error.empty());
    EXPECT_NE(r[1].error.find("missing ','"), std::string::npos);
    EXPECT_EQ(r[1].line, 2);
    EXPECT_TRUE(r[2].error.empty());
}

TEST(JsonRecords, ReportsAnEmptyElement) {
    auto r = all("[{\"a\":1},,{\"b\":2}]");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_NE(r[1].error.find("empty element"), std::string::npos);
    EXPECT_EQ(r[2].text, "{\"b\":2}");
}

TEST(JsonRecords, ReportsAnElementNotClosedBeforeTheEnd) {
    auto r = all("[\n{\"a\":1},\n{\"b\": [2\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].line, 3);
    EXPECT_NE(r[1].error.find("not closed"), std::string::npos);
    EXPECT_EQ(r[1].text, "{\"b\": [2\n");
}

TEST(JsonRecords, ReportsAnArrayNotClosed) {
    auto r = all("[{\"a\":1}\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_NE(r[1].error.find("not closed with ']'"), std::string::npos);
}

TEST(JsonRecords, ReportsTextAfterTheArray) {
    auto r = all("[{\"a\":1}]\n{\"b\":2}\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].line, 2);
    EXPECT_NE(r[1].error.find("after the closing ']'"), std::string::npos);
}

TEST(JsonRecords, CutsARecordLongerThanTheLimitAndGoesOn) {
    std::string big(5000, 'x');
    auto r = all("[\"" + big + "\", {\"a\":1}]", 2048);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_NE(r[0].error.find("longer than the limit"), std::string::npos);
    EXPECT_EQ(r[0].text.size(), JsonRecords::kKeptPrefix);
    EXPECT_EQ(r[1].text, "{\"a\":1}");
}

TEST(JsonRecords, LineAtCountsLinesInsideARecord) {
    EXPECT_EQ(cg::ingest::lineAt("{\n\"a\":\n x}", 9, 10), 12);
    EXPECT_EQ(cg::ingest::lineAt("{}", 0, 3), 3);
}

TEST(JsonRecords, KeepsNoMoreThanASmallLimitOfARecordThatIsTooLong) {
    std::string big(3000, 'y');
    auto lines = all("{\"a\": \"" + big + "\"}\n{\"b\": 2}\n", 100);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].text, ("{\"a\": \"" + big).substr(0, 100));
    EXPECT_NE(lines[0].error.find("(only its first 100 bytes are kept)"), std::string::npos)
        << lines[0].error;
    EXPECT_EQ(lines[1].text, "{\"b\": 2}");
    auto array = all("[\"" + big + "\", {\"a\":1}]", 100);
    ASSERT_EQ(array.size(), 2u);
    EXPECT_EQ(array[0].text.size(), 100u);
    EXPECT_EQ(array[0].text.find('\0'), std::string::npos);
}

TEST(JsonRecords, RejectsARecordNestedDeeperThanTheLimitAndGoesOn) {
    std::string deep = std::string(65, '[') + std::string(65, ']');
    auto r = all("{\"a\": [[1]]}\n" + deep + "\n{\"b\": \"[[[[[[\"}\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_TRUE(r[0].error.empty());
    EXPECT_EQ(r[1].error, "record nests deeper than 64 levels");
    EXPECT_EQ(r[1].line, 2);
    EXPECT_TRUE(r[2].error.empty()) << "brackets inside strings do not count";
}

TEST(JsonRecords, NamesTheLineWhereAnArrayElementNestsTooDeep) {
    auto r = all("[\n{\"a\":\n" + std::string(70, '[') + std::string(70, ']') + "}\n]\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].line, 2);
    EXPECT_EQ(r[0].error, "record nests deeper than 64 levels (from its line 3)");
}

TEST(JsonRecords, AcceptsNestingUpToTheLimit) {
    auto r = all(std::string(64, '[') + std::string(64, ']') + "\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_TRUE(r[0].error.empty());
}

TEST(JsonRecords, ReadsJsonLinesEndedByCarriageReturnsAlone) {
    auto r = all("{\"a\":1}\r{\"b\":2}\r\r{\"c\":3}\r");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].text, "{\"a\":1}");
    EXPECT_EQ(r[1].line, 2);
    EXPECT_EQ(r[2].text, "{\"c\":3}");
    EXPECT_EQ(r[2].line, 4);
}
