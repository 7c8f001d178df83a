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
