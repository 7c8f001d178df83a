// SPDX-License-Identifier: MIT
#include "graph/relation_evidence.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using cg::graph::ClaimEvidence;
using cg::graph::RelationDerivation;

namespace {

ClaimEvidence asserts(double confidence, cg::graph::SourceId source = 1,
                      cg::graph::ClaimId claim = 0) {
    ClaimEvidence e;
    e.confidence = confidence;
    e.source = source;
    e.claim = claim;
    return e;
}

ClaimEvidence denies(double confidence, cg::graph::SourceId source = 1,
                     cg::graph::ClaimId claim = 0) {
    ClaimEvidence e = asserts(confidence, source, claim);
    e.denies = true;
    return e;
}

ClaimEvidence share(double lo, double hi, cg::graph::SourceId source = 1, double confidence = 1) {
    ClaimEvidence e = asserts(confidence, source);
    e.shareMin = lo;
    e.shareMax = hi;
    return e;
}

ClaimEvidence dated(const char* from, const char* to) {
    ClaimEvidence e = asserts(1);
    e.validFrom = from;
    e.validTo = to;
    return e;
}

}  // namespace

TEST(RelationDerivation, OneClaimGivesItsOwnConfidence) {
    RelationDerivation d;
    d.add(asserts(0.8));
    EXPECT_EQ(d.support, 1);
    EXPECT_EQ(d.dispute, 0);
    EXPECT_DOUBLE_EQ(d.confidence(), 0.8);
}

TEST(RelationDerivation, CombinesIndependentSourcesByNoisyOr) {
    RelationDerivation d;
    d.add(asserts(0.5, 1));
    d.add(asserts(0.5, 2));
    EXPECT_DOUBLE_EQ(d.confidence(), 0.75);
    d.add(asserts(0.6, 3));
    EXPECT_NEAR(d.confidence(), 1 - 0.5 * 0.5 * 0.4, 1e-12);
    EXPECT_EQ(d.support, 3);
    EXPECT_EQ(d.assertingSources(), 3);
    // A certain claim makes the relation certain, whatever else is said for it.
    d.add(asserts(1, 4));
    EXPECT_DOUBLE_EQ(d.confidence(), 1);
}

TEST(RelationDerivation, TwoSentencesOfOneArticleAreOneWitness) {
    RelationDerivation d;
    d.add(asserts(0.9, 7, 1));
    d.add(asserts(0.85, 7, 2));
    EXPECT_DOUBLE_EQ(d.confidence(), 0.9);  // not 1 - 0.1 * 0.15 = 0.985
    EXPECT_EQ(d.support, 2);
    EXPECT_EQ(d.assertingSources(), 1);
    ASSERT_EQ(d.witnesses.size(), 1u);
    EXPECT_EQ(d.witnesses[0].asserting, 2);
    EXPECT_EQ(d.witnesses[0].assertClaim, 1);
    // A second source is a second witness.
    d.add(asserts(0.85, 8, 3));
    EXPECT_NEAR(d.confidence(), 1 - 0.1 * 0.15, 1e-12);
}

TEST(RelationDerivation, ASourcesStrongestClaimCountsWhateverTheOrder) {
    std::vector<ClaimEvidence> claims = {asserts(0.6, 1, 10), asserts(0.8, 1, 11),
                                         asserts(0.8, 1, 12), denies(0.3, 1, 13),
                                         denies(0.4, 1, 14),  asserts(0.5, 2, 15)};
    std::sort(claims.begin(), claims.end(),
              [](const ClaimEvidence& a, const ClaimEvidence& b) { return a.claim < b.claim; });
    auto first = cg::graph::deriveRelation(claims);
    do {
        auto d = cg::graph::deriveRelation(claims);
        ASSERT_EQ(d.witnesses.size(), 2u);
        EXPECT_EQ(d.witnesses[0].assertClaim, 11);  // 0.8, and the earlier of the two
        EXPECT_EQ(d.witnesses[0].denyClaim, 14);
        EXPECT_DOUBLE_EQ(d.confidence(), first.confidence());
    } while (std::next_permutation(
        claims.begin(), claims.end(),
        [](const ClaimEvidence& a, const ClaimEvidence& b) { return a.claim < b.claim; }));
    EXPECT_NEAR(first.confidence(), (1 - 0.2 * 0.5) * (1 - 0.4), 1e-12);
}

TEST(RelationDerivation, DenialsLowerTheConfidence) {
    RelationDerivation d;
    d.add(asserts(0.5, 1));
    d.add(asserts(0.5, 2));
    d.add(denies(0.5, 3));
    EXPECT_EQ(d.support, 2);
    EXPECT_EQ(d.dispute, 1);
    EXPECT_DOUBLE_EQ(d.confidence(), 0.75 * 0.5);
    d.add(denies(0.5, 4));
    EXPECT_DOUBLE_EQ(d.confidence(), 0.75 * 0.25);
    // A second denial of the same source is the same witness again.
    d.add(denies(0.5, 4));
    EXPECT_DOUBLE_EQ(d.confidence(), 0.75 * 0.25);
    EXPECT_EQ(d.dispute, 3);
}

TEST(RelationDerivation, OnlyDeniedRelationHasNoConfidence) {
    RelationDerivation d;
    d.add(denies(0.9));
    EXPECT_EQ(d.support, 0);
    EXPECT_EQ(d.dispute, 1);
    EXPECT_DOUBLE_EQ(d.confidence(), 0);
}

TEST(RelationDerivation, ClampsConfidenceIntoTheUnitInterval) {
    RelationDerivation d;
    d.add(asserts(1.5));
    d.add(denies(-0.5));
    EXPECT_DOUBLE_EQ(d.confidence(), 1);
}

TEST(RelationDerivation, ShareIsTheHullOfTheAssertedIntervals) {
    RelationDerivation d;
    d.add(share(25, 50, 1));
    d.add(share(40, 60, 2));
    ASSERT_TRUE(d.shareMin && d.shareMax);
    EXPECT_DOUBLE_EQ(*d.shareMin, 25);
    EXPECT_DOUBLE_EQ(*d.shareMax, 60);
    EXPECT_FALSE(d.shareConflict);  // 40-50 fits both
    d.add(share(51, 51, 3));
    EXPECT_DOUBLE_EQ(*d.shareMax, 60);
    EXPECT_TRUE(d.shareConflict);  // 51 is outside 25-50
}

TEST(RelationDerivation, DisjointSharesAreFlaggedAsAConflict) {
    RelationDerivation d;
    d.add(share(10, 20, 1));
    EXPECT_FALSE(d.shareConflict);
    d.add(share(30, 40, 2));
    EXPECT_TRUE(d.shareConflict);
    EXPECT_DOUBLE_EQ(*d.shareMin, 10);
    EXPECT_DOUBLE_EQ(*d.shareMax, 40);
}

TEST(RelationDerivation, SourcesThatDisagreeOnTheShareDoNotReinforceEachOther) {
    // A registry says 60% at 0.6, a leak says 85% at 0.85.
    RelationDerivation d;
    d.add(share(60, 60, 1, 0.6));
    d.add(share(85, 85, 2, 0.85));
    EXPECT_TRUE(d.shareConflict);
    EXPECT_TRUE(d.sourcesDisagree);
    EXPECT_DOUBLE_EQ(d.supportConfidence(), 0.85);  // the best single source, not 0.94
    EXPECT_DOUBLE_EQ(d.confidence(), 0.85);
    ASSERT_NE(d.bestWitness(), nullptr);
    EXPECT_EQ(d.bestWitness()->source, 2);
    ASSERT_EQ(d.witnesses.size(), 2u);
    EXPECT_EQ(d.witnesses[0].shareMin, 60);
    EXPECT_EQ(d.witnesses[1].shareMax, 85);
    // Figures that meet reinforce each other.
    RelationDerivation agree;
    agree.add(share(50, 70, 1, 0.6));
    agree.add(share(60, 60, 2, 0.85));
    EXPECT_FALSE(agree.shareConflict);
    EXPECT_NEAR(agree.confidence(), 1 - 0.4 * 0.15, 1e-12);
}

TEST(RelationDerivation, ASourceThatContradictsItselfIsFlaggedButStillOneWitness) {
    RelationDerivation d;
    d.add(share(10, 10, 1, 0.5));
    d.add(share(60, 60, 1, 0.9));
    ASSERT_EQ(d.witnesses.size(), 1u);
    EXPECT_EQ(d.witnesses[0].shareMin, 10);  // its figure: the hull of what it says
    EXPECT_EQ(d.witnesses[0].shareMax, 60);
    EXPECT_TRUE(d.shareConflict);
    EXPECT_FALSE(d.sourcesDisagree);
    EXPECT_DOUBLE_EQ(d.confidence(), 0.9);
    // A second source inside that hull does not disagree with it: they reinforce each other.
    d.add(share(40, 40, 2, 0.5));
    EXPECT_FALSE(d.sourcesDisagree);
    EXPECT_NEAR(d.confidence(), 1 - 0.1 * 0.5, 1e-12);
    // One outside it does.
    d.add(share(70, 80, 3, 0.8));
    EXPECT_TRUE(d.sourcesDisagree);
    EXPECT_DOUBLE_EQ(d.confidence(), 0.9);
}

TEST(RelationDerivation, SharesOfDenyingOrSharelessClaimsDoNotCount) {
    RelationDerivation d;
    d.add(asserts(1));
    EXPECT_FALSE(d.shareMin);
    ClaimEvidence denial = share(90, 100);
    denial.denies = true;
    d.add(denial);
    EXPECT_FALSE(d.shareMin);
    EXPECT_FALSE(d.shareConflict);
}

TEST(RelationDerivation, ValidDatesSpanTheAssertingClaims) {
    RelationDerivation d;
    d.add(dated("2020", "2021-06"));
    d.add(dated("2019-06", "2020-03-15"));
    ASSERT_TRUE(d.validFrom && d.validTo);
    EXPECT_EQ(*d.validFrom, 20190601);
    EXPECT_EQ(*d.validTo, 20210630);
    EXPECT_FALSE(d.openStart);
    EXPECT_FALSE(d.openEnd);
}

TEST(RelationDerivation, AnOpenDateKeepsTheRelationOpenWhateverTheOrder) {
    RelationDerivation openFirst;
    openFirst.add(dated("", "2021"));
    openFirst.add(dated("2019", "2020"));
    RelationDerivation openLast;
    openLast.add(dated("2019", "2020"));
    openLast.add(dated("", "2021"));
    for (const auto* d : {&openFirst, &openLast}) {
        EXPECT_TRUE(d->openStart);
        EXPECT_FALSE(d->validFrom);
        EXPECT_FALSE(d->openEnd);
        EXPECT_EQ(d->validTo, 20211231);
    }
    RelationDerivation endOpen;
    endOpen.add(dated("2019", "2020"));
    endOpen.add(dated("2018", ""));
    EXPECT_TRUE(endOpen.openEnd);
    EXPECT_FALSE(endOpen.validTo);
    EXPECT_EQ(endOpen.validFrom, 20180101);
}

TEST(RelationDerivation, DatesOfDenyingClaimsDoNotCount) {
    RelationDerivation d;
    d.add(dated("2019", "2020"));
    ClaimEvidence denial = dated("", "");
    denial.denies = true;
    d.add(denial);
    EXPECT_FALSE(d.openStart);
    EXPECT_EQ(d.validFrom, 20190101);
}

TEST(RelationDerivation, RecordsFirstAndLastSeen) {
    RelationDerivation d;
    ClaimEvidence a = asserts(1);
    a.seen = "2022-08";
    ClaimEvidence b = denies(1);
    b.seen = "2021-03-02";
    ClaimEvidence c = asserts(1);  // a source without a date
    d.add(a);
    d.add(b);
    d.add(c);
    EXPECT_EQ(d.firstSeen, "2021-03-02");
    EXPECT_EQ(d.lastSeen, "2022-08");
}

TEST(RelationDerivation, IsIndirectOnlyWhenDeclaredSoAndNeverDirect) {
    ClaimEvidence indirect = share(60, 60);
    indirect.direct = false;
    ClaimEvidence direct = share(10, 10, 2);
    direct.direct = true;
    ClaimEvidence unsaid = share(20, 20, 3);

    RelationDerivation d;
    d.add(unsaid);
    EXPECT_FALSE(d.indirect());
    d.add(indirect);
    EXPECT_TRUE(d.indirect());
    d.add(direct);
    EXPECT_FALSE(d.indirect());

    // A denial that calls it indirect does not make it so.
    RelationDerivation denied;
    ClaimEvidence denial = denies(1);
    denial.direct = false;
    denied.add(unsaid);
    denied.add(denial);
    EXPECT_FALSE(denied.indirect());
}

TEST(RelationDerivation, ReadsTheDirectAttributeFromClaimAttributes) {
    EXPECT_EQ(cg::graph::directAttribute(R"({"share":60,"direct":false})"), false);
    EXPECT_EQ(cg::graph::directAttribute(R"({"direct":true})"), true);
    EXPECT_EQ(cg::graph::directAttribute(R"({"share":60})"), std::nullopt);
    EXPECT_EQ(cg::graph::directAttribute(R"({"direct":"no"})"), std::nullopt);
    EXPECT_EQ(cg::graph::directAttribute(R"({"direct":)"), std::nullopt);
    EXPECT_EQ(cg::graph::directAttribute(""), std::nullopt);
}
