// SPDX-License-Identifier: MIT
// Connection defaults, routes and partial dates through the built binary (issue 16, points 1,
// 2 and 7): tests/data/claims/connections.claims.jsonl and periods.claims.jsonl.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

using cg::testing::readFile;
using cg::testing::TempDir;
using Outcome = cg::testing::CliOutcome;

namespace {

class ConnectionsCli : public cg::testing::CliTest {
  protected:
    ConnectionsCli() { db_ = "test.claimgraph"; }

    void ingest(const char* file) {
        auto r = run({"ingest", std::string(CG_SOURCE_DIR "/tests/data/claims/") + file});
        ASSERT_EQ(r.code, 0) << r.out << r.err;
    }
};

TEST_F(ConnectionsCli, PathDoesNotRunThroughACountryAPostOrAnOutlet) {
    ingest("connections.claims.jsonl");
    auto r = run({"query", "path", "Ada Quill", "Harrow Shipping"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("note: no path"), std::string::npos) << r.out;
    auto places = run({"query", "path", "Ada Quill", "Harrow Shipping", "--via-places"});
    EXPECT_NE(places.out.find("Ada Quill -located_in [0.90]-> Norvania <-registered_at [0.90]- "
                              "Harrow Shipping"),
              std::string::npos)
        << places.out << places.err;
    auto named = run({"query", "path", "Ada Quill", "Harrow Shipping", "--relations",
                      "located_in,registered_at"});
    EXPECT_NE(named.out.find("-> Norvania <-"), std::string::npos) << named.out << named.err;
}

TEST_F(ConnectionsCli, RoutesInJsonGiveEachHopsKindConfidenceAndFlags) {
    ingest("connections.claims.jsonl");
    auto r = run({"--json", "query", "path", "Ada Quill", "Harbour Casino", "--all"});
    ASSERT_EQ(r.code, 0) << r.err;
    auto d = parse(r);
    ASSERT_TRUE(d.IsObject());
    const auto& rows = d["rows"];
    ASSERT_EQ(rows.Size(), 2u) << r.out;
    EXPECT_EQ(rows[0]["path"].GetInt64(), 1);
    EXPECT_EQ(rows[1]["path"].GetInt64(), 2);
    const auto& best = rows[0]["route"]["relations"];
    ASSERT_EQ(best.Size(), 3u);
    EXPECT_STREQ(best[0]["type"].GetString(), "family_of");
    EXPECT_STREQ(best[0]["kind"].GetString(), "personal");
    EXPECT_DOUBLE_EQ(best[0]["confidence"].GetDouble(), 0.9);
    EXPECT_FALSE(best[0]["disputed"].GetBool());
    EXPECT_FALSE(best[0]["weak"].GetBool());
    const auto& other = rows[1]["route"]["relations"];
    ASSERT_EQ(other.Size(), 3u);
    EXPECT_STREQ(other[1]["type"].GetString(), "linked_to");
    EXPECT_STREQ(other[1]["kind"].GetString(), "weak");
    EXPECT_TRUE(other[1]["disputed"].GetBool());
    EXPECT_TRUE(other[1]["weak"].GetBool());
    EXPECT_FALSE(other[2]["weak"].GetBool());
    auto text = run({"query", "path", "Ada Quill", "Harbour Casino"});
    EXPECT_NE(text.out.find("Ada Quill -family_of [0.90]- Bram Quill"), std::string::npos)
        << text.out;
}

TEST_F(ConnectionsCli, SavedQueriesFollowTheSameDefaultsAndViaPlaces) {
    ingest("connections.claims.jsonl");
    std::string query = dir_.write("ada-harrow.json", R"({
        "name": "ada-harrow",
        "parameters": {"places": {"type": "boolean", "default": false}},
        "query": {"kind": "path", "from": "Ada Quill", "to": "Harrow Shipping",
                  "via_places": "$places"}
    })");
    auto none = run({"--json", "query", "run", query});
    ASSERT_EQ(none.code, 0) << none.out << none.err;
    EXPECT_EQ(parse(none)["rows"].Size(), 0u) << none.out;
    auto places = run({"--json", "query", "run", query, "--param", "places=true"});
    ASSERT_EQ(places.code, 0) << places.out << places.err;
    EXPECT_EQ(parse(places)["rows"].Size(), 1u) << places.out;
    // The same question through the command line gives the same answer.
    auto cli = run({"--json", "query", "path", "Ada Quill", "Harrow Shipping", "--via-places"});
    EXPECT_EQ(parse(cli)["rows"][0]["route"]["text"], parse(places)["rows"][0]["route"]["text"]);
}

// The owners of Tern Marine in a JSON answer, by name.
std::set<std::string> ownerNames(const rapidjson::Document& d) {
    std::set<std::string> out;
    for (const auto& row : d["rows"].GetArray()) out.insert(row["owner"]["name"].GetString());
    return out;
}

TEST_F(ConnectionsCli, APartialDateIsAPeriodInQueriesSavedQueriesAndExports) {
    ingest("periods.claims.jsonl");
    const std::set<std::string> august = {"Ines Late", "Otto Early", "Yara Whole"};
    auto cli = run(
        {"--json", "query", "owners", "Tern Marine Ltd", "--threshold", "0", "--as-of", "2022-08"});
    ASSERT_EQ(cli.code, 0) << cli.out << cli.err;
    EXPECT_EQ(ownerNames(parse(cli)), august) << cli.out;

    std::string saved = dir_.write("tern.json", R"({
        "name": "tern-owners",
        "parameters": {"when": {"type": "date"}},
        "query": {"kind": "owners", "entity": "Tern Marine Ltd", "threshold": 0},
        "filters": {"as_of": "$when"}
    })");
    auto viaSaved = run({"--json", "query", "run", saved, "--param", "when=2022-08"});
    ASSERT_EQ(viaSaved.code, 0) << viaSaved.out << viaSaved.err;
    EXPECT_EQ(viaSaved.out, cli.out);

    // valid_to 2022-06 runs to the end of June.
    auto june = run({"--json", "query", "owners", "Tern Marine Ltd", "--threshold", "0", "--as-of",
                     "2022-06-30"});
    EXPECT_EQ(ownerNames(parse(june)),
              (std::set<std::string>{"Otto Early", "June Rask", "Yara Whole"}))
        << june.out;
    auto july = run({"--json", "query", "owners", "Tern Marine Ltd", "--threshold", "0", "--as-of",
                     "2022-07-01"});
    EXPECT_EQ(ownerNames(parse(july)), (std::set<std::string>{"Otto Early", "Yara Whole"}))
        << july.out;
    auto savedJune = run({"--json", "query", "run", saved, "--param", "when=2022-06"});
    EXPECT_EQ(ownerNames(parse(savedJune)),
              (std::set<std::string>{"Otto Early", "June Rask", "Yara Whole"}))
        << savedJune.out;

    // An export of August 2022 selects the same three relations.
    auto exported = run({"export", "--format", "json", "--as-of", "2022-08"});
    ASSERT_EQ(exported.code, 0) << exported.err;
    auto graph = parse(exported);
    ASSERT_TRUE(graph.IsObject() && graph.HasMember("edges")) << exported.out;
    std::set<std::string> sources;
    for (const auto& e : graph["edges"].GetArray()) sources.insert(e["source"].GetString());
    EXPECT_EQ(sources, (std::set<std::string>{"p-august-late", "p-august-early", "p-year"}))
        << exported.out;
}

}  // namespace
