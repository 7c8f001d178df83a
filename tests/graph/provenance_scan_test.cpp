// SPDX-License-Identifier: MIT
#include "graph/provenance_scan.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/store.hpp"
#include "tests/graph/storage_failure.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::StorageError;
using cg::graph::Claim;
using cg::graph::ClaimProvenance;
using cg::graph::EntityId;
using cg::graph::PartialDate;
using cg::graph::ProvenanceOptions;
using cg::graph::RelationId;
using cg::graph::Source;
using cg::graph::SourceId;
using cg::graph::Stance;
using cg::graph::Store;
using cg::testing::TempDir;

namespace {

// Two sources, three entities, one relation asserted by both and denied by neither, and one
// asserted by the registry and denied by the leak.
class ProvenanceScanTest : public ::testing::Test {
  protected:
    ProvenanceScanTest() : path_(dir_.file("p.claimgraph")), store_(path_) {
        Store::Batch batch(store_);
        registry_ = store_.putSource(Source{"registry", "Registry", "", "", "2021", "", "", ""});
        leak_ = store_.putSource(Source{"leak", "Leak", "", "", "2022", "", "", ""});
        alice_ = store_.insertEntity("p-alice", "Person", "Alice", false);
        acme_ = store_.insertEntity("c-acme", "Company", "Acme", false);
        beta_ = store_.insertEntity("c-beta", "Company", "Beta", false);
        ownsAcme_ = relate(acme_, registry_, 0.9, Stance::Asserts, "2019", "2020-06");
        relate(acme_, leak_, 0.6, Stance::Asserts, "2021-03", "");
        ownsBeta_ = relate(beta_, registry_, 0.8, Stance::Asserts, "", "");
        relate(beta_, leak_, 0.5, Stance::Denies, "", "");
        batch.commit();
    }

    RelationId relate(EntityId object, SourceId source, double confidence, Stance stance,
                      const char* from, const char* to) {
        RelationId id = store_.relationFor("owns", alice_, object, "", true);
        Claim c;
        c.key = "c" + std::to_string(++claims_);
        c.contentHash = static_cast<std::uint64_t>(claims_);
        c.file = "p.claims.jsonl";
        c.line = claims_;
        c.relation = "owns";
        c.stance = stance;
        c.confidence = confidence;
        if (*from) c.validFrom = PartialDate::parse(from);
        if (*to) c.validTo = PartialDate::parse(to);
        c.raw = "{}";
        store_.insertClaim(c, source, alice_, object, id);
        store_.touchRelation(id);
        return id;
    }

    static std::vector<std::uint32_t> list(std::span<const std::uint32_t> s) {
        return {s.begin(), s.end()};
    }

    TempDir dir_;
    std::string path_;
    Store store_;
    SourceId registry_ = 0, leak_ = 0;
    EntityId alice_ = 0, acme_ = 0, beta_ = 0;
    RelationId ownsAcme_ = 0, ownsBeta_ = 0;
    int claims_ = 0;
};

}  // namespace

TEST_F(ProvenanceScanTest, GivesEachEntityAndRelationItsSourcesConfidenceAndDenial) {
    ClaimProvenance p = readClaimProvenance(store_);
    auto both = std::vector<std::uint32_t>{static_cast<std::uint32_t>(registry_),
                                           static_cast<std::uint32_t>(leak_)};
    EXPECT_EQ(list(p.entitySources(alice_)), both);
    EXPECT_FLOAT_EQ(p.entityConfidence(alice_), 0.9f);
    EXPECT_TRUE(p.entityDenied(beta_));
    EXPECT_FALSE(p.entityDenied(acme_));
    EXPECT_EQ(list(p.relationSources(ownsAcme_)), both);
    EXPECT_EQ(list(p.relationSources(ownsBeta_)), both);
    auto days = p.relationValidity(ownsAcme_);
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].from, 20190101);
    EXPECT_EQ(days[0].to, 20200630);
    EXPECT_EQ(days[1].from, 20210301);
    EXPECT_EQ(days[1].to, 0);
    // Only the asserting claim gives the second relation a validity entry.
    EXPECT_EQ(p.relationValidity(ownsBeta_).size(), 1u);
    EXPECT_TRUE(p.relationClaims(ownsAcme_).empty());
}

TEST_F(ProvenanceScanTest, WithClaimsKeepsEachRelationsClaimsInIdOrder) {
    ProvenanceOptions options;
    options.claims = true;
    ClaimProvenance p = readClaimProvenance(store_, options);
    auto claims = p.relationClaims(ownsBeta_);
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(p.text(claims[0].key), "c3");
    EXPECT_FALSE(claims[0].denies);
    EXPECT_EQ(p.text(claims[1].key), "c4");
    EXPECT_TRUE(claims[1].denies);
}

TEST_F(ProvenanceScanTest, ThrowsStorageErrorNamingTheDatabase) {
    cg::testing::dropTable(path_, "claims");
    try {
        readClaimProvenance(store_);
        FAIL() << "no error";
    } catch (const StorageError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(
                      path_ + ": cannot read the provenance of entities and relations: ", 0),
                  0u)
            << e.what();
    }
}
