// SPDX-License-Identifier: MIT
#include "ingest/applier.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/judgement_log.hpp"
#include "graph/view.hpp"
#include "tests/ingest/ingest_fixture.hpp"

using cg::graph::StoreStats;
using cg::testing::IngestTest;
using cg::testing::kGoodClaim;
using cg::testing::kOtherGoodClaim;
using cg::testing::kSourceLine;

namespace {

using ApplierTest = IngestTest;

void expectSameStats(const StoreStats& a, const StoreStats& b) {
    EXPECT_EQ(a.sources, b.sources);
    EXPECT_EQ(a.claims, b.claims);
    EXPECT_EQ(a.relationClaims, b.relationClaims);
    EXPECT_EQ(a.propertyClaims, b.propertyClaims);
    EXPECT_EQ(a.deniedClaims, b.deniedClaims);
    EXPECT_EQ(a.entities, b.entities);
    EXPECT_EQ(a.stubEntities, b.stubEntities);
    EXPECT_EQ(a.relations, b.relations);
    EXPECT_EQ(a.disputedRelations, b.disputedRelations);
    EXPECT_EQ(a.deniedOnlyRelations, b.deniedOnlyRelations);
    EXPECT_EQ(a.rejections, b.rejections);
    EXPECT_EQ(a.entitiesByType, b.entitiesByType);
    EXPECT_EQ(a.relationsByType, b.relationsByType);
}

// Every non-blank line of `text`.
std::int64_t nonBlankLines(const std::string& text) {
    std::int64_t n = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (text.find_first_not_of(" \t\r", start) < end) ++n;
        start = end + 1;
    }
    return n;
}

}  // namespace

TEST_F(ApplierTest, EveryNonBlankLineIsCountedOnce) {
    // The invariant: sources + accepted + duplicates + rejected == non-blank lines, since each
    // non-blank line is exactly one source declaration, new claim, stored claim or rejection.
    std::string text =
        kSourceLine + "\n" +  // source
        R"({"source": {"id": "s2", "kind": "registry"}})"
        "\n" +  // source
        kGoodClaim +
        "\n" +               // accepted
        "\n" +               // blank
        kGoodClaim + "\n" +  // duplicate
        R"({"source": {"id": "s3", "kind": "gossip"}})"
        "\n" +  // rejected
        kOtherGoodClaim +
        "\n" +          // accepted
        "not json\n" +  // rejected
        R"({"id": "p1", "source": "s2", "subject": {"type": "Person", "name": "Sar Kheng"}, "property": "birth_date", "value": "1951-01-15"})"
        "\n" +
        "   \n";
    auto s = ingestText("counts.claims.jsonl", text);
    EXPECT_EQ(s.sources, 2);
    EXPECT_EQ(s.accepted, 3);
    EXPECT_EQ(s.duplicates, 1);
    EXPECT_EQ(s.rejected, 2);
    EXPECT_EQ(s.sources + s.accepted + s.duplicates + s.rejected, nonBlankLines(text));
    EXPECT_EQ(static_cast<std::int64_t>(s.firstRejections.size()), s.rejected);
    auto stats = store_.stats();
    EXPECT_EQ(stats.sources, s.sources);
    EXPECT_EQ(stats.claims, s.accepted);
    EXPECT_EQ(stats.rejections, s.rejected);

    // Ingested again, every claim is a duplicate and every rejection is counted again but
    // stored once.
    auto again = ingestText("counts.claims.jsonl", text);
    EXPECT_EQ(again.sources, 2);
    EXPECT_EQ(again.accepted, 0);
    EXPECT_EQ(again.duplicates, 4);
    EXPECT_EQ(again.rejected, 2);
    EXPECT_EQ(again.sources + again.accepted + again.duplicates + again.rejected,
              nonBlankLines(text));
}

TEST_F(ApplierTest, KeepsOnlyTheFirstRejectionsForDisplayButCountsAll) {
    std::string text = kSourceLine + "\n";
    const int bad = static_cast<int>(cg::ingest::IngestSummary::kKeptRejections) + 5;
    for (int i = 0; i < bad; ++i) text += "{\"broken\": " + std::to_string(i) + "\n";
    auto s = ingestText("many.claims.jsonl", text);
    EXPECT_EQ(s.rejected, bad);
    EXPECT_EQ(s.firstRejections.size(), cg::ingest::IngestSummary::kKeptRejections);
    EXPECT_EQ(s.firstRejections.front().line, 2);
    EXPECT_EQ(store_.stats().rejections, bad);
}

TEST_F(ApplierTest, ReingestingTheSamplesChangesNoCount) {
    const std::string seed = CG_SOURCE_DIR "/samples/seed-article.claims.jsonl";
    const std::string fictional = CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl";
    std::string bad = dir_.write("bad.claims.jsonl", kSourceLine + "\n{\"id\": 1\n" + kGoodClaim +
                                                         "\n"
                                                         R"({"source": "s1"})"
                                                         "\n");
    auto firstSeed = ingestPath(seed);
    auto firstFictional = ingestPath(fictional);
    auto firstBad = ingestPath(bad);
    EXPECT_GT(firstSeed.accepted, 0);
    EXPECT_EQ(firstSeed.rejected, 0);
    EXPECT_EQ(firstFictional.rejected, 0);
    EXPECT_EQ(firstBad.rejected, 2);
    StoreStats before = store_.stats();
    auto rejectionsBefore = store_.rejections(0);
    EXPECT_EQ(before.rejections, 2);

    auto againSeed = ingestPath(seed);
    auto againFictional = ingestPath(fictional);
    auto againBad = ingestPath(bad);
    expectSameStats(store_.stats(), before);
    EXPECT_EQ(againSeed.accepted, 0);
    EXPECT_EQ(againSeed.duplicates, firstSeed.accepted);
    EXPECT_EQ(againSeed.entitiesCreated, 0);
    EXPECT_EQ(againFictional.accepted, 0);
    EXPECT_EQ(againFictional.duplicates, firstFictional.accepted);
    EXPECT_EQ(againBad.accepted, 0);
    EXPECT_EQ(againBad.rejected, 2);
    auto rejectionsAfter = store_.rejections(0);
    ASSERT_EQ(rejectionsAfter.size(), rejectionsBefore.size());
    for (std::size_t i = 0; i < rejectionsAfter.size(); ++i) {
        EXPECT_EQ(rejectionsAfter[i].line, rejectionsBefore[i].line);
        EXPECT_EQ(rejectionsAfter[i].raw, rejectionsBefore[i].raw);
    }
}

TEST_F(ApplierTest, ASourceDeclaredInAnEarlierFileServesLaterFiles) {
    ingestText("sources.claims.jsonl", kSourceLine + "\n");
    auto s = ingestText("claims.claims.jsonl", kGoodClaim + "\n");
    EXPECT_EQ(s.accepted, 1);
    EXPECT_EQ(s.rejected, 0);
}

TEST_F(ApplierTest, ASourceMustBeDeclaredBeforeItsClaims) {
    auto s = ingestText("late.claims.jsonl", kGoodClaim + "\n" + kSourceLine + "\n");
    EXPECT_EQ(s.accepted, 0);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].line, 1);
    EXPECT_EQ(s.sources, 1);
}

TEST_F(ApplierTest, ClaimsAreImmutableAcrossFiles) {
    ingestText("one.claims.jsonl", kSourceLine + "\n" + kGoodClaim + "\n");
    std::string changed = kGoodClaim;
    changed.replace(changed.find("Interior Minister\""), 18, "Deputy Minister\"");
    auto s = ingestText("two.claims.jsonl", changed + "\n");
    ASSERT_EQ(s.rejected, 1);
    EXPECT_NE(s.firstRejections[0].reason.find("claims are immutable"), std::string::npos);
    auto same = ingestText("three.claims.jsonl", kGoodClaim + "\n");
    EXPECT_EQ(same.duplicates, 1);
    EXPECT_EQ(same.rejected, 0);
}

TEST_F(ApplierTest, AnUndirectedRelationClaimedBothWaysIsOneEdge) {
    std::string text =
        kSourceLine + "\n" +
        R"({"id": "f1", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "confidence": 0.5})"
        "\n" +
        R"({"id": "f2", "source": "s1", "subject": {"type": "Person", "name": "Hun Manet"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Sen"}, "confidence": 0.5})"
        "\n" +
        R"({"id": "o1", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "represents", "object": {"type": "Person", "name": "Hun Manet"}})"
        "\n" +
        R"({"id": "o2", "source": "s1", "subject": {"type": "Person", "name": "Hun Manet"}, "relation": "represents", "object": {"type": "Person", "name": "Hun Sen"}})"
        "\n";
    auto s = ingestText("family.claims.jsonl", text);
    EXPECT_EQ(s.accepted, 4);
    auto stats = store_.stats();
    EXPECT_EQ(stats.relations, 3) << "one undirected family tie, two directed represents";
    auto view = cg::graph::GraphView::build(store_, schema_);
    ASSERT_EQ(view.edgeCount(), 3u);
    auto hunSen = store_.entitiesByNorm("hun sen").at(0);
    int family = 0;
    for (cg::graph::GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
        if (view.relationTypeOf(e).name != "family_of") continue;
        ++family;
        EXPECT_FALSE(view.directed(e));
        EXPECT_EQ(view.entityId(view.source(e)), hunSen) << "from the lower entity id";
        EXPECT_EQ(view.supportCount(e), 2);
        // Both claims come from one source: one witness, so 0.5 and not 0.75.
        EXPECT_FLOAT_EQ(view.confidence(e), 0.5f);
    }
    EXPECT_EQ(family, 1);
}

TEST_F(ApplierTest, ParallelRelationsAreKeptApartByRelationKey) {
    std::string text =
        kSourceLine + "\n" +
        R"({"id": "p1", "source": "s1", "subject": {"type": "Company", "name": "Acme"}, "relation": "paid", "object": {"type": "Company", "name": "Beta"}, "attributes": {"amount": 1000, "currency": "USD"}, "relation_key": "invoice-1"})"
        "\n" +
        R"({"id": "p2", "source": "s1", "subject": {"type": "Company", "name": "Acme"}, "relation": "paid", "object": {"type": "Company", "name": "Beta"}, "attributes": {"amount": 2000, "currency": "USD"}, "relation_key": "invoice-2"})"
        "\n" +
        R"({"id": "p3", "source": "s1", "subject": {"type": "Company", "name": "Acme"}, "relation": "paid", "object": {"type": "Company", "name": "Beta"}, "attributes": {"amount": 1000, "currency": "USD"}, "relation_key": "invoice-1", "quote": "a second report of the first payment"})"
        "\n";
    auto s = ingestText("paid.claims.jsonl", text);
    EXPECT_EQ(s.accepted, 3);
    EXPECT_EQ(store_.stats().relations, 2);
}

TEST_F(ApplierTest, AStubIsTypedByALaterClaim) {
    std::string text =
        kSourceLine + "\n" +
        R"({"id": "a1", "source": "s1", "subject": {"id": "e-hun-sen"}, "property": "alias", "value": "Samdech Hun Sen"})"
        "\n" +
        R"({"id": "a2", "source": "s1", "subject": {"id": "e-hun-sen", "type": "Person", "name": "Hun Sen"}, "relation": "officer_of", "object": {"type": "PublicBody", "name": "Royal Government of Cambodia"}})"
        "\n";
    auto s = ingestText("stub.claims.jsonl", text);
    EXPECT_EQ(s.accepted, 2);
    auto id = store_.entityByKey("e-hun-sen");
    ASSERT_TRUE(id);
    auto e = store_.entity(*id);
    EXPECT_FALSE(e->stub);
    EXPECT_EQ(e->type, "Person");
    EXPECT_EQ(e->name, "Hun Sen");
    EXPECT_EQ(store_.stats().stubEntities, 0);
}

TEST_F(ApplierTest, AStubMayStandAtEitherEndOfAnyRelation) {
    std::string text =
        kSourceLine + "\n" +
        R"({"id": "s1", "source": "s1", "subject": {"id": "e-owner"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}})"
        "\n";
    auto s = ingestText("stub-owner.claims.jsonl", text);
    EXPECT_EQ(s.accepted, 1);
    EXPECT_EQ(s.rejected, 0) << (s.firstRejections.empty() ? "" : s.firstRejections[0].reason);
    EXPECT_EQ(store_.stats().stubEntities, 1);
}

TEST_F(ApplierTest, AnAliasOrNamePropertyBecomesANameToMatchOn) {
    std::string text =
        kSourceLine + "\n" +
        R"({"id": "n1", "source": "s1", "subject": {"type": "Person", "name": "Ann Lee"}, "property": "alias", "value": "Annie Lee"})"
        "\n" +
        R"({"id": "n2", "source": "s1", "subject": {"type": "Person", "name": "Ann Lee"}, "property": "name", "value": "Ann Margaret Lee"})"
        "\n" +
        R"({"id": "n3", "source": "s1", "subject": {"type": "Person", "name": "Ann Lee"}, "property": "alias", "value": "Not Her", "stance": "denies"})"
        "\n" +
        R"({"id": "n4", "source": "s1", "subject": {"type": "Person", "name": "Annie Lee"}, "relation": "director_of", "object": {"type": "Company", "name": "Acme"}})"
        "\n" +
        R"({"id": "n5", "source": "s1", "subject": {"type": "Person", "name": "Ann Margaret Lee"}, "relation": "director_of", "object": {"type": "Company", "name": "Beta"}})"
        "\n";
    auto s = ingestText("names.claims.jsonl", text);
    EXPECT_EQ(s.accepted, 5);
    auto people = store_.entities({"Person"}, "", 0);
    ASSERT_EQ(people.size(), 1u) << "the alias and the name both find Ann Lee";
    EXPECT_EQ(people[0].relations, 2);
    EXPECT_TRUE(store_.entitiesByNorm("not her").empty()) << "a denied alias is no name";
}

TEST_F(ApplierTest, FinishReappliesARecordedMergeTheStoreDoesNotShowYet) {
    const std::string first =
        R"({"id": "m1", "source": "s1", "subject": {"type": "Company", "id": "acme-1", "name": "Acme Ltd"}, "relation": "owns", "object": {"type": "Company", "id": "target", "name": "Target Ltd"}})";
    const std::string second =
        R"({"id": "m2", "source": "s1", "subject": {"type": "Company", "id": "acme-2", "name": "Acme Limited"}, "relation": "owns", "object": {"type": "Company", "id": "target", "name": "Target Ltd"}})";
    ingestText("acme.claims.jsonl", kSourceLine + "\n" + first + "\n" + second + "\n");
    auto a = *store_.entityByKey("acme-1");
    auto b = *store_.entityByKey("acme-2");
    ASSERT_NE(store_.canonical(b), a);
    {
        cg::graph::Store::Batch batch(store_);
        cg::graph::JudgementLog(store_).add("merge", "acme-1", "acme-2", "same registry number");
        batch.commit();
    }
    cg::ingest::Applier applier(store_, schema_);
    EXPECT_EQ(applier.finish(), 1);
    EXPECT_EQ(store_.canonical(b), a);
    EXPECT_EQ(applier.finish(), 0);
}
