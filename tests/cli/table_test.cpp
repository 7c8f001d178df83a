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

TEST(Table, PrintsEveryCellWholeWhenGivenNoWidth) {
    Table t({"id", "name"});
    std::string name(150, 'n');
    t.add({"e-1", name});
    std::ostringstream out;
    t.print(out);
    EXPECT_NE(out.str().find(name), std::string::npos);
}

TEST(Table, FitsAWidthByCuttingTheWidestColumnButNeverAWholeOne) {
    Table t({"id", "kind", "title"}, {0});
    std::string id = "source/a-very-long-identifier-that-a-command-needs-next";
    t.add({id, "article", std::string(60, 't')});
    std::ostringstream out;
    t.print(out, 80);
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) EXPECT_LE(cg::cli::displayWidth(line), 80u) << line;
    EXPECT_NE(out.str().find(id), std::string::npos) << "the id column is never cut";
    EXPECT_NE(out.str().find("t…"), std::string::npos) << out.str();
}

TEST(Table, CutsNoColumnBelowItsFloorEvenWhenTheLineStaysTooWide) {
    Table t({"id", "description"}, {0});
    t.add({std::string(100, 'i'), std::string(40, 'd')});
    std::ostringstream out;
    t.print(out, 60);
    EXPECT_NE(out.str().find(std::string(100, 'i')), std::string::npos);
    EXPECT_NE(out.str().find(std::string(Table::kMinColumn - 1, 'd') + "…"), std::string::npos)
        << out.str();
}
