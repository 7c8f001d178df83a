// SPDX-License-Identifier: MIT
// One convention for every command's --json (docs/json.md): snake_case keys, real booleans,
// null for a missing value (never ""), entities as {id, name, type}; and CSV with ids.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <regex>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

using Outcome = cg::testing::CliOutcome;
using cg::testing::contains;

namespace {

// Objects whose keys are data (type names), not field names.
bool keysAreData(const std::string& path) {
    return path == ".entities_by_type" || path == ".relations_by_type" ||
           path.find(".attributes") != std::string::npos;
}

void check(const rapidjson::Value& v, const std::string& path, std::vector<std::string>& problems) {
    static const std::regex snake("[a-z][a-z0-9_]*");
    if (v.IsObject()) {
        bool data = keysAreData(path);
        for (const auto& m : v.GetObject()) {
            std::string key = m.name.GetString();
            if (!data && !std::regex_match(key, snake))
                problems.push_back("key '" + key + "' at " + path);
            check(m.value, path + "." + key, problems);
        }
        // An entity is {id, name, type}: where one of them is there, all three are.
        if (v.HasMember("id") && v.HasMember("name") && !v.HasMember("type") &&
            path.find("sources") == std::string::npos)
            problems.push_back("entity without type at " + path);
    } else if (v.IsArray()) {
        for (const auto& item : v.GetArray()) check(item, path + "[]", problems);
    } else if (v.IsString()) {
        std::string s = v.GetString();
        if (s.empty()) problems.push_back("empty string at " + path + " (null for missing)");
        if (s == "yes" || s == "no") problems.push_back("'" + s + "' at " + path + " (a boolean)");
    }
}

class JsonConventions : public cg::testing::CliTest {
  protected:
    JsonConventions() {
        Outcome r = run({"ingest", CG_SOURCE_DIR "/samples/seed-article.claims.jsonl",
                         CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl"});
        EXPECT_EQ(r.code, 0) << r;
    }
};

}  // namespace

TEST_F(JsonConventions, EveryCommandFollowsThem) {
    const std::string casino = "Opaline Bay Casino & Hotel";
    std::vector<std::vector<std::string>> commands = {
        {"stats"},
        {"sources"},
        {"entities", "--type", "Person"},
        {"show", "Marisol Vantongeren"},
        {"explain", "Sar Kheng", "Ministry of Interior"},
        {"rejections"},
        {"search", "casino", "--limit", "3"},
        {"resolve", "suggest", "--limit", "3"},
        {"resolve", "list"},
        {"retract", "--list"},
        {"query", "owners", casino, "--threshold", "5"},
        {"query", "holdings", "Marisol Vantongeren"},
        {"query", "path", "Hun Sen", "Unnamed facilities housing scam operations", "--all",
         "--explain"},
        {"query", "neighbours", "Marisol Vantongeren", "--hops", "2", "--cap", "3"},
        {"query", "cycles"},
        {"query", "components", "--top", "2"},
        {"query", "centrality", "--metric", "pagerank", "--top", "3"},
        {"query", "shared", "--via", "registered_at"},
        {"query", "red-flags"},
        {"query", "denials"},
        {"query", "list"},
    };
    for (const auto& args : commands) {
        Outcome r = run(args, true);
        std::string name;
        for (const auto& a : args) name += a + " ";
        ASSERT_EQ(r.code, 0) << name << r;
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        ASSERT_FALSE(d.HasParseError()) << name << r;
        std::vector<std::string> problems;
        check(d, "", problems);
        EXPECT_TRUE(problems.empty())
            << name << ": " << problems.front() << " (and " << problems.size() - 1 << " more)";
    }
}

TEST_F(JsonConventions, OwnersGiveSnakeCaseColumnsAndABooleanUltimate) {
    auto d = json({"query", "owners", "Opaline Bay Casino & Hotel", "--threshold", "5"});
    ASSERT_TRUE(d["rows"].IsArray());
    ASSERT_GT(d["rows"].Size(), 0u);
    const auto& row = d["rows"][0];
    EXPECT_TRUE(row["share_min"].IsNumber());
    EXPECT_TRUE(row["ultimate"].IsBool());
    EXPECT_TRUE(row["owner"]["id"].IsString());
    bool listed = false;
    for (const auto& c : d["columns"].GetArray())
        listed = listed || std::string(c.GetString()) == "share_min";
    EXPECT_TRUE(listed);
}

TEST_F(JsonConventions, CsvCarriesTheIdsOfTheEntitiesItNames) {
    Outcome r = run({"query", "owners", "Opaline Bay Casino & Hotel", "--threshold", "5", "--csv"});
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_EQ(r.out.rfind("owner,owner_id,type,share_min,share_max,", 0), 0u) << r.out;
    EXPECT_TRUE(
        contains(r.out, "Opaline Bay Resorts Ltd,company/opaline-bay-resorts-ltd,Company,100,100"))
        << r.out;
    EXPECT_TRUE(contains(r.out, ",false")) << "ultimate is a boolean:\n" << r.out;
}

TEST_F(JsonConventions, EntitiesAreIdNameAndTypeEvenWhereOnlyTheIdWasNeeded) {
    auto explain = json({"explain", "Sar Kheng", "Ministry of Interior"});
    EXPECT_STREQ(explain["a"]["id"].GetString(), "person/sar-kheng");
    EXPECT_STREQ(explain["a"]["name"].GetString(), "Sar Kheng");
    EXPECT_STREQ(explain["a"]["type"].GetString(), "Person");
    EXPECT_STREQ(explain["b"]["type"].GetString(), "PublicBody");
    auto sources = json({"sources"});
    bool sawNullUrl = false;
    for (const auto& s : sources.GetArray()) sawNullUrl = sawNullUrl || s["url"].IsNull();
    EXPECT_TRUE(sawNullUrl) << "a source without a URL has url null";
}
