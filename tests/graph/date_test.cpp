// SPDX-License-Identifier: MIT
#include "graph/date.hpp"

#include <gtest/gtest.h>

using cg::graph::PartialDate;

TEST(PartialDate, ParsesYearMonthAndDay) {
    auto y = PartialDate::parse("2022");
    ASSERT_TRUE(y);
    EXPECT_EQ(y->firstDay(), 20220101);
    EXPECT_EQ(y->lastDay(), 20221231);
    auto m = PartialDate::parse("2024-02");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->lastDay(), 20240229);
    auto d = PartialDate::parse("2022-08-30");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text(), "2022-08-30");
}

TEST(PartialDate, KeepsOnlyTheDateOfATimestamp) {
    auto d = PartialDate::parse("2019-04-01T00:00:00Z");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text(), "2019-04-01");
}

TEST(PartialDate, RejectsImpossibleDates) {
    std::string error;
    EXPECT_FALSE(PartialDate::parse("2022-02-30", &error));
    EXPECT_NE(error.find("impossible date"), std::string::npos);
    EXPECT_FALSE(PartialDate::parse("2023-02-29", &error));
    EXPECT_FALSE(PartialDate::parse("2022-13", &error));
    EXPECT_FALSE(PartialDate::parse("22-08-30", &error));
    EXPECT_FALSE(PartialDate::parse("August 2022", &error));
    EXPECT_TRUE(PartialDate::parse("2000-02-29"));
}

TEST(PartialDate, WritesTextAtItsOwnPrecision) {
    EXPECT_EQ(PartialDate::parse("2022")->text(), "2022");
    EXPECT_EQ(PartialDate::parse("2022-08")->text(), "2022-08");
    EXPECT_EQ(PartialDate::parse("0999-01-05")->text(), "0999-01-05");
    EXPECT_EQ(PartialDate::parse("2022-08-30 14:00")->text(), "2022-08-30");
}

TEST(PartialDate, RangeOfAPartialDateCoversEveryDayItCanMean) {
    auto feb1900 = PartialDate::parse("1900-02");
    ASSERT_TRUE(feb1900);
    EXPECT_EQ(feb1900->firstDay(), 19000201);
    EXPECT_EQ(feb1900->lastDay(), 19000228);  // a century year is not a leap year
    EXPECT_EQ(PartialDate::parse("2000-02")->lastDay(), 20000229);  // unless divisible by 400
    EXPECT_EQ(PartialDate::parse("2022-04")->lastDay(), 20220430);
    auto day = PartialDate::parse("2022-08-30");
    EXPECT_EQ(day->firstDay(), day->lastDay());
}

TEST(PartialDate, APartialDateIsThePeriodOfEveryDayItCanMean) {
    EXPECT_EQ(PartialDate::parse("2022-08")->period(), cg::graph::DayPeriod(20220801, 20220831));
    EXPECT_EQ(PartialDate::parse("2022")->period(), cg::graph::DayPeriod(20220101, 20221231));
    EXPECT_EQ(PartialDate::parse("2022-08-30")->period(), cg::graph::DayPeriod(20220830));
}

TEST(DayPeriod, OverlapsValidityThatSharesADay) {
    auto august = *PartialDate::parse("2022-08");
    cg::graph::DayPeriod p = august.period();
    EXPECT_TRUE(p.overlaps(20220820, 0));         // from the 20th
    EXPECT_TRUE(p.overlaps(0, 20220803));         // until the 3rd
    EXPECT_TRUE(p.overlaps(20220831, 20220831));  // its last day
    EXPECT_TRUE(p.overlaps(0, 0));                // open both ways
    EXPECT_TRUE(p.overlaps(20200101, 20300101));  // around it
    EXPECT_FALSE(p.overlaps(0, 20220731));
    EXPECT_FALSE(p.overlaps(20220901, 0));
    EXPECT_FALSE(p.overlaps(20220601, 20220630));
}

TEST(PartialDate, RejectsMalformedText) {
    std::string error;
    for (const char* bad :
         {"", "202", "20221", "2022-8", "2022-8-30", "2022/08/30", "2022-08-3", "2022-08-30x",
          "2022-00", "2022-08-00", "2022-08-32", "abcd", "2022T10"}) {
        error.clear();
        EXPECT_FALSE(PartialDate::parse(bad, &error)) << bad;
        EXPECT_NE(error.find(bad), std::string::npos) << "error for '" << bad << "': " << error;
    }
}

TEST(PartialDate, ComparesByValue) {
    EXPECT_EQ(*PartialDate::parse("2022-08"), *PartialDate::parse("2022-08"));
    EXPECT_FALSE(*PartialDate::parse("2022-08") == *PartialDate::parse("2022-08-01"));
}

TEST(DayKey, PrintsAsAFullDate) {
    EXPECT_EQ(cg::graph::dayKeyText(20220830), "2022-08-30");
    EXPECT_EQ(cg::graph::dayKeyText(PartialDate::parse("2024-02")->lastDay()), "2024-02-29");
    EXPECT_EQ(cg::graph::daysInMonth(2023, 2), 28);
    EXPECT_EQ(cg::graph::daysInMonth(2024, 2), 29);
    EXPECT_EQ(cg::graph::daysInMonth(2024, 12), 31);
}
