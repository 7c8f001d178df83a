// SPDX-License-Identifier: MIT
// `claimgraph query kinds`: every kind with its arguments and columns, from the definitions.
#include <gtest/gtest.h>

#include <string>

#include "queries/query_kinds.hpp"
#include "tests/cli/cli_runner.hpp"

using cg::testing::CliTest;
using cg::testing::contains;

namespace {

class QueryKindsCli : public CliTest {
  protected:
    void SetUp() override { ASSERT_EQ(run({"init"}).code, 0); }
};

}  // namespace

TEST_F(QueryKindsCli, TheTableListsEveryKindWithItsArguments) {
    auto r = run({"query", "kinds"});
    ASSERT_EQ(r.code, 0) << r;
    for (const auto& kind : cg::queries::queryKinds()) {
        EXPECT_TRUE(contains(r.out, "\n" + kind.name + " ")) << kind.name << '\n' << r;
        EXPECT_TRUE(contains(r.out, kind.description)) << kind.name;
    }
    EXPECT_TRUE(contains(r.out, "max_hops (integer, required)")) << r;
}

TEST_F(QueryKindsCli, JsonGivesEveryKindsArgumentsAndTypedColumns) {
    auto d = json({"query", "kinds"});
    ASSERT_TRUE(d.IsArray());
    ASSERT_EQ(d.Size(), cg::queries::queryKinds().size());
    const rapidjson::Value* path = nullptr;
    const rapidjson::Value* owners = nullptr;
    for (const auto& kind : d.GetArray()) {
        std::string name = kind["name"].GetString();
        if (name == "path") path = &kind;
        if (name == "owners") owners = &kind;
    }
    ASSERT_NE(path, nullptr);
    ASSERT_NE(owners, nullptr);
    bool sawFrom = false, sawMode = false;
    for (const auto& a : (*path)["arguments"].GetArray()) {
        std::string name = a["name"].GetString();
        if (name == "from") {
            sawFrom = true;
            EXPECT_TRUE(a["required"].GetBool());
            EXPECT_STREQ(a["type"].GetString(), "entities");
            EXPECT_STREQ(a["command_line"].GetString(), "FROM");
            EXPECT_TRUE(a["default"].IsNull());
        }
        if (name == "mode") {
            sawMode = true;
            ASSERT_TRUE(a["values"].IsArray());
            EXPECT_EQ(a["values"].Size(), 3u);
            EXPECT_STREQ(a["default"].GetString(), "shortest");
            EXPECT_TRUE(a["saved_query"].GetBool());
        }
    }
    EXPECT_TRUE(sawFrom);
    EXPECT_TRUE(sawMode);
    const auto& columns = (*owners)["columns"];
    ASSERT_TRUE(columns.IsArray());
    EXPECT_STREQ(columns[0]["name"].GetString(), "owner");
    EXPECT_STREQ(columns[0]["type"].GetString(), "entity");
    EXPECT_STREQ(columns[2]["type"].GetString(), "number");
    EXPECT_STREQ(columns[8]["name"].GetString(), "ultimate");
    EXPECT_STREQ(columns[8]["type"].GetString(), "boolean");
}
