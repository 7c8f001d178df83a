// SPDX-License-Identifier: MIT
#include "ingest/json_document.hpp"

#include <gtest/gtest.h>

#include <string>

using cg::ingest::duplicateKey;
using cg::ingest::parseOneJsonValue;

namespace {

std::optional<std::string> duplicateIn(const std::string& text) {
    rapidjson::Document doc;
    EXPECT_FALSE(parseOneJsonValue(doc, text)) << text;
    return duplicateKey(doc);
}

}  // namespace

TEST(JsonDocument, OneValueWithBlanksAroundIsAccepted) {
    rapidjson::Document doc;
    EXPECT_FALSE(parseOneJsonValue(doc, std::string(" {\"a\": [1, 2]} \r\n\t")));
    EXPECT_EQ(doc["a"].Size(), 2u);
}

TEST(JsonDocument, ANulAfterTheValueIsAnErrorAtItsOffset) {
    rapidjson::Document doc;
    auto error = parseOneJsonValue(doc, std::string("{\"a\": 1}\0{\"b\": 2}", 17));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 8u);
    EXPECT_EQ(error->what, "a NUL byte after the end of the value");
}

TEST(JsonDocument, ASecondValueIsAnError) {
    rapidjson::Document doc;
    auto error = parseOneJsonValue(doc, "{} {}");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 3u);
    EXPECT_EQ(error->what, "text after the end of the value");
}

TEST(JsonDocument, ASyntaxErrorKeepsRapidJsonsReasonAndOffset) {
    rapidjson::Document doc;
    auto error = parseOneJsonValue(doc, "{\"a\": }");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 6u);
    EXPECT_EQ(error->what, "Invalid value.");
}

TEST(JsonDocument, FindsADuplicateKeyAtAnyDepth) {
    EXPECT_EQ(duplicateIn(R"({"a": 1, "b": 2})"), std::nullopt);
    EXPECT_EQ(duplicateIn(R"({"a": 1, "a": 1})"), "a");
    EXPECT_EQ(duplicateIn(R"({"x": {"y": [{"k": 1}, {"k": 2, "z": 0, "k": 3}]}})"), "k");
    // The same key in two different objects is no duplicate.
    EXPECT_EQ(duplicateIn(R"([{"k": 1}, {"k": 2}])"), std::nullopt);
}

TEST(JsonDocument, KeysThatDifferOnlyAfterANulAreDifferent) {
    EXPECT_EQ(duplicateIn(R"({"a\u0000b": 1, "a\u0000c": 2})"), std::nullopt);
    EXPECT_EQ(duplicateIn(R"({"a\u0000b": 1, "a\u0000b": 2})"), std::string("a\0b", 3));
}
