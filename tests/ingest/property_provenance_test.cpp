// SPDX-License-Identifier: MIT
// A property's evidence is only the claims that assert it: never a denial, never a relation
// claim whose entity reference happens to carry a title or a country.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/ingest.hpp"
#include "resolve/entity_lookup.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::EntityDetail;
using cg::graph::Store;

namespace {

const std::string kFixture = CG_TEST_DATA "/claims/property-provenance.claims.jsonl";

class PropertyProvenance : public ::testing::Test {
  protected:
    PropertyProvenance() {
        cg::ingest::IngestOptions options;
        auto s = cg::ingest::ingestFile(store_, cg::graph::Schema::defaults(), kFixture, options);
        EXPECT_EQ(s.accepted, 6);
        EXPECT_EQ(s.rejected, 0);
    }

    EntityDetail detail(const std::string& name) {
        return store_.detail(cg::resolve::findEntity(store_, name));
    }

    static std::vector<std::string> keys(const std::vector<cg::graph::ClaimRow>& claims) {
        std::vector<std::string> out;
        for (const auto& c : claims) out.push_back(c.key);
        return out;
    }

    cg::testing::TempDir dir_;
    Store store_{dir_.file("p.claimgraph")};
};

TEST_F(PropertyProvenance, EachValueIsListedOnceWithAllItsClaims) {
    EntityDetail d = detail("Mekong Star Co");
    ASSERT_EQ(d.properties.size(), 2u) << "jurisdiction KH and SG, and no country from a reference";
    const auto& kh = d.properties[0];
    EXPECT_EQ(kh.name, "jurisdiction");
    EXPECT_EQ(kh.value, "KH");
    EXPECT_EQ(keys(kh.claims), (std::vector<std::string>{"p1", "p2"}));
    EXPECT_EQ(keys(kh.denials), (std::vector<std::string>{"p4"}));
}

TEST_F(PropertyProvenance, ADenialIsNeverEvidenceForAValue) {
    EntityDetail d = detail("Mekong Star Co");
    ASSERT_EQ(d.properties.size(), 2u);
    const auto& sg = d.properties[1];
    EXPECT_EQ(sg.value, "SG");
    EXPECT_TRUE(sg.claims.empty());
    EXPECT_EQ(keys(sg.denials), (std::vector<std::string>{"p3"}));
}

TEST_F(PropertyProvenance, AReferencesTitleAndCountryAreNotPropertiesOfTheClaim) {
    EntityDetail person = detail("Lim Dara");
    EXPECT_TRUE(person.properties.empty()) << person.properties.front().name;
    // The title and the country of the asserting claim's references remain hints for
    // resolution; the denying claim's country ("LA") is recorded nowhere.
    std::vector<std::string> hints;
    store_.forEachPropertyValue(
        {"country", "title"},
        [&](cg::graph::EntityId, const std::string& name, const std::string& value) {
            hints.push_back(name + "=" + value);
        });
    std::sort(hints.begin(), hints.end());
    EXPECT_EQ(hints, (std::vector<std::string>{"country=TH", "country=VN", "title=Dr."}));
}

TEST_F(PropertyProvenance, OpeningALayout6DatabaseSetsReferenceFactsApart) {
    std::string path = dir_.file("old.claimgraph");
    {
        Store store(path);
        cg::ingest::IngestOptions options;
        cg::ingest::ingestFile(store, cg::graph::Schema::defaults(), kFixture, options);
    }
    {
        // What layout 6 stored: every reference fact as a property asserted by its claim.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE properties SET stance = 0 WHERE stance = 2");
        db.exec(
            "INSERT INTO properties(entity, name, value, claim, stance) "
            "SELECT subject, 'country', 'LA', id, 0 FROM claims WHERE key = 'd1'");
        db.exec("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    }
    Store store(path, false);
    EXPECT_TRUE(store.detail(cg::resolve::findEntity(store, "Lim Dara")).properties.empty());
    auto company = store.detail(cg::resolve::findEntity(store, "Mekong Star Co"));
    EXPECT_EQ(company.properties.size(), 2u);
    int hints = 0;
    store.forEachPropertyValue({"country", "title"}, [&](cg::graph::EntityId, const std::string&,
                                                         const std::string&) { ++hints; });
    EXPECT_EQ(hints, 3);
}

}  // namespace
