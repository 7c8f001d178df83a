// SPDX-License-Identifier: MIT
#include "resolve/suggest.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "resolve/blocking.hpp"
#include "resolve/judgements.hpp"
#include "resolve/name_parts.hpp"
#include "resolve/resolver.hpp"
#include "resolve/similarity.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::EntityId;
using cg::graph::EntityRef;
using cg::graph::Schema;
using cg::graph::Store;
using cg::resolve::blockingKeys;
using cg::resolve::compareNames;
using cg::resolve::jaroWinkler;
using cg::resolve::NameMatch;
using cg::resolve::Resolver;
using cg::resolve::Suggestion;
using cg::resolve::SuggestOptions;
using cg::resolve::SuggestStats;
using cg::testing::TempDir;

namespace {

bool shareKey(const std::string& a, const std::string& b, bool organisation = false) {
    auto ka = blockingKeys(a, organisation);
    auto kb = blockingKeys(b, organisation);
    for (const auto& k : ka) {
        if (std::find(kb.begin(), kb.end(), k) != kb.end()) return true;
    }
    return false;
}

NameMatch compare(const std::string& a, const std::string& b) {
    // Every word equally rare, except the legal forms and sector words, which are common.
    return compareNames(a, b, [](std::string_view w) {
        return w == "ltd" || w == "llc" || w == "sa" || w == "investment" || w == "gaming" ? 1.0
                                                                                           : 4.0;
    });
}

}  // namespace

TEST(JaroWinkler, MatchesTheTextbookValues) {
    EXPECT_NEAR(jaroWinkler("martha", "marhta"), 0.961, 0.001);
    EXPECT_NEAR(jaroWinkler("dwayne", "duane"), 0.840, 0.001);
    EXPECT_NEAR(jaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
    EXPECT_EQ(jaroWinkler("", ""), 1.0);
    EXPECT_EQ(jaroWinkler("abc", ""), 0.0);
    EXPECT_EQ(jaroWinkler("abc", "xyz"), 0.0);
}

TEST(BlockingKeys, NamesThatDifferByOneEditOrOneWordShareAKey) {
    EXPECT_TRUE(shareKey("hans pham", "pham hans"));                                 // word order
    EXPECT_TRUE(shareKey("carlos rinquel lim", "carlos lim"));                       // middle name
    EXPECT_TRUE(shareKey("fenfen ornwil investment sa", "fenfen ornwil sa", true));  // sector word
    EXPECT_TRUE(
        shareKey("molor enterprises llc", "mloor enterprises llc", true));  // swapped letters
    EXPECT_TRUE(shareKey("irene nierstenhofer", "irene nierstenhoefer"));   // added letter
    EXPECT_TRUE(shareKey("hui ali", "hui aly"));                            // changed letter
    EXPECT_TRUE(shareKey("calkeltam development gmbh", "calkeltam development g m b h", true));
}

TEST(BlockingKeys, TheLegalFormIsLeftOutOnlyForOrganisations) {
    EXPECT_TRUE(shareKey("acme ltd", "acme", true));
    EXPECT_FALSE(shareKey("acme ltd", "acme", false));
}

TEST(BlockingKeys, UnrelatedOrTwiceChangedNamesShareNoKey) {
    EXPECT_FALSE(shareKey("hans pham", "lucia smith"));
    EXPECT_FALSE(shareKey("hans pham", "hans chen"));
    EXPECT_FALSE(shareKey("molor enterprises llc", "mloor enterprise llc", true));  // two edits
    EXPECT_FALSE(shareKey("carlos lim", "lim"));  // a two-word name does not drop to one word
}

TEST(BlockingKeys, KeysAreDistinctAndGrowWithTheNameNotItsSquare) {
    auto keys = blockingKeys("aaaa bbbb", false);
    std::vector<std::string> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
    // "w:" sorted words, then per word the word and its deletions (repeats counted once).
    EXPECT_EQ(keys.front(), "w:aaaa bbbb");
    EXPECT_EQ(keys.size(), 1u + 2u * 2u);
    // A very long name keeps only its sorted-words key.
    std::string longName;
    for (int i = 0; i < 30; ++i) longName += "word" + std::to_string(i) + " ";
    longName.pop_back();
    EXPECT_EQ(blockingKeys(longName, false).size(), 1u);
}

TEST(CompareNames, TellsWhatDiffers) {
    NameMatch same = compare("hans pham", "hans pham");
    EXPECT_EQ(same.similarity, 1.0);
    EXPECT_FALSE(same.reordered || same.wordMissing || same.spellingDiffers);

    NameMatch order = compare("hans pham", "pham hans");
    EXPECT_EQ(order.similarity, 1.0);
    EXPECT_TRUE(order.reordered);

    NameMatch typo = compare("molor enterprises llc", "mloor enterprises llc");
    EXPECT_TRUE(typo.spellingDiffers);
    EXPECT_GT(typo.similarity, 0.9);
    EXPECT_LT(typo.similarity, 1.0);

    NameMatch translit = compare("meera belel chen", "meera belel chan");
    EXPECT_TRUE(translit.spellingDiffers);
    EXPECT_GT(translit.similarity, 0.9);

    NameMatch middle = compare("carlos rinquel lim", "carlos lim");
    EXPECT_TRUE(middle.wordMissing);
    EXPECT_GE(middle.similarity, 0.7 + 0.25 * (8.0 / 12.0) - 1e-9);

    NameMatch sector = compare("fenfen ornwil investment sa", "fenfen ornwil sa");
    EXPECT_TRUE(sector.wordMissing);
    EXPECT_GT(sector.similarity, 0.9);
}

TEST(CompareNames, AnotherWordIsNotATypo) {
    // Sister companies: the same stem, another sector word.
    NameMatch sisters = compare("fenfen ornwil gaming sa", "fenfen ornwil investment sa");
    EXPECT_FALSE(sisters.wordMissing);
    EXPECT_LT(sisters.similarity, 0.8);
    // Two people sharing first and last name, with different middle names.
    EXPECT_LT(compare("carlos rinquel lim", "carlos brosk lim").similarity, 0.6);
    // One word in common is far from a match.
    EXPECT_LT(compare("hans pham", "hans chen").similarity, 0.6);
    // Short words one letter apart are only "spelt differently", weaker than a long-word typo.
    EXPECT_LT(compare("hui ali", "hui aly").similarity,
              compare("hui alimov", "hui aliomv").similarity);
}

namespace {

// A store with entities resolved by explicit key, as readers with ids make them.
class SuggestTest : public ::testing::Test {
  protected:
    SuggestTest() : store_(dir_.file("suggest.claimgraph")) {
        Store::Batch batch(store_);
        Resolver resolver(store_, schema_);
        source_ =
            store_.putSource(cg::graph::Source{"s1", "Test", "", "", "2024", "", "registry", ""});
        carlosLong_ = entity(resolver, "p1", "Person", "Carlos Rinquel Lim", "", "1970-01-02");
        carlosShort_ = entity(resolver, "p2", "Person", "Carlos Lim", "", "1970-01");
        hans_ = entity(resolver, "p3", "Person", "Hans Pham");
        pham_ = entity(resolver, "p4", "Person", "Pham Hans");
        elif1_ = entity(resolver, "p5", "Person", "Elif Falnimnev", "", "1980-05-05");
        elif2_ = entity(resolver, "p6", "Person", "Elif Falnimenv", "", "1961-01-01");
        entity(resolver, "p7", "Person", "Carlos Santana");
        molor_ = entity(resolver, "c1", "Company", "Molor Enterprises LLC", "nv");
        mloor_ = entity(resolver, "c2", "Company", "Mloor Enterprises LLC", "nv");
        companyCarlos_ = entity(resolver, "c3", "Company", "Carlos Lim Ltd");
        aurelian1_ =
            entity(resolver, "c4", "Company", "Aurelian Holdings Ltd", "", "", "reg:100231");
        aurelian2_ =
            entity(resolver, "c5", "Company", "Aurelian Holding Limited", "", "", "reg:100231");
        for (const char* key : {"a1", "a2", "a3"}) entity(resolver, key, "Person", "Ana Soto");
        EntityId address = entity(resolver, "x1", "Place", "17 Larkspur Quay");
        relate(molor_, address);
        relate(mloor_, address);
        batch.commit();
    }

    EntityId entity(Resolver& resolver, const std::string& key, const std::string& type,
                    const std::string& name, const std::string& country = "",
                    const std::string& birthDate = "", const std::string& identifier = "") {
        EntityRef r;
        r.key = key;
        r.type = type;
        r.name = name;
        r.country = country;
        if (!identifier.empty()) {
            auto colon = identifier.find(':');
            r.identifiers.emplace_back(identifier.substr(0, colon), identifier.substr(colon + 1));
        }
        cg::graph::Claim c = claim();
        c.kind = cg::graph::Claim::Kind::Property;
        c.property = "name";
        c.value = name;
        // The claim needs its subject first; resolve once without, then file the claim.
        EntityId id = resolver.resolve(r, std::nullopt);
        auto claimId = store_.insertClaim(c, source_, id, std::nullopt, std::nullopt);
        resolver.resolve(r, claimId);
        if (!birthDate.empty())
            store_.addProperty(id, "birth_date", birthDate, claimId, cg::graph::Stance::Asserts);
        return id;
    }

    void relate(EntityId a, EntityId b) {
        auto r = store_.relationFor("registered_at", a, b, "", true);
        cg::graph::Claim c = claim();
        c.relation = "registered_at";
        store_.insertClaim(c, source_, a, b, r);
        store_.touchRelation(r);
    }

    cg::graph::Claim claim() {
        cg::graph::Claim c;
        c.key = "c" + std::to_string(++claims_);
        c.contentHash = static_cast<std::uint64_t>(claims_);
        c.sourceKey = "s1";
        c.file = "test.claims.jsonl";
        c.line = claims_;
        c.raw = "{}";
        return c;
    }

    std::vector<Suggestion> suggest(SuggestOptions options = {}, SuggestStats* stats = nullptr) {
        options.limit = 1000;
        return cg::resolve::suggestMatches(store_, schema_, options, stats);
    }

    static const Suggestion* find(const std::vector<Suggestion>& all, EntityId a, EntityId b) {
        for (const auto& s : all) {
            if ((s.a == a && s.b == b) || (s.a == b && s.b == a)) return &s;
        }
        return nullptr;
    }

    static bool hasReason(const Suggestion& s, const std::string& reason) {
        return std::find(s.reasons.begin(), s.reasons.end(), reason) != s.reasons.end();
    }

    TempDir dir_;
    Schema schema_ = Schema::defaults();
    Store store_;
    cg::graph::SourceId source_ = 0;
    int claims_ = 0;
    EntityId carlosLong_ = 0, carlosShort_ = 0, hans_ = 0, pham_ = 0, elif1_ = 0, elif2_ = 0;
    EntityId molor_ = 0, mloor_ = 0, companyCarlos_ = 0, aurelian1_ = 0, aurelian2_ = 0;
};

}  // namespace

TEST_F(SuggestTest, FindsNearDuplicatesWithTheirReasons) {
    auto all = suggest();
    const Suggestion* middle = find(all, carlosLong_, carlosShort_);
    ASSERT_NE(middle, nullptr);
    EXPECT_TRUE(hasReason(*middle, "one name lacks a word of the other"));
    EXPECT_TRUE(hasReason(*middle, "same birth date"));  // 1970-01 is 1970-01-02, less precisely

    const Suggestion* order = find(all, hans_, pham_);
    ASSERT_NE(order, nullptr);
    EXPECT_TRUE(hasReason(*order, "same words in another order"));
    EXPECT_TRUE(hasReason(*order, "name similarity 1.00"));

    const Suggestion* typo = find(all, molor_, mloor_);
    ASSERT_NE(typo, nullptr);
    EXPECT_TRUE(hasReason(*typo, "one word spelt differently"));
    EXPECT_TRUE(hasReason(*typo, "same country"));
    EXPECT_TRUE(hasReason(*typo, "1 shared neighbour"));

    const Suggestion* id = find(all, aurelian1_, aurelian2_);
    ASSERT_NE(id, nullptr);
    EXPECT_TRUE(hasReason(*id, "shared identifier"));
    EXPECT_EQ(id->aKey, "c4");
    EXPECT_EQ(id->bName, "Aurelian Holding Limited");
}

TEST_F(SuggestTest, RanksByScoreAndKeepsTheSmallerIdFirst) {
    auto all = suggest();
    ASSERT_GE(all.size(), 4u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_LT(all[i].a, all[i].b);
        EXPECT_GE(all[i].score, 0.6);
        if (i > 0) {
            EXPECT_GE(all[i - 1].score, all[i].score);
        }
    }
    // The shared identifier outweighs everything else.
    EXPECT_EQ(find(all, aurelian1_, aurelian2_), &all.front());
    SuggestOptions two;
    two.limit = 2;
    EXPECT_EQ(cg::resolve::suggestMatches(store_, schema_, two).size(), 2u);
}

TEST_F(SuggestTest, DifferentBirthDatesOrTypesKeepPairsApart) {
    auto all = suggest();
    EXPECT_EQ(find(all, elif1_, elif2_), nullptr);
    // A person and a company are never proposed, however alike their names.
    SuggestOptions any;
    any.minScore = 0;
    auto everything = suggest(any);
    const Suggestion* elif = find(everything, elif1_, elif2_);
    ASSERT_NE(elif, nullptr);
    EXPECT_TRUE(hasReason(*elif, "different birth dates"));
    EXPECT_EQ(find(everything, carlosShort_, companyCarlos_), nullptr);
    for (const auto& s : everything) {
        bool personA = s.aKey[0] == 'p' || s.aKey[0] == 'a';
        bool personB = s.bKey[0] == 'p' || s.bKey[0] == 'a';
        EXPECT_EQ(personA, personB) << s.aKey << " " << s.bKey;
    }
}

TEST_F(SuggestTest, PairsJudgedDifferentAreNeverProposed) {
    ASSERT_NE(find(suggest(), hans_, pham_), nullptr);
    cg::resolve::markNotSame(store_, hans_, pham_, "two cousins");
    EXPECT_EQ(find(suggest(), hans_, pham_), nullptr);
}

TEST_F(SuggestTest, MergedEntitiesAreOneCandidate) {
    ASSERT_NE(find(suggest(), hans_, pham_), nullptr);
    cg::resolve::mergeEntities(store_, schema_, hans_, pham_, "");
    auto all = suggest();
    for (const auto& s : all) EXPECT_NE(s.b, pham_);
    EXPECT_EQ(find(all, hans_, pham_), nullptr);
}

TEST_F(SuggestTest, BlocksAboveTheCapAreSkipped) {
    SuggestStats stats;
    auto all = suggest({}, &stats);
    auto anas = std::count_if(all.begin(), all.end(),
                              [](const Suggestion& s) { return s.aName == "Ana Soto"; });
    EXPECT_EQ(anas, 3);  // three people of one name: every pair is a candidate
    EXPECT_GT(stats.blocks, 0u);
    EXPECT_GE(stats.candidates, stats.scored);
    EXPECT_GE(stats.scored, stats.suggestions);
    EXPECT_EQ(stats.suggestions, all.size());

    SuggestOptions small;
    small.maxBlock = 2;
    SuggestStats capped;
    all = suggest(small, &capped);
    EXPECT_GT(capped.skippedBlocks, 0u);
    EXPECT_EQ(std::count_if(all.begin(), all.end(),
                            [](const Suggestion& s) { return s.aName == "Ana Soto"; }),
              0);
    EXPECT_NE(find(all, molor_, mloor_), nullptr);  // pairs of two still found
}

TEST_F(SuggestTest, OneThreadAndManyGiveTheSameList) {
    SuggestOptions one;
    one.threads = 1;
    SuggestOptions four;
    four.threads = 4;
    auto a = suggest(one);
    auto b = suggest(four);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].a, b[i].a);
        EXPECT_EQ(a[i].b, b[i].b);
        EXPECT_EQ(a[i].reasons, b[i].reasons);
    }
}

TEST_F(SuggestTest, AShortNameMeetsEveryLongerOneButTheLongerOnesNotEachOther) {
    EntityId brosk = 0, vel = 0, dunmar = 0;
    {
        Store::Batch batch(store_);
        Resolver resolver(store_, schema_);
        brosk = entity(resolver, "p8", "Person", "Carlos Brosk Lim");
        vel = entity(resolver, "p9", "Person", "Carlos Vel Lim");
        dunmar = entity(resolver, "p10", "Person", "Carlos Dunmar Lim");
        batch.commit();
    }
    // The key "carlos lim" holds two whole names (the person and, without its legal form, the
    // company "Carlos Lim Ltd") and four with a middle name left out: 9 pairs count, within
    // the 10 of a cap of 5, where a block of six whole names would be skipped.
    SuggestOptions options;
    options.minScore = 0;
    options.maxBlock = 5;
    auto all = suggest(options);
    for (EntityId longer : {carlosLong_, brosk, vel, dunmar}) {
        EXPECT_NE(find(all, carlosShort_, longer), nullptr) << longer;
    }
    EXPECT_EQ(find(all, brosk, vel), nullptr);
    EXPECT_EQ(find(all, carlosLong_, dunmar), nullptr);
    options.maxBlock = 4;  // 9 pairs are more than the 6 of a cap of 4
    all = suggest(options);
    EXPECT_EQ(find(all, carlosShort_, brosk), nullptr);
}
