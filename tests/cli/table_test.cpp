// SPDX-License-Identifier: MIT
#include "cli/table.hpp"

#include <gtest/gtest.h>

#include <sstream>

using cg::cli::Table;

TEST(Table, PadsColumnsByCodePointsNotBytes) {
    Table t({"id", "name"});
    t.add({"a", "Ñoño"});
    t.add({"bbb", "x"});
    std::ostringstream out;
    t.print(out);
    EXPECT_EQ(out.str(), "id   name\n---  ----\na    Ñoño\nbbb  x\n");
}

TEST(Table, ClipsLongCellsWithAnEllipsis) {
    EXPECT_EQ(cg::cli::clip("abcdefgh", 5), "abcd…");
    EXPECT_EQ(cg::cli::clip("abc", 5), "abc");
}

TEST(Table, ShowsControlCharactersInCellsAsVisibleSymbols) {
    Table t({"name"});
    t.add({"Evil \x1b[31mRed\x1b[0m"});
    std::ostringstream out;
    t.print(out);
    EXPECT_EQ(out.str(), "name\n-----------------\nEvil ␛[31mRed␛[0m\n");
}
