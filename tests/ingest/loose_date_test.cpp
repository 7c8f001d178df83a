// SPDX-License-Identifier: MIT
#include "ingest/loose_date.hpp"

#include <gtest/gtest.h>

using cg::ingest::parseLooseDate;

namespace {

std::string read(const std::string& text) {
    std::string error;
    auto d = parseLooseDate(text, &error);
    return d ? d->text() : "error: " + error;
}

}  // namespace

TEST(LooseDate, ReadsTheFormsLeaksUse) {
    EXPECT_EQ(read("2006-03-23"), "2006-03-23");
    EXPECT_EQ(read("2006-03"), "2006-03");
    EXPECT_EQ(read("2006"), "2006");
    EXPECT_EQ(read("23-MAR-2006"), "2006-03-23");
    EXPECT_EQ(read("23 March 2006"), "2006-03-23");
    EXPECT_EQ(read("Mar 23, 2006"), "2006-03-23");
    EXPECT_EQ(read("September 2, 1999"), "1999-09-02");
    EXPECT_EQ(read("Sept 2 1999"), "1999-09-02");
    EXPECT_EQ(read("March 2006"), "2006-03");
    EXPECT_EQ(read("2006/03/23"), "2006-03-23");
    EXPECT_EQ(read("20060323"), "2006-03-23");
    EXPECT_EQ(read(" 23/03/2006 "), "2006-03-23");
    EXPECT_EQ(read("03/23/2006"), "2006-03-23");
    EXPECT_EQ(read("05.05.2006"), "2006-05-05");
}

TEST(LooseDate, KeepsOnlyTheYearWhenDayAndMonthCouldSwap) { EXPECT_EQ(read("03/04/2009"), "2009"); }

TEST(LooseDate, RejectsImpossibleAndUnknownDates) {
    EXPECT_NE(read("31/02/2010").find("error: '31/02/2010' is not a date"), std::string::npos);
    EXPECT_NE(read("2006-13-01").find("error:"), std::string::npos);
    EXPECT_EQ(read("sometime in 2006"), "error: 'sometime in 2006' is not a date in a known form");
    EXPECT_NE(read("23-Foo-2006").find("error:"), std::string::npos);
    EXPECT_NE(read("23-MAR-06").find("error:"), std::string::npos);
}

TEST(LooseDate, BlankIsNoDateAndNoError) {
    std::string error;
    EXPECT_FALSE(parseLooseDate("  ", &error));
    EXPECT_TRUE(error.empty());
}
