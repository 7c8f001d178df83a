// SPDX-License-Identifier: MIT
// Resolution judgements survive re-ingesting every input.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <vector>

#include "../graph/database_dump.hpp"
#include "../graph/temp_dir.hpp"
#include "graph/error.hpp"
#include "graph/judgement_log.hpp"
#include "graph/store.hpp"
#include "ingest/ingest.hpp"
#include "resolve/ambiguity.hpp"
#include "resolve/entity_lookup.hpp"
#include "resolve/judgements.hpp"
#include "resolve/suggest.hpp"

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
        resolve::applyJudgements(store, schema);
    }
    graph::EntityId id(const std::string& key) { return *store.entityByKey(key); }
};

}  // namespace

TEST(Resolution, OneHunSenWhoseTitlesAreHintsForResolutionNotProperties) {
    Fixture f;
    f.ingestAll();
    auto people = f.store.entities({"Person"}, "hun sen", 0);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].name, "Hun Sen");
    // A relation claim that writes "Prime Minister Hun Sen" does not assert a title: show
    // lists no title property.
    auto detail = f.store.detail(people[0].id);
    for (const auto& p : detail.properties) EXPECT_NE(p.name, "title");
    // Resolution still reads the titles the references gave.
    std::vector<std::string> titles;
    f.store.forEachPropertyValue(
        {"title"}, [&](graph::EntityId id, const std::string&, const std::string& value) {
            if (f.store.canonical(id) == people[0].id) titles.push_back(value);
        });
    std::sort(titles.begin(), titles.end());
    EXPECT_EQ(titles, (std::vector<std::string>{"Prime Minister", "Samdech"}));
}

TEST(Resolution, MergeSurvivesReingest) {
    Fixture f;
    f.ingestAll();
    auto a = f.id("company/golden-sands-ltd");
    auto b = f.id("company/golden-sand-limited");
    auto relationsBefore = f.store.stats().relations;
    resolve::mergeEntities(f.store, f.schema, a, b, "same registry number");
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
    EXPECT_EQ(resolve::findEntity(f.store, "Golden Sand Limited"), a);
}

TEST(Resolution, SplitUndoesTheMergeAndSurvivesReingest) {
    Fixture f;
    f.ingestAll();
    auto a = f.id("company/golden-sands-ltd");
    auto b = f.id("company/golden-sand-limited");
    auto before = f.store.stats();
    resolve::mergeEntities(f.store, f.schema, a, b, "");
    resolve::splitEntity(f.store, a, "different registry numbers after all");
    EXPECT_EQ(f.store.canonical(b), b);
    auto after = f.store.stats();
    EXPECT_EQ(after.entities, before.entities);
    EXPECT_EQ(after.relations, before.relations);
    f.ingestAll();
    EXPECT_EQ(f.store.canonical(b), b);
    EXPECT_EQ(f.store.stats().relations, before.relations);
    auto judgements = graph::JudgementLog(f.store).list(true);
    ASSERT_EQ(judgements.size(), 2u);
    EXPECT_TRUE(judgements[0].undone);
    EXPECT_EQ(judgements[1].kind, "split");
}

TEST(Resolution, NotSameBlocksAMergeAndSurvivesReingest) {
    Fixture f;
    f.ingestAll();
    auto a = f.id("person/irene-nierstenhofer");
    auto b = f.id("person/irene-nierstenhoefer");
    resolve::markNotSame(f.store, a, b, "two women of the same name");
    EXPECT_THROW(resolve::mergeEntities(f.store, f.schema, a, b, ""), QueryError);
    f.ingestAll();
    EXPECT_THROW(resolve::mergeEntities(f.store, f.schema, b, a, ""), QueryError);
    EXPECT_NE(f.store.canonical(a), f.store.canonical(b));
    // And the pair is no longer suggested.
    auto suggestions = resolve::suggestMatches(f.store, f.schema, {});
    for (const auto& s : suggestions) {
        EXPECT_FALSE((s.a == a && s.b == b) || (s.a == b && s.b == a));
    }
}

TEST(Resolution, APersonIsNeverMergedWithACompany) {
    Fixture f;
    f.ingestAll();
    auto person = f.id("person/hun-sen");
    auto company = f.id("company/golden-sands-ltd");
    EXPECT_THROW(resolve::mergeEntities(f.store, f.schema, person, company, ""), QueryError);
}

TEST(Resolution, SuggestsPlantedNearDuplicatesWithReasons) {
    Fixture f;
    f.ingestAll();
    auto suggestions = resolve::suggestMatches(f.store, f.schema, {});
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

// Two people named Chen Wei with different passports, and a claim that names only "Chen Wei".
namespace {

const std::string kSourceDecl =
    R"({"source": {"id": "s1", "title": "Registry extract", "kind": "registry"}})";
const std::map<std::string, std::string> kChenClaims = {
    {"x",
     R"({"id": "x", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei", "identifiers": {"passport": "X1"}}, "relation": "director_of", "object": {"type": "Company", "name": "Alpha Trading Ltd"}})"},
    {"y",
     R"({"id": "y", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei", "identifiers": {"passport": "Y2"}}, "relation": "director_of", "object": {"type": "Company", "name": "Beta Gaming Ltd"}})"},
    {"n",
     R"({"id": "n", "source": "s1", "subject": {"type": "Person", "name": "Mr. Chen Wei", "country": "KH"}, "relation": "owns", "object": {"type": "Facility", "name": "Koh Kong casino"}})"},
};

// The source declaration, then the claims in the order given.
std::string chenFile(const std::vector<std::string>& order) {
    std::string text = kSourceDecl + "\n";
    for (const auto& id : order) text += kChenClaims.at(id) + "\n";
    return text;
}

struct ChenCase {
    cg::testing::TempDir dir;
    graph::Schema schema = graph::Schema::defaults();
    std::string db = dir.file("chen.claimgraph");
    graph::Store store{db};

    ingest::IngestSummary ingest(const std::string& name, const std::string& text) {
        ingest::IngestOptions options;
        auto summary = ingest::ingestFile(store, schema, dir.write(name, text), options);
        resolve::applyJudgements(store, schema);
        return summary;
    }

    // What an entity is, whatever its key: its identifiers, or its name for one without.
    std::string signature(graph::EntityId id) {
        id = store.canonical(id);
        std::string text;
        for (const auto& [scheme, value] : store.identifiersOf(id))
            text += scheme + " " + value + " ";
        return text.empty() ? store.entity(id)->name : text;
    }

    // Each claim's subject and object, by claim id, as signatures.
    std::map<std::string, std::string> ends() {
        std::map<std::string, std::string> out;
        SQLite::Database read(db, SQLite::OPEN_READONLY);
        SQLite::Statement q(read, "SELECT key, subject, object FROM claims");
        while (q.executeStep()) {
            out[q.getColumn(0).getString()] = signature(q.getColumn(1).getInt64()) + " -> " +
                                              signature(q.getColumn(2).getInt64());
        }
        return out;
    }

    graph::EntityId placeholder() { return *store.entityByKey("ambiguous/person/chen-wei/s1"); }
};

const std::map<std::string, std::string> kExpectedEnds = {
    {"n", "ambiguous: Chen Wei -> Koh Kong casino"},
    {"x", "passport X1  -> Alpha Trading Ltd"},
    {"y", "passport Y2  -> Beta Gaming Ltd"},
};

}  // namespace

namespace {

// The titles and countries entity references gave an entity, as "name=value", sorted.
std::vector<std::string> referenceFacts(graph::Store& store, graph::EntityId entity) {
    std::vector<std::string> facts;
    store.forEachPropertyValue(
        {"country", "title"},
        [&](graph::EntityId id, const std::string& name, const std::string& value) {
            if (id == entity) facts.push_back(name + "=" + value);
        });
    std::sort(facts.begin(), facts.end());
    return facts;
}

}  // namespace

TEST(Ambiguity, ANameOnlyClaimAboutOneOfTwoPassportHoldersIsHeldAndCounted) {
    ChenCase c;
    auto s = c.ingest("chen.claims.jsonl", chenFile({"x", "y", "n"}));
    EXPECT_EQ(s.accepted, 3);
    EXPECT_EQ(s.rejected, 0);
    EXPECT_EQ(s.ambiguous, 1);
    ASSERT_EQ(s.firstAmbiguous.size(), 1u);
    EXPECT_EQ(s.firstAmbiguous[0].message,
              std::string("chen.claims.jsonl") +
                  ":4: ambiguous reference 'Chen Wei' (Person): matches person/chen-wei (Chen Wei, "
                  "passport X1), person/chen-wei-2 (Chen Wei, passport Y2); held on "
                  "ambiguous/person/chen-wei/s1");
    EXPECT_EQ(s.firstAmbiguous[0].candidates.size(), 2u);
    EXPECT_EQ(c.ends(), kExpectedEnds);
    // The claim's title and country (hints for resolution, not properties) stay with the
    // reference, on the placeholder.
    EXPECT_EQ(referenceFacts(c.store, c.placeholder()),
              (std::vector<std::string>{"country=KH", "title=Mr."}));
    EXPECT_TRUE(c.store.detail(c.placeholder()).properties.empty());
    EXPECT_EQ(resolve::ambiguityCandidates(c.store, c.schema, c.placeholder()).size(), 2u);
}

TEST(Ambiguity, TheSameEntitiesAndAmbiguityWhateverTheLineOrder) {
    for (const auto& order : std::vector<std::vector<std::string>>{
             {"x", "y", "n"}, {"n", "x", "y"}, {"x", "n", "y"}, {"n", "y", "x"}, {"y", "n", "x"}}) {
        ChenCase c;
        auto s = c.ingest("chen.claims.jsonl", chenFile(order));
        std::string label = order[0] + order[1] + order[2];
        EXPECT_EQ(s.accepted, 3) << label;
        EXPECT_EQ(s.ambiguous, 1) << label;
        EXPECT_EQ(c.ends(), kExpectedEnds) << label;
        EXPECT_EQ(c.store.entities({"Person"}, "", 0).size(), 3u) << label;
        // The relation of the held claim is the placeholder's, not a passport holder's.
        auto held = c.store.detail(c.placeholder());
        ASSERT_EQ(held.relations.size(), 1u) << label;
        EXPECT_EQ(held.relations[0].type, "owns") << label;
        // And the reference's title and country with it.
        EXPECT_EQ(referenceFacts(c.store, c.placeholder()).size(), 2u) << label;
        for (const char* key : {"person/chen-wei", "person/chen-wei-2"}) {
            auto d = c.store.detail(*c.store.entityByKey(key));
            ASSERT_EQ(d.relations.size(), 1u) << label << " " << key;
            EXPECT_EQ(d.relations[0].type, "director_of") << label << " " << key;
        }
    }
}

TEST(Ambiguity, AConflictingCandidateInALaterIngestMakesAnEarlierReferenceAmbiguous) {
    ChenCase c;
    std::string first = c.dir.write("first.claims.jsonl", chenFile({"x", "n"}));
    ingest::IngestOptions options;
    auto s1 = ingest::ingestFile(c.store, c.schema, first, options);
    EXPECT_EQ(s1.ambiguous, 0);
    auto s2 = c.ingest("second.claims.jsonl", chenFile({"y"}));
    EXPECT_EQ(s2.accepted, 1);
    EXPECT_EQ(s2.ambiguous, 1);
    ASSERT_EQ(s2.firstAmbiguous.size(), 1u);
    // Reported where the reference is written.
    EXPECT_EQ(s2.firstAmbiguous[0].file, std::filesystem::path(first).filename().string());
    EXPECT_EQ(s2.firstAmbiguous[0].line, 3);
    EXPECT_EQ(c.ends(), kExpectedEnds);
}

TEST(Ambiguity, ReingestingChangesNothing) {
    ChenCase c;
    std::string text = chenFile({"n", "x", "y"});
    c.ingest("chen.claims.jsonl", text);
    std::string before = cg::testing::dumpDatabase(c.db);
    auto again = c.ingest("chen.claims.jsonl", text);
    EXPECT_EQ(again.duplicates, 3);
    EXPECT_EQ(again.ambiguous, 0);
    EXPECT_EQ(cg::testing::dumpDatabase(c.db), before);
    // A later name-only claim of the same source joins the same placeholder.
    auto later = c.ingest(
        "later.claims.jsonl",
        kSourceDecl + "\n" +
            R"({"id": "n2", "source": "s1", "subject": {"type": "Person", "name": "Chen Wei"}, "relation": "director_of", "object": {"type": "Company", "name": "Gamma Ltd"}})" +
            "\n");
    EXPECT_EQ(later.ambiguous, 1);
    EXPECT_EQ(later.entitiesCreated, 1);  // Gamma Ltd
    EXPECT_EQ(c.ends().at("n2"), "ambiguous: Chen Wei -> Gamma Ltd");
}

TEST(Ambiguity, AMergeSettlesThePlaceholderIntoTheCandidateAndSurvivesReingest) {
    ChenCase c;
    std::string text = chenFile({"x", "y", "n"});
    c.ingest("chen.claims.jsonl", text);
    graph::EntityId x = *c.store.entityByKey("person/chen-wei");
    graph::EntityId held = c.placeholder();
    // Given as AMBIGUOUS CANDIDATE: the placeholder is the one merged.
    resolve::mergeEntities(c.store, c.schema, held, x, "passport X1 in the registry");
    EXPECT_EQ(c.store.canonical(held), x);
    EXPECT_EQ(c.store.canonical(x), x);
    EXPECT_EQ(c.ends().at("n"), "passport X1  -> Koh Kong casino");
    std::vector<std::string> types;
    for (const auto& r : c.store.detail(x).relations) types.push_back(r.type);
    std::sort(types.begin(), types.end());
    EXPECT_EQ(types, (std::vector<std::string>{"director_of", "owns"}));
    // Settled: no longer listed, no longer suggested, and still so after a re-ingest.
    EXPECT_TRUE(c.store.entitiesWithKeyPrefix("ambiguous/").empty());
    EXPECT_TRUE(resolve::ambiguitySuggestions(c.store, c.schema).empty());
    auto again = c.ingest("chen.claims.jsonl", text);
    EXPECT_EQ(again.ambiguous, 0);
    EXPECT_EQ(c.store.canonical(held), x);
}

TEST(Ambiguity, SuggestionsPairThePlaceholderWithEachCandidateFirst) {
    ChenCase c;
    c.ingest("chen.claims.jsonl", chenFile({"x", "y", "n"}));
    auto suggestions = resolve::suggestMatches(c.store, c.schema, {});
    ASSERT_GE(suggestions.size(), 2u);
    graph::EntityId x = *c.store.entityByKey("person/chen-wei");
    graph::EntityId y = *c.store.entityByKey("person/chen-wei-2");
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_TRUE(suggestions[i].ambiguous);
        EXPECT_EQ(suggestions[i].a, c.placeholder());
        EXPECT_DOUBLE_EQ(suggestions[i].score, 0.5);
        EXPECT_EQ(suggestions[i].b, i == 0 ? x : y);
    }
    // The placeholder is never blocked and scored like an entity of its own.
    for (std::size_t i = 2; i < suggestions.size(); ++i) {
        EXPECT_NE(suggestions[i].a, c.placeholder());
        EXPECT_NE(suggestions[i].b, c.placeholder());
    }
    // A not-same judgement removes that pair.
    resolve::markNotSame(c.store, c.placeholder(), y, "the casino owner is not the Beta director");
    auto held = resolve::ambiguitySuggestions(c.store, c.schema);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].b, x);
}
