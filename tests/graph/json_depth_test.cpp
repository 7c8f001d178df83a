// SPDX-License-Identifier: MIT
#include "graph/json_depth.hpp"

#include <gtest/gtest.h>

#include <string>

using cg::graph::jsonTooDeepAt;

TEST(JsonDepth, FindsTheBracketThatOpensOneLevelTooMany) {
    EXPECT_EQ(jsonTooDeepAt("[[[1]]]", 3), std::nullopt);
    EXPECT_EQ(jsonTooDeepAt("[[[[1]]]]", 3), std::optional<std::size_t>(3));
    EXPECT_EQ(jsonTooDeepAt("{\"a\": {\"b\": [{}]}}", 3), std::optional<std::size_t>(13));
}

TEST(JsonDepth, CountsOnlyOpenLevels) {
    EXPECT_EQ(jsonTooDeepAt("[[1],[2],[3],{\"a\":[]}]", 3), std::nullopt);
}

TEST(JsonDepth, SkipsBracketsInsideStringsWithTheirEscapes) {
    EXPECT_EQ(jsonTooDeepAt(R"(["[[[[", "\"[[[[", "\\", [1]])", 2), std::nullopt);
    EXPECT_EQ(jsonTooDeepAt(R"(["\\", [[1]]])", 2), std::optional<std::size_t>(8));
}

TEST(JsonDepth, TakesTextThatIsNotJson) {
    EXPECT_EQ(jsonTooDeepAt("]]]][[", 1), std::optional<std::size_t>(5));
    EXPECT_EQ(jsonTooDeepAt(std::string(1000000, '['), 64), std::optional<std::size_t>(64));
    EXPECT_EQ(jsonTooDeepAt("", 0), std::nullopt);
}
