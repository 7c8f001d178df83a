// SPDX-License-Identifier: MIT
#include "resolve/resolver.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "graph/error.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::EntityId;
using cg::graph::EntityRef;
using cg::graph::Schema;
using cg::graph::Store;
using cg::resolve::ResolveError;
using cg::resolve::Resolver;
using cg::testing::TempDir;

namespace {

EntityRef described(const std::string& type, const std::string& name) {
    EntityRef r;
    r.type = type;
    r.name = name;
    return r;
}

EntityRef byId(const std::string& key) {
    EntityRef r;
    r.key = key;
    return r;
}

// A store in a temporary directory with a resolver and an open batch.
class ResolverTest : public ::testing::Test {
  protected:
    ResolverTest()
        : store_(dir_.file("resolver.claimgraph")),
          batch_(std::make_unique<Store::Batch>(store_)),
          resolver_(std::make_unique<Resolver>(store_, schema_)) {}

    EntityId resolve(const EntityRef& ref) {
        ResolveError error;
        EXPECT_TRUE(resolver_->typeFor(ref, error)) << error.reason;
        return resolver_->resolve(ref, std::nullopt);
    }

    std::string typeOf(EntityId id) { return store_.entity(id)->type; }

    // Commits what was resolved so far and starts over with a resolver loaded from the store.
    void reload() {
        batch_->commit();
        batch_ = std::make_unique<Store::Batch>(store_);
        resolver_ = std::make_unique<Resolver>(store_, schema_);
    }

    TempDir dir_;
    Schema schema_ = Schema::defaults();
    Store store_;
    std::unique_ptr<Store::Batch> batch_;
    std::unique_ptr<Resolver> resolver_;
};

}  // namespace

TEST_F(ResolverTest, CreatesAnEntityKeyedByTypeAndName) {
    EntityId id = resolve(described("Person", "Sar Kheng"));
    auto row = store_.entity(id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->key, "person/sar-kheng");
    EXPECT_EQ(row->type, "Person");
    EXPECT_EQ(row->name, "Sar Kheng");
    EXPECT_FALSE(row->stub);
    EXPECT_EQ(resolver_->createdCount(), 1);
}

TEST_F(ResolverTest, GivesDistinctKeysToEntitiesWithOneSlug) {
    EntityId person = resolve(described("Person", "Ly Yong Phat"));
    EntityId company = resolve(described("Company", "Ly Yong Phat"));
    EntityId place = resolve(described("Place", "Golden Sands"));
    EntityId facility = resolve(described("Facility", "Golden Sands"));
    EXPECT_EQ(store_.entity(person)->key, "person/ly-yong-phat");
    EXPECT_EQ(store_.entity(company)->key, "company/ly-yong-phat");
    EXPECT_NE(store_.entity(place)->key, store_.entity(facility)->key);
}

TEST_F(ResolverTest, MatchesAnExplicitId) {
    EntityRef first = described("Person", "Hun Sen");
    first.key = "e-hun-sen";
    EntityId id = resolve(first);
    EXPECT_EQ(store_.entity(id)->key, "e-hun-sen");
    EXPECT_EQ(resolve(byId("e-hun-sen")), id);
    // The id wins over a name that says otherwise.
    EntityRef renamed = described("Person", "Someone Else");
    renamed.key = "e-hun-sen";
    EXPECT_EQ(resolve(renamed), id);
    EXPECT_EQ(resolver_->createdCount(), 1);
}

TEST_F(ResolverTest, MatchesAnIdentifierWhateverTheName) {
    EntityRef a = described("Company", "Golden Sands Ltd");
    a.identifiers = {{"kh-moc", "00012345"}};
    EntityId id = resolve(a);
    // Schemes are compared case-insensitively and values trimmed.
    EntityRef b = described("Company", "GS Holding");
    b.identifiers = {{" KH-MOC", " 00012345 "}};
    EXPECT_EQ(resolve(b), id);
    EntityRef other = described("Company", "GS Holding 2");
    other.identifiers = {{"kh-moc", "00099999"}};
    EXPECT_NE(resolve(other), id);
    auto detail = store_.detail(id);
    ASSERT_EQ(detail.identifiers.size(), 1u);
    EXPECT_EQ(detail.identifiers[0].first, "kh-moc");
    EXPECT_EQ(detail.identifiers[0].second, "00012345");
}

TEST_F(ResolverTest, MatchesTheSameNormalisedNameWithinAType) {
    EntityId id = resolve(described("Person", "Sar Kheng"));
    EXPECT_EQ(resolve(described("Person", "SAR  KHENG")), id);
    EXPECT_EQ(resolve(described("Person", "Sâr Khéng")), id);
    EntityId company = resolve(described("Company", "Golden Sands Ltd"));
    EXPECT_EQ(resolve(described("Company", "Golden Sands, Ltd.")), company);
    EXPECT_EQ(resolver_->createdCount(), 2);
}

TEST_F(ResolverTest, APersonNeverMatchesACompany) {
    EntityId person = resolve(described("Person", "Ly Yong Phat"));
    EntityId company = resolve(described("Company", "Ly Yong Phat"));
    EXPECT_NE(person, company);
    EXPECT_EQ(typeOf(person), "Person");
    EXPECT_EQ(typeOf(company), "Company");
    // Each later reference finds the one of its own type.
    EXPECT_EQ(resolve(described("Company", "LY YONG PHAT")), company);
    EXPECT_EQ(resolve(described("Person", "ly yong phat")), person);
}

TEST_F(ResolverTest, SiblingTypesDoNotMatch) {
    EntityId company = resolve(described("Company", "Koh Kong"));
    EntityId body = resolve(described("PublicBody", "Koh Kong"));
    EntityId place = resolve(described("Place", "Koh Kong"));
    EXPECT_NE(company, body);
    EXPECT_NE(company, place);
    EXPECT_NE(body, place);
}

TEST_F(ResolverTest, RefinesAnOrganizationIntoACompany) {
    EntityId id = resolve(described("Organization", "Prince Group"));
    EXPECT_EQ(typeOf(id), "Organization");
    EXPECT_EQ(resolve(described("Company", "Prince Group")), id);
    EXPECT_EQ(typeOf(id), "Company");
    // A later, vaguer reference finds it and keeps the finer type.
    EXPECT_EQ(resolve(described("Organization", "Prince Group")), id);
    EXPECT_EQ(typeOf(id), "Company");
    reload();
    EXPECT_EQ(resolver_->typeOf(id), *schema_.entityTypeId("Company"));
}

TEST_F(ResolverTest, RefusesAnIdDescribedAsAnIncompatibleType) {
    EntityRef person = described("Person", "Hun Sen");
    person.key = "e-hun-sen";
    resolve(person);
    EntityRef asCompany = described("Company", "Hun Sen");
    asCompany.key = "e-hun-sen";
    ResolveError error;
    EXPECT_FALSE(resolver_->typeFor(asCompany, error));
    EXPECT_NE(error.reason.find("e-hun-sen"), std::string::npos) << error.reason;
    EXPECT_NE(error.reason.find("Person"), std::string::npos) << error.reason;
    EXPECT_NE(error.reason.find("Company"), std::string::npos) << error.reason;
}

TEST_F(ResolverTest, ABareIdMakesAStubThatALaterDescriptionFillsIn) {
    EntityId id = resolve(byId("e-hun-sen"));
    auto stub = store_.entity(id);
    EXPECT_TRUE(stub->stub);
    EXPECT_EQ(stub->type, schema_.entityType(schema_.rootType()).name);
    EXPECT_EQ(stub->name, "e-hun-sen");
    EXPECT_EQ(store_.stats().stubEntities, 1);
    // Seen again only by id, it stays a stub.
    EXPECT_EQ(resolve(byId("e-hun-sen")), id);
    EXPECT_TRUE(store_.entity(id)->stub);
    EntityRef full = described("Person", "Hun Sen");
    full.key = "e-hun-sen";
    EXPECT_EQ(resolve(full), id);
    auto filled = store_.entity(id);
    EXPECT_FALSE(filled->stub);
    EXPECT_EQ(filled->type, "Person");
    EXPECT_EQ(filled->name, "Hun Sen");
    EXPECT_EQ(store_.stats().stubEntities, 0);
}

TEST_F(ResolverTest, AStubMayTakeAnyType) {
    EntityId id = resolve(byId("e-x"));
    EntityRef company = byId("e-x");
    company.type = "Company";
    ResolveError error;
    auto type = resolver_->typeFor(company, error);
    ASSERT_TRUE(type) << error.reason;
    EXPECT_EQ(schema_.entityType(*type).name, "Company");
    EXPECT_EQ(resolve(company), id);
    EXPECT_EQ(typeOf(id), "Company");
}

TEST_F(ResolverTest, RecordsAliasesAsNamesToMatchOn) {
    EntityRef body = described("PublicBody", "Ministry of Interior");
    body.aliases = {"Interior Ministry"};
    EntityId id = resolve(body);
    EXPECT_EQ(resolve(described("PublicBody", "interior ministry")), id);
    EXPECT_EQ(resolver_->createdCount(), 1);
}

TEST_F(ResolverTest, ALoadedResolverMatchesWhatAnEarlierOneCreated) {
    EntityRef a = described("Company", "Golden Sands Ltd");
    a.identifiers = {{"kh-moc", "00012345"}};
    EntityId company = resolve(a);
    EntityId person = resolve(described("Person", "Sar Kheng"));
    EntityId stub = resolve(byId("e-hun-sen"));
    reload();
    EXPECT_EQ(resolve(described("Person", "sar kheng")), person);
    EntityRef byIdentifier = described("Company", "Another Name");
    byIdentifier.identifiers = {{"kh-moc", "00012345"}};
    EXPECT_EQ(resolve(byIdentifier), company);
    EXPECT_EQ(resolve(byId("e-hun-sen")), stub);
    EXPECT_EQ(resolver_->createdCount(), 0);
    EXPECT_EQ(store_.stats().entities, 3);
}

TEST_F(ResolverTest, UnknownTypeIsAnError) {
    ResolveError error;
    EXPECT_FALSE(resolver_->typeFor(described("Compnay", "X"), error));
    EXPECT_NE(error.reason.find("unknown entity type 'Compnay'"), std::string::npos)
        << error.reason;
    EXPECT_THROW(resolver_->resolve(described("Compnay", "X"), std::nullopt), cg::InputError);
}

TEST(NormalizeScheme, LowerCasesAndUsesDashes) {
    EXPECT_EQ(cg::resolve::normalizeScheme(" KH_MOC "), "kh-moc");
    EXPECT_EQ(cg::resolve::normalizeScheme("UK Companies House"), "uk-companies-house");
}

// The flat key index behind the resolver: short keys held in the slot, long ones aside, the
// first id given a key kept, every key found again after the table has grown many times.
TEST(EntityKeyIndex, FindsEveryKeyItHoldsAndKeepsTheFirstId) {
    cg::resolve::EntityKeyIndex index;
    EXPECT_FALSE(index.find("e1"));
    auto keyOf = [](int n) {
        std::string key = "e" + std::to_string(n);
        if (n % 3 == 0) key = "person/a-rather-long-slug-" + key;  // beyond the 15 inline bytes
        if (n % 7 == 0)
            key += std::string(15 - std::min<std::size_t>(key.size(), 15), 'x');  // exactly 15
        return key;
    };
    const int kCount = 5000;
    for (int n = 1; n <= kCount; ++n) EXPECT_TRUE(index.insert(keyOf(n), n));
    EXPECT_EQ(index.size(), static_cast<std::size_t>(kCount));
    for (int n = 1; n <= kCount; ++n) {
        auto found = index.find(keyOf(n));
        ASSERT_TRUE(found) << keyOf(n);
        EXPECT_EQ(*found, n);
    }
    EXPECT_FALSE(index.insert(keyOf(42), 99));  // the first id stays
    EXPECT_EQ(*index.find(keyOf(42)), 42);
    EXPECT_FALSE(index.find("e0"));
    EXPECT_FALSE(index.find(""));
    EXPECT_FALSE(index.find(keyOf(3) + "y"));
    EXPECT_TRUE(index.insert("", 7));  // an empty key is a key like any other
    EXPECT_EQ(*index.find(""), 7);
}

namespace {

EntityRef withPassport(const std::string& name, const std::string& passport) {
    EntityRef r = described("Person", name);
    r.identifiers = {{"passport", passport}};
    return r;
}

}  // namespace

TEST_F(ResolverTest, TwoPeopleOfOneNameWithDifferentPassportsAreTwoEntities) {
    EntityId x = resolve(withPassport("Chen Wei", "X1"));
    EntityId y = resolve(withPassport("Chen Wei", "Y2"));
    EXPECT_NE(x, y);
    // A third passport is a third person; a known one finds its holder.
    EXPECT_NE(resolve(withPassport("Chen Wei", "Z3")), x);
    EXPECT_EQ(resolve(withPassport("CHEN WEI", "X1")), x);
    EXPECT_EQ(resolver_->createdCount(), 3);
}

TEST_F(ResolverTest, AnIdentifiedReferenceStillJoinsTheOnlyEntityOfItsNameWithoutThatScheme) {
    EntityId named = resolve(described("Person", "Chen Wei"));
    EXPECT_EQ(resolve(withPassport("Chen Wei", "X1")), named);
    // The entity now holds a passport: another passport is another person.
    EXPECT_NE(resolve(withPassport("Chen Wei", "Y2")), named);
}

TEST_F(ResolverTest, ANameOnlyReferenceThatFitsTwoPeopleIsHeldOnAPlaceholder) {
    EntityId x = resolve(withPassport("Chen Wei", "X1"));
    EntityId y = resolve(withPassport("Chen Wei", "Y2"));
    resolver_->setSource("s1");
    resolver_->beginClaim();
    EntityId held = resolve(described("Person", "Mr. Chen Wei"));
    resolver_->attachClaim(1);
    EXPECT_NE(held, x);
    EXPECT_NE(held, y);
    EXPECT_TRUE(resolver_->isAmbiguous(held));
    auto row = store_.entity(held);
    EXPECT_EQ(row->key, "ambiguous/person/chen-wei/s1");
    EXPECT_EQ(row->name, "ambiguous: Chen Wei");
    EXPECT_EQ(row->type, "Person");
    auto found = resolver_->takeAmbiguous();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "Chen Wei");
    EXPECT_EQ(found[0].type, "Person");
    EXPECT_EQ(found[0].placeholder, held);
    EXPECT_EQ(found[0].candidates, (std::vector<EntityId>{x, y}));
    EXPECT_TRUE(resolver_->takeAmbiguous().empty());

    // The same name in the same source is held on the same placeholder, in another source on
    // its own; neither is ever a candidate.
    resolver_->beginClaim();
    EXPECT_EQ(resolve(described("Person", "Chen Wei")), held);
    resolver_->attachClaim(2);
    resolver_->setSource("s2");
    resolver_->beginClaim();
    EntityId other = resolve(described("Person", "Chen Wei"));
    resolver_->attachClaim(3);
    EXPECT_NE(other, held);
    EXPECT_EQ(store_.entity(other)->key, "ambiguous/person/chen-wei/s2");
    auto more = resolver_->takeAmbiguous();
    ASSERT_EQ(more.size(), 2u);
    EXPECT_EQ(more[1].candidates, (std::vector<EntityId>{x, y}));
}

TEST_F(ResolverTest, AReloadedResolverFindsThePlaceholderAgain) {
    resolve(withPassport("Chen Wei", "X1"));
    resolve(withPassport("Chen Wei", "Y2"));
    resolver_->setSource("s1");
    EntityId held = resolve(described("Person", "Chen Wei"));
    reload();
    resolver_->setSource("s1");
    EXPECT_EQ(resolve(described("Person", "Chen Wei")), held);
    EXPECT_TRUE(resolver_->isAmbiguous(held));
    EXPECT_EQ(resolver_->createdCount(), 0);
}

TEST_F(ResolverTest, AReferenceWithAnotherSchemeThatFitsTwoPeopleIsAThirdEntity) {
    EntityId x = resolve(withPassport("Chen Wei", "X1"));
    EntityId y = resolve(withPassport("Chen Wei", "Y2"));
    EntityRef taxed = described("Person", "Chen Wei");
    taxed.identifiers = {{"tax-id", "T9"}};
    EntityId id = resolve(taxed);
    EXPECT_NE(id, x);
    EXPECT_NE(id, y);
    EXPECT_FALSE(resolver_->isAmbiguous(id));
}
