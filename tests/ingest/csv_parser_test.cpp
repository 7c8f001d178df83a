// SPDX-License-Identifier: MIT
#include "ingest/csv_parser.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

using cg::ingest::CsvParser;
using cg::ingest::CsvRow;

namespace {

std::vector<CsvRow> rows(const std::string& text, char delimiter = ',',
                         std::size_t max = CsvParser::kDefaultMaxRow) {
    std::istringstream in(text);
    CsvParser p(in, delimiter, max);
    std::vector<CsvRow> out;
    CsvRow r;
    while (p.next(r)) out.push_back(r);
    return out;
}

}  // namespace

TEST(CsvParser, SplitsQuotedFieldsWithDelimitersQuotesAndLineBreaks) {
    auto r = rows(
        "\xEF\xBB\xBF"
        "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n1,,3\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].fields, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(r[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"}));
    EXPECT_EQ(r[1].line, 2);
    EXPECT_EQ(r[2].fields, (std::vector<std::string>{"1", "", "3"}));
    EXPECT_EQ(r[2].line, 4);
    EXPECT_EQ(r[2].raw, "1,,3");
}

TEST(CsvParser, KeepsAQuoteInsideAnUnquotedField) {
    auto r = rows("5'10\" tall,ok\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].fields[0], "5'10\" tall");
    EXPECT_TRUE(r[0].error.empty());
}

TEST(CsvParser, SkipsBlankLinesAndReadsALastRowWithoutLineEnd) {
    auto r = rows("a\n\n\nb");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].fields[0], "b");
    EXPECT_EQ(r[1].line, 4);
}

TEST(CsvParser, ReportsTextAfterAClosingQuoteAndGoesOn) {
    auto r = rows("\"a\"b,c\nd\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_NE(r[0].error.find("text after the closing quote of field 1"), std::string::npos);
    EXPECT_EQ(r[1].fields[0], "d");
}

TEST(CsvParser, ReportsAQuoteLeftOpenAndReadsTheLinesItWouldHaveSwallowed) {
    // Before issue 23 the open quote took "d" with it to the end of the file.
    auto r = rows("a\n\"b,c\nd\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].line, 2);
    EXPECT_EQ(r[1].error, "quote opened here is never closed");
    EXPECT_EQ(r[1].raw, "\"b,c");
    EXPECT_EQ(r[2].line, 3);
    EXPECT_EQ(r[2].fields, (std::vector<std::string>{"d"}));
    EXPECT_TRUE(r[2].error.empty());
}

TEST(CsvParser, CutsARowLongerThanTheLimit) {
    auto r = rows(std::string(4000, 'x') + ",y\nz\n", ',', 2048);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_NE(r[0].error.find("longer than the limit"), std::string::npos);
    EXPECT_EQ(r[0].raw.size(), CsvParser::kKeptPrefix);
    EXPECT_EQ(r[1].fields[0], "z");
}

TEST(CsvParser, ReadsOtherDelimiters) {
    auto r = rows("a;b\t;c\n", ';');
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].fields, (std::vector<std::string>{"a", "b\t", "c"}));
}

TEST(CsvParser, KeepsNoMoreThanASmallLimitOfARowThatIsTooLong) {
    auto r = rows(std::string(600, 'x') + "\nz\n", ',', 100);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].raw, std::string(100, 'x'));
    EXPECT_NE(r[0].error.find("only its first 100 bytes are kept"), std::string::npos);
    EXPECT_EQ(r[1].fields[0], "z");
}

TEST(CsvParser, CarriageReturnsAloneEndRows) {
    auto r = rows("a,b\r1,2\r\r3,\"x\ry\"\r4,5");
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[1].fields, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(r[1].line, 2);
    EXPECT_EQ(r[2].fields, (std::vector<std::string>{"3", "x\ry"}));
    EXPECT_EQ(r[2].line, 4);
    EXPECT_EQ(r[3].fields, (std::vector<std::string>{"4", "5"}));
    EXPECT_EQ(r[3].line, 6);
}

TEST(CsvParser, LfCrlfAndCrMixedEachEndOneLine) {
    auto r = rows("a\nb\r\nc\rd\n");
    ASSERT_EQ(r.size(), 4u);
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i].line, static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(r[i].fields.size(), 1u);
    }
}

TEST(CsvParser, AQuotedFieldMaySpanUpToAThousandLines) {
    std::string text = "id,address\n1,\"";
    for (int i = 0; i < 999; ++i) text += "line\n";
    text += "end\"\n2,next\n";
    auto r = rows(text);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_TRUE(r[1].error.empty()) << r[1].error;
    EXPECT_EQ(r[2].line, 1002);
    EXPECT_EQ(r[2].fields, (std::vector<std::string>{"2", "next"}));
}

TEST(CsvParser, AQuoteOpenForMoreThanAThousandLinesIsRejectedAndReadingResumesOnTheNextLine) {
    std::string text = "id,name\n1,\"Unclosed\n";
    for (int i = 2; i <= 1500; ++i) text += std::to_string(i) + ",name " + std::to_string(i) + "\n";
    auto r = rows(text);
    ASSERT_EQ(r.size(), 1501u);
    EXPECT_EQ(r[1].line, 2);
    EXPECT_EQ(r[1].error, "quote opened here is never closed");
    EXPECT_EQ(r[1].raw, "1,\"Unclosed");
    for (int i = 2; i <= 1500; ++i) {
        const CsvRow& row = r[static_cast<std::size_t>(i)];
        ASSERT_TRUE(row.error.empty()) << row.line << ": " << row.error;
        EXPECT_EQ(row.line, i + 1);
        ASSERT_EQ(row.fields,
                  (std::vector<std::string>{std::to_string(i), "name " + std::to_string(i)}));
    }
}

TEST(CsvParser, AQuoteOpenForMoreThan64KiBIsRejectedAndReadingResumesOnTheNextLine) {
    std::string text = "id,name\r\n1,\"Unclosed\r\n";
    const std::string filler(1000, 'f');
    for (int i = 2; i <= 100; ++i) text += std::to_string(i) + "," + filler + "\r\n";
    auto r = rows(text);
    ASSERT_EQ(r.size(), 101u);
    EXPECT_EQ(r[1].error, "quote opened here is never closed");
    EXPECT_EQ(r[1].raw, "1,\"Unclosed");
    EXPECT_EQ(r[100].line, 101);
    EXPECT_EQ(r[100].fields, (std::vector<std::string>{"100", filler}));
}

TEST(CsvParser, AQuoteOpenedOnTheLinesReadAgainIsHandledTheSameWay) {
    // The first quote is given up after 1,000 lines, before the second one: the second opens
    // on a line read again from the held bytes and runs on into the stream to its end.
    std::string text = "a\n\"one\n";
    for (int i = 0; i < 1000; ++i) text += "x\n";
    text += "\"two\nthree\n";
    auto r = rows(text);
    ASSERT_EQ(r.size(), 1004u);
    EXPECT_EQ(r[1].error, "quote opened here is never closed");
    EXPECT_EQ(r[1].line, 2);
    EXPECT_EQ(r[2].fields, (std::vector<std::string>{"x"}));
    EXPECT_EQ(r[2].line, 3);
    EXPECT_EQ(r[1002].error, "quote opened here is never closed");
    EXPECT_EQ(r[1002].line, 1003);
    EXPECT_EQ(r[1003].fields, (std::vector<std::string>{"three"}));
    EXPECT_EQ(r[1003].line, 1004);
}
