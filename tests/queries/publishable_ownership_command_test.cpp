// SPDX-License-Identifier: MIT
// `claimgraph query owners|holdings|denials|red-flags` on the publishable-ownership case:
// nominees, control, over-allocation and contradicted denials as scripts read them (--json).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <string>

#include "tests/cli/cli_runner.hpp"

namespace {

using Outcome = cg::testing::CliOutcome;
using cg::testing::claimgraph;

class PublishableOwnershipCommand : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new cg::testing::TempDir();
        db_ = "--db " + dir_->file("publishable.claimgraph") + " ";
        Outcome ingest =
            claimgraph(db_ + "ingest " CG_TEST_DATA "/claims/publishable-ownership.claims.jsonl");
        ASSERT_EQ(ingest.code, 0) << ingest.out;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static rapidjson::Document json(const std::string& args) {
        Outcome r = claimgraph(db_ + "--json " + args);
        EXPECT_EQ(r.code, 0) << r.out;
        rapidjson::Document doc;
        doc.Parse(r.out.c_str());
        EXPECT_FALSE(doc.HasParseError()) << r.out;
        return doc;
    }
    static const rapidjson::Value* row(const rapidjson::Value& rows, const char* key,
                                       const std::string& name) {
        for (const auto& r : rows.GetArray()) {
            if (name == r[key]["name"].GetString()) return &r;
        }
        return nullptr;
    }
    static cg::testing::TempDir* dir_;
    static std::string db_;
};

cg::testing::TempDir* PublishableOwnershipCommand::dir_ = nullptr;
std::string PublishableOwnershipCommand::db_;

TEST_F(PublishableOwnershipCommand, OwnersAsJsonShowTheChainViaTheNominee) {
    auto doc = json("query owners harrowgate");
    const auto* silvan = row(doc["rows"], "owner", "Silvan Drummore");
    ASSERT_NE(silvan, nullptr);
    EXPECT_DOUBLE_EQ((*silvan)["share_min"].GetDouble(), 35);
    EXPECT_TRUE((*silvan)["ultimate"].GetBool());
    EXPECT_FALSE((*row(doc["rows"], "owner", "Penrose Nominees Ltd"))["ultimate"].GetBool());
    const auto* chain = row(doc["detail"]["rows"], "owner", "Silvan Drummore");
    ASSERT_NE(chain, nullptr);
    EXPECT_STREQ((*chain)["via_nominee"]["id"].GetString(), "penrose");
    EXPECT_NE(std::string((*chain)["share"].GetString()).find("via nominee Penrose Nominees Ltd"),
              std::string::npos);
    EXPECT_TRUE(
        (*row(doc["detail"]["rows"], "owner", "Odile Farrancourt"))["via_nominee"].IsNull());
}

TEST_F(PublishableOwnershipCommand, OwnersAsJsonNameTheControlledOwner) {
    auto doc = json("query owners calloway");
    const auto* osk = row(doc["rows"], "owner", "Wendeline Osk");
    ASSERT_NE(osk, nullptr);
    EXPECT_STREQ((*osk)["via_control"]["id"].GetString(), "marrow");
    EXPECT_DOUBLE_EQ((*osk)["controlled_share_min"].GetDouble(), 25);
    EXPECT_DOUBLE_EQ((*osk)["controlled_share_max"].GetDouble(), 25);
    EXPECT_DOUBLE_EQ((*osk)["share_max"].GetDouble(), 0);
    EXPECT_FALSE((*row(doc["rows"], "owner", "Marrow Foundation"))["ultimate"].GetBool());
    EXPECT_TRUE((*row(doc["rows"], "owner", "Ulla Brenneck"))["via_control"].IsNull());
}

TEST_F(PublishableOwnershipCommand, OverAllocationIsARealBooleanWithTheSum) {
    auto over = json("query owners dunlin");
    ASSERT_TRUE(over["over_allocated"].IsBool());
    EXPECT_TRUE(over["over_allocated"].GetBool());
    EXPECT_DOUBLE_EQ(over["allocated_share_min"].GetDouble(), 110);
    auto later = json("query owners dunlin --as-of 2021-06-01");
    EXPECT_FALSE(later["over_allocated"].GetBool());
    EXPECT_TRUE(later["allocated_share_min"].IsNull());
    Outcome text = claimgraph(db_ + "query red-flags");
    EXPECT_NE(text.out.find("owners' minimum shares add up to more than 100%"), std::string::npos)
        << text.out;
}

TEST_F(PublishableOwnershipCommand, DeniedInterestsAreFlaggedWhereTheChainsContradictThem) {
    auto owners = json("query owners kelvane --threshold 0");
    const auto* marek = row(owners["rows"], "owner", "Marek Ostrander");
    ASSERT_NE(marek, nullptr);
    EXPECT_STREQ((*marek)["denied_by"].GetString(), "dn-3");
    auto denials = json("query denials");
    const auto* denial = row(denials["rows"], "subject", "Marek Ostrander");
    ASSERT_NE(denial, nullptr);
    EXPECT_STREQ((*denial)["contradicted_by"].GetString(), "computed holding 15–42.5%");
    EXPECT_TRUE((*row(denials["rows"], "subject", "Ines Calder"))["contradicted_by"].IsNull());
}

}  // namespace
