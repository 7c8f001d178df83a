// SPDX-License-Identifier: MIT
// People named with titles ("Frau Dr. Irene Nierstenhöfer", "Herr Prof. Dr. Schnabel"): the
// titles leave the name, and are never a reason to merge two people or to keep one apart.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/store.hpp"
#include "ingest/ingest.hpp"
#include "resolve/name_parts.hpp"
#include "resolve/suggest.hpp"
#include "tests/graph/temp_dir.hpp"
#include "tests/ingest/reader_sink.hpp"

using namespace cg;

namespace {

struct TitlesFixture {
    cg::testing::TempDir dir;
    graph::Schema schema = graph::Schema::defaults();
    graph::Store store{dir.file("titles.claimgraph")};

    void ingest(const std::string& path) { ingest::ingestFile(store, schema, path, {}); }

    std::string nameOf(const std::string& key) {
        auto id = store.entityByKey(key);
        return id ? store.entity(*id)->name : "(no entity " + key + ")";
    }

    // Entity key -> its recorded titles, each once.
    std::map<std::string, std::set<std::string>> titles() {
        std::map<std::string, std::set<std::string>> out;
        store.forEachPropertyValue(
            {"title"}, [&](graph::EntityId id, const std::string&, const std::string& value) {
                out[store.entity(id)->key].insert(value);
            });
        return out;
    }

    std::vector<std::string> personKeys() {
        std::vector<std::string> out;
        store.forEachCanonicalEntity([&](graph::EntityId, const std::string& key,
                                         const std::string& type, const std::string&) {
            if (type == "Person") out.push_back(key);
        });
        return out;
    }

    // Suggested pairs as "keyA|keyB", smaller id first.
    std::map<std::string, resolve::Suggestion> suggested(double minScore = 0.6) {
        resolve::SuggestOptions options;
        options.minScore = minScore;
        options.limit = 1000;
        std::map<std::string, resolve::Suggestion> out;
        for (auto& s : resolve::suggestMatches(store, schema, options)) {
            out[s.aKey + "|" + s.bKey] = s;
        }
        return out;
    }
};

bool hasReason(const resolve::Suggestion& s, const std::string& reason) {
    return std::find(s.reasons.begin(), s.reasons.end(), reason) != s.reasons.end();
}

}  // namespace

TEST(FtmTitles, TitlesLeaveTheNameAndAreKeptAsProperties) {
    TitlesFixture f;
    f.ingest(cg::testing::dataFile("ftm/titles.ftm.jsonl"));
    EXPECT_EQ(f.personKeys().size(), 10u);  // one entity per FtM id: nothing merged
    EXPECT_EQ(f.nameOf("ftm:p-irene"), "Irene Nierstenhöfer");
    EXPECT_EQ(f.nameOf("ftm:p-herrenknecht"), "Martin Herrenknecht");
    EXPECT_EQ(f.nameOf("ftm:p-moellemann"), "Jürgen W. Möllemann");
    EXPECT_EQ(f.nameOf("ftm:p-herr-fischer"), "Fischer");
    auto titles = f.titles();
    EXPECT_EQ(titles["ftm:p-irene"], (std::set<std::string>{"Frau", "Dr."}));
    EXPECT_EQ(titles["ftm:p-herrenknecht"], (std::set<std::string>{"Dr.-Ing. E. h."}));
    EXPECT_EQ(titles["ftm:p-herr-fischer"], (std::set<std::string>{"Herr", "Dr."}));
    EXPECT_EQ(titles.count("ftm:p-irene-2"), 0u);
}

TEST(FtmTitles, TheSamePersonWithAndWithoutTitleIsSuggestedAndOthersAreNot) {
    TitlesFixture f;
    f.ingest(cg::testing::dataFile("ftm/titles.ftm.jsonl"));
    auto s = f.suggested();
    // With and without "Frau (Dr.)": the same person under two ids is proposed.
    EXPECT_EQ(s.count("ftm:p-irene|ftm:p-irene-2"), 1u);
    EXPECT_EQ(s.count("ftm:p-johanna|ftm:p-johanna-2"), 1u);
    // Everything else is a different person: a shared title, surname or "Dr." is not enough.
    EXPECT_EQ(s.size(), 2u);
    for (const auto& [pair, sug] : s)
        EXPECT_TRUE(pair.find("fischer") == std::string::npos) << pair;
    // Even asked for everything, Herr and Frau Dr. Fischer stay far apart, with the reason.
    auto all = f.suggested(0);
    auto fischers = all.find("ftm:p-herr-fischer|ftm:p-frau-fischer");
    if (fischers != all.end()) {
        EXPECT_LT(fischers->second.score, 0.3);
        EXPECT_TRUE(hasReason(fischers->second, "addressed as a man and as a woman (Herr / Frau)"));
    }
}

TEST(FtmTitles, NamesWithoutIdsMergeOnTheNameWithoutItsTitles) {
    // Claims that name people without ids go through the resolver's name matching.
    TitlesFixture f;
    f.ingest(f.dir.write("titles.claims.jsonl",
                         R"({"source": {"id": "s1", "title": "donations", "kind": "list"}}
{"id": "a1", "source": "s1", "subject": {"type": "Person", "name": "Frau Dr. Irene Nierstenhöfer"}, "relation": "associate_of", "object": {"type": "Person", "name": "Herr Stefan Quandt"}}
{"id": "a2", "source": "s1", "subject": {"type": "Person", "name": "Irene NIERSTENHÖFER"}, "relation": "associate_of", "object": {"type": "Person", "name": "Frau Johanna Quandt"}}
{"id": "a3", "source": "s1", "subject": {"type": "Person", "name": "Herr Dr. Fischer"}, "relation": "family_of", "object": {"type": "Person", "name": "Frau Dr. Fischer"}}
{"id": "a4", "source": "s1", "subject": {"type": "Person", "name": "Herr Prof. Dr. Schnabel"}, "relation": "family_of", "object": {"type": "Person", "name": "Frau Schnabel"}}
)"));
    auto people = f.personKeys();
    std::set<std::string> keys(people.begin(), people.end());
    // Irene once, with and without her titles; the Quandts two people; each Fischer and
    // Schnabel a person of their own (claims a3 and a4 link two people, not one to itself).
    EXPECT_EQ(keys,
              (std::set<std::string>{"person/irene-nierstenhofer", "person/stefan-quandt",
                                     "person/johanna-quandt", "person/fischer", "person/fischer-2",
                                     "person/schnabel", "person/schnabel-2"}));
    EXPECT_EQ(f.store.stats().relations, 4);
    EXPECT_EQ(f.titles()["person/irene-nierstenhofer"], (std::set<std::string>{"Frau", "Dr."}));
    EXPECT_TRUE(f.suggested().empty());
}

TEST(FtmTitles, NomenklaturaDonationsNeverMergesOrSplitsPeopleByTitle) {
    const std::string path = CG_SHARED_DIR "/fixtures/ftm/nomenklatura-donations.ijson";
    std::ifstream in(path);
    if (!in) GTEST_SKIP() << path << " is absent (no ../shared beside this clone)";
    // The people in the file, by FtM id, with the names given.
    std::map<std::string, std::string> people;
    for (std::string line; std::getline(in, line);) {
        rapidjson::Document d;
        d.Parse(line.c_str());
        if (d.HasParseError() || !d.IsObject() || std::string(d["schema"].GetString()) != "Person")
            continue;
        people["ftm:" + std::string(d["id"].GetString())] = d["properties"]["name"][0].GetString();
    }
    ASSERT_GE(people.size(), 20u);
    TitlesFixture f;
    f.ingest(path);
    // One entity per person record: no two people merged, titled or not.
    auto keys = f.personKeys();
    EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), people.size());
    auto titles = f.titles();
    std::size_t titled = 0;
    for (const auto& [key, written] : people) {
        auto parts = resolve::splitTitles(written);
        // The entity is named without its titles, which are kept as its 'title' property.
        EXPECT_EQ(f.nameOf(key), parts.bare) << written;
        EXPECT_EQ(titles[key], std::set<std::string>(parts.titles.begin(), parts.titles.end()))
            << written;
        titled += !parts.titles.empty();
    }
    EXPECT_GE(titled, 20u);  // "Frau ...", "Herr Dr. ...", "Dr.-Ing. E. h. ..."
    // Johanna Quandt, once as "Frau Johanna Quandt" and once without: proposed as one person.
    // No other two people are proposed: sharing "Herr", "Frau", "Dr." or a surname is not enough.
    std::vector<std::string> personPairs;
    for (const auto& [pair, s] : f.suggested()) {
        auto bar = pair.find('|');
        if (people.count(pair.substr(0, bar)) && people.count(pair.substr(bar + 1)))
            personPairs.push_back(s.aName + " / " + s.bName);
    }
    EXPECT_EQ(personPairs, std::vector<std::string>{"Johanna Quandt / Johanna Quandt"});
}
