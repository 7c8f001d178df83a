// SPDX-License-Identifier: MIT
// Resolution judgements survive re-ingesting every input.
#include <gtest/gtest.h>

#include "../graph/temp_dir.hpp"
#include "graph/entity_lookup.hpp"
#include "graph/error.hpp"
#include "graph/judgements.hpp"
#include "graph/store.hpp"
#include "graph/suggest.hpp"
#include "ingest/ingest.hpp"

using namespace cg;

namespace {

const char* kClaims = R"({"source": {"id": "s1", "title": "test source", "kind": "article"}}
{"id": "a1", "source": "s1", "subject": {"type": "Person", "name": "Prime Minister Hun Sen"}, "relation": "officer_of", "object": {"type": "PublicBody", "name": "Government of Cambodia"}, "quote": "Prime Minister Hun Sen"}
{"id": "a2", "source": "s1", "subject": {"type": "Person", "name": "Samdech Hun Sen"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun To"}}
{"id": "a3", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "linked_to", "object": {"type": "Facility", "name": "Golden Sands compound"}}
{"id": "a4", "source": "s1", "subject": {"type": "Company", "name": "Golden Sands Ltd"}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands compound"}, "attributes": {"share": 60}}
{"id": "a5", "source": "s1", "subject": {"type": "Company", "name": "Golden Sand Limited"}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands compound"}, "attributes": {"share_min": 25, "share_max": 50}}
{"id": "a6", "source": "s1", "subject": {"type": "Person", "name": "Irene Nierstenhöfer"}, "relation": "director_of", "object": {"type": "Company", "name": "Golden Sands Ltd"}}
{"id": "a7", "source": "s1", "subject": {"type": "Person", "name": "Frau Dr. Irene Nierstenhoefer"}, "relation": "director_of", "object": {"type": "Company", "name": "Golden Sand Limited"}}
)";

struct Fixture {
    cg::testing::TempDir dir;
    std::string input = dir.write("claims.jsonl", kClaims);
    graph::Schema schema = graph::Schema::defaults();
    graph::Store store{dir.file("test.claimgraph")};

    void ingestAll() {
        ingest::IngestOptions options;
        ingest::ingestFile(store, schema, input, options);
        graph::applyJudgements(store, schema);
    }
    graph::EntityId id(const std::string& key) { return *store.entityByKey(key); }
};

}  // namespace

TEST(Resolution, OneHunSenWithTitlesKeptAsClaimProperties) {
    Fixture f;
    f.ingestAll();
    auto people = f.store.entities({"Person"}, "hun sen", 0);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].name, "Hun Sen");
    auto detail = f.store.detail(people[0].id);
    std::vector<std::string> titles;
    for (const auto& p : detail.properties) {
        if (p.name == "title") titles.push_back(p.value + "@" + p.claim.key);
    }
    std::sort(titles.begin(), titles.end());
    EXPECT_EQ(titles, (std::vector<std::string>{"Prime Minister@a1", "Samdech@a2"}));
}

TEST(Resolution, MergeSurvivesReingest) {
    Fixture f;
    f.ingestAll();
    auto a = f.id("company/golden-sands-ltd");
    auto b = f.id("company/golden-sand-limited");
    auto relationsBefore = f.store.stats().relations;
    graph::mergeEntities(f.store, f.schema, a, b, "same registry number");
    EXPECT_EQ(f.store.canonical(b), a);
    // Both ownership claims now stand on one relation, with both share figures kept.
    auto detail = f.store.detail(a);
    int owns = 0;
    for (const auto& r : detail.relations) {
        if (r.type == "owns") {
            ++owns;
            EXPECT_EQ(r.support, 2);
            EXPECT_TRUE(r.shareConflict);
            EXPECT_DOUBLE_EQ(*r.shareMin, 25);
            EXPECT_DOUBLE_EQ(*r.shareMax, 60);
        }
    }
    EXPECT_EQ(owns, 1);
    EXPECT_LT(f.store.stats().relations, relationsBefore);
    auto stats = f.store.stats();
    f.ingestAll();
    EXPECT_EQ(f.store.canonical(b), a);
    EXPECT_EQ(f.store.stats().relations, stats.relations);
    EXPECT_EQ(f.store.stats().entities, stats.entities);
    EXPECT_EQ(graph::findEntity(f.store, "Golden Sand Limited"), a);
}

TEST(Resolution, SplitUndoesTheMergeAndSurvivesReingest) {
    Fixture f;
    f.ingestAll();
    auto a = f.id("company/golden-sands-ltd");
    auto b = f.id("company/golden-sand-limited");
    auto before = f.store.stats();
    graph::mergeEntities(f.store, f.schema, a, b, "");
    graph::splitEntity(f.store, a, "different registry numbers after all");
    EXPECT_EQ(f.store.canonical(b), b);
    auto after = f.store.stats();
    EXPECT_EQ(after.entities, before.entities);
    EXPECT_EQ(after.relations, before.relations);
    f.ingestAll();
    EXPECT_EQ(f.store.canonical(b), b);
    EXPECT_EQ(f.store.stats().relations, before.relations);
    auto judgements = f.store.judgements(true);
    ASSERT_EQ(judgements.size(), 2u);
    EXPECT_TRUE(judgements[0].undone);
    EXPECT_EQ(judgements[1].kind, "split");
}

TEST(Resolution, NotSameBlocksAMergeAndSurvivesReingest) {
    Fixture f;
    f.ingestAll();
    auto a = f.id("person/irene-nierstenhofer");
    auto b = f.id("person/irene-nierstenhoefer");
    graph::markNotSame(f.store, a, b, "two women of the same name");
    EXPECT_THROW(graph::mergeEntities(f.store, f.schema, a, b, ""), QueryError);
    f.ingestAll();
    EXPECT_THROW(graph::mergeEntities(f.store, f.schema, b, a, ""), QueryError);
    EXPECT_NE(f.store.canonical(a), f.store.canonical(b));
    // And the pair is no longer suggested.
    auto suggestions = graph::suggestMatches(f.store, f.schema, {});
    for (const auto& s : suggestions) {
        EXPECT_FALSE((s.a == a && s.b == b) || (s.a == b && s.b == a));
    }
}

TEST(Resolution, APersonIsNeverMergedWithACompany) {
    Fixture f;
    f.ingestAll();
    auto person = f.id("person/hun-sen");
    auto company = f.id("company/golden-sands-ltd");
    EXPECT_THROW(graph::mergeEntities(f.store, f.schema, person, company, ""), QueryError);
}

TEST(Resolution, SuggestsPlantedNearDuplicatesWithReasons) {
    Fixture f;
    f.ingestAll();
    auto suggestions = graph::suggestMatches(f.store, f.schema, {});
    auto a = f.id("person/irene-nierstenhofer");
    auto b = f.id("person/irene-nierstenhoefer");
    auto c = f.id("company/golden-sands-ltd");
    auto d = f.id("company/golden-sand-limited");
    bool foundIrene = false, foundSands = false;
    for (const auto& s : suggestions) {
        if ((s.a == a && s.b == b) || (s.a == b && s.b == a)) foundIrene = true;
        if ((s.a == c && s.b == d) || (s.a == d && s.b == c)) {
            foundSands = true;
            EXPECT_FALSE(s.reasons.empty());
        }
    }
    EXPECT_TRUE(foundIrene);
    EXPECT_TRUE(foundSands);
}
