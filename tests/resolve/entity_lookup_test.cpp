// SPDX-License-Identifier: MIT
#include "resolve/entity_lookup.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/error.hpp"
#include "resolve/resolver.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::EntityId;
using cg::graph::EntityRef;
using cg::graph::Schema;
using cg::graph::Store;
using cg::resolve::findEntity;
using cg::resolve::Resolver;
using cg::testing::TempDir;

namespace {

class EntityLookupTest : public ::testing::Test {
  protected:
    EntityLookupTest() : store_(dir_.file("lookup.claimgraph")) {
        Store::Batch batch(store_);
        Resolver resolver(store_, schema_);
        sarKheng_ = add(resolver, "Person", "Sar Kheng");
        lyPerson_ = add(resolver, "Person", "Ly Yong Phat");
        lyCompany_ = add(resolver, "Company", "Ly Yong Phat");
        batch.commit();
    }

    EntityId add(Resolver& resolver, const std::string& type, const std::string& name) {
        EntityRef r;
        r.type = type;
        r.name = name;
        return resolver.resolve(r, std::nullopt);
    }

    std::string lookupError(const std::string& text) {
        try {
            findEntity(store_, text);
        } catch (const cg::QueryError& e) {
            return e.what();
        }
        return "";
    }

    TempDir dir_;
    Schema schema_ = Schema::defaults();
    Store store_;
    EntityId sarKheng_ = 0, lyPerson_ = 0, lyCompany_ = 0;
};

}  // namespace

TEST_F(EntityLookupTest, FindsByIdOrByName) {
    EXPECT_EQ(findEntity(store_, "person/sar-kheng"), sarKheng_);
    EXPECT_EQ(findEntity(store_, "Sar Kheng"), sarKheng_);
    EXPECT_EQ(findEntity(store_, "SAR KHENG"), sarKheng_);
    EXPECT_EQ(findEntity(store_, "company/ly-yong-phat"), lyCompany_);
}

TEST_F(EntityLookupTest, AnAmbiguousNameListsTheCandidates) {
    std::string message = lookupError("Ly Yong Phat");
    EXPECT_NE(message.find("matches 2 entities"), std::string::npos) << message;
    EXPECT_NE(message.find("person/ly-yong-phat"), std::string::npos) << message;
    EXPECT_NE(message.find("company/ly-yong-phat"), std::string::npos) << message;
}

TEST_F(EntityLookupTest, AnUnknownNameSuggestsNamesContainingIt) {
    std::string message = lookupError("Kheng");
    EXPECT_NE(message.find("no entity matches 'Kheng'"), std::string::npos) << message;
    EXPECT_NE(message.find("person/sar-kheng"), std::string::npos) << message;
    message = lookupError("Nobody At All");
    EXPECT_NE(message.find("no entity matches 'Nobody At All'"), std::string::npos) << message;
}

TEST_F(EntityLookupTest, AMisspelledNameSuggestsTheClosestWithTheirIds) {
    std::string message = lookupError("Sar Keng");
    EXPECT_NE(message.find("no entity matches 'Sar Keng'; did you mean:\n  person/sar-kheng  Sar "
                           "Kheng (Person)"),
              std::string::npos)
        << message;
    message = lookupError("Phat Yong Ly");  // words in another order
    EXPECT_NE(message.find("did you mean:"), std::string::npos) << message;
    EXPECT_NE(message.find("person/ly-yong-phat"), std::string::npos) << message;
    EXPECT_NE(message.find("company/ly-yong-phat"), std::string::npos) << message;
}

TEST_F(EntityLookupTest, ANameCloseToNothingSaysWhereToLook) {
    std::string message = lookupError("Zzyzx Qqq");
    EXPECT_EQ(message.find("did you mean"), std::string::npos) << message;
    EXPECT_NE(message.find("claimgraph entities --name TEXT"), std::string::npos) << message;
}
