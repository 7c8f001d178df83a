// SPDX-License-Identifier: MIT
#include "ingest/line_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

using cg::ingest::LineReader;

TEST(LineReader, StripsBomAndCarriageReturns) {
    std::istringstream in("\xEF\xBB\xBF{\"a\":1}\r\n{\"b\":2}\r\n");
    LineReader r(in);
    std::string line;
    ASSERT_TRUE(r.next(line));
    EXPECT_EQ(line, "{\"a\":1}");
    ASSERT_TRUE(r.next(line));
    EXPECT_EQ(line, "{\"b\":2}");
    EXPECT_EQ(r.lineNumber(), 2);
    EXPECT_FALSE(r.next(line));
}

TEST(LineReader, CutsALineLongerThanTheLimitAndGoesOn) {
    std::string big(5000, 'x');
    std::istringstream in(big + "\nshort\n");
    LineReader r(in, 2048);
    std::string line;
    ASSERT_TRUE(r.next(line));
    EXPECT_TRUE(r.truncated());
    EXPECT_EQ(r.fullLength(), 5000u);
    EXPECT_EQ(line.size(), LineReader::kKeptPrefix);
    ASSERT_TRUE(r.next(line));
    EXPECT_FALSE(r.truncated());
    EXPECT_EQ(line, "short");
    EXPECT_EQ(r.lineNumber(), 2);
}

TEST(LineReader, KeepsAtMostTheLimitOfALineThatIsTooLong) {
    std::string big(3000, 'y');
    std::istringstream in(big + "\n");
    LineReader r(in, 100);
    std::string line;
    ASSERT_TRUE(r.next(line));
    EXPECT_TRUE(r.truncated());
    EXPECT_EQ(line, std::string(100, 'y'));
    EXPECT_EQ(r.fullLength(), 3000u);
}

TEST(LineReader, AcceptsALineOfExactlyTheLimit) {
    std::istringstream in(std::string(100, 'z') + "\n" + std::string(101, 'z'));
    LineReader r(in, 100);
    std::string line;
    ASSERT_TRUE(r.next(line));
    EXPECT_FALSE(r.truncated());
    EXPECT_EQ(line.size(), 100u);
    ASSERT_TRUE(r.next(line));
    EXPECT_TRUE(r.truncated());
    EXPECT_EQ(r.lineNumber(), 2);
    EXPECT_FALSE(r.next(line));
}

TEST(LineReader, CountsBytesAndReadsALastLineWithoutNewline) {
    std::istringstream in("ab\ncd");
    LineReader r(in);
    std::string line;
    ASSERT_TRUE(r.next(line));
    ASSERT_TRUE(r.next(line));
    EXPECT_EQ(line, "cd");
    EXPECT_EQ(r.bytesRead(), 5u);
    EXPECT_FALSE(r.next(line));
}

TEST(LineReader, ACarriageReturnAloneEndsALine) {
    std::istringstream in("{\"a\":1}\r{\"b\":2}\r\n{\"c\":3}\n\r{\"d\":4}\r");
    LineReader r(in);
    std::string line;
    std::vector<std::string> lines;
    while (r.next(line)) lines.push_back(line);
    EXPECT_EQ(lines,
              (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "", "{\"d\":4}"}));
    EXPECT_EQ(r.lineNumber(), 5);
}
