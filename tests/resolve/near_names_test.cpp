// SPDX-License-Identifier: MIT
#include "resolve/near_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "resolve/resolver.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::EntityRef;
using cg::graph::Schema;
using cg::graph::Store;
using cg::resolve::nearNames;
using cg::resolve::Resolver;
using cg::testing::TempDir;

namespace {

class NearNamesTest : public ::testing::Test {
  protected:
    NearNamesTest() : store_(dir_.file("near.claimgraph")) {
        Store::Batch batch(store_);
        Resolver resolver(store_, schema_);
        for (const char* name : {"Hun Sen", "Hun Manet", "Sar Kheng", "Chou Bun Eng"})
            add(resolver, "Person", name);
        add(resolver, "Company", "Golden Sands Holdings Ltd");
        batch.commit();
    }

    void add(Resolver& resolver, const std::string& type, const std::string& name) {
        EntityRef r;
        r.type = type;
        r.name = name;
        resolver.resolve(r, std::nullopt);
    }

    std::vector<std::string> keys(const std::string& text) {
        std::vector<std::string> out;
        for (const auto& n : nearNames(store_, text)) out.push_back(n.entity.key);
        return out;
    }

    TempDir dir_;
    Schema schema_ = Schema::defaults();
    Store store_;
};

}  // namespace

TEST_F(NearNamesTest, FindsATypoALetterLeftOutAndAnotherWordOrder) {
    ASSERT_FALSE(keys("Hun San").empty());
    EXPECT_EQ(keys("Hun San").front(), "person/hun-sen");
    ASSERT_FALSE(keys("Golden Sand Holdings Limited").empty());
    EXPECT_EQ(keys("Sar Keng").front(), "person/sar-kheng");
    EXPECT_EQ(keys("Eng Chou Bun").front(), "person/chou-bun-eng");
    EXPECT_EQ(keys("Golden Sand Holdings Limited").front(), "company/golden-sands-holdings-ltd");
}

TEST_F(NearNamesTest, RanksTheClosestFirstAndLeavesFarNamesOut) {
    auto near = nearNames(store_, "Hun Sen");
    ASSERT_FALSE(near.empty());
    EXPECT_EQ(near.front().entity.key, "person/hun-sen");
    EXPECT_DOUBLE_EQ(near.front().similarity, 1.0);
    for (std::size_t i = 1; i < near.size(); ++i)
        EXPECT_LE(near[i].similarity, near[i - 1].similarity);
    EXPECT_TRUE(keys("Zzyzx Qqq").empty());
    EXPECT_TRUE(keys("Sam Rainsy").empty());
    EXPECT_TRUE(keys("").empty());
}

TEST_F(NearNamesTest, GivesAtMostTheLimit) {
    EXPECT_LE(nearNames(store_, "Hun", 1).size(), 1u);
    EXPECT_TRUE(nearNames(store_, "Hun Sen", 0).empty());
}
