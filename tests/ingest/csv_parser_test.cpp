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

TEST(CsvParser, ReportsAQuoteLeftOpen) {
    auto r = rows("a\n\"b,c\nd\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].line, 2);
    EXPECT_NE(r[1].error.find("not closed"), std::string::npos);
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
