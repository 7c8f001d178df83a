// SPDX-License-Identifier: MIT
// Listings take --format table|json|jsonl|csv (docs/json.md): JSON Lines hold the JSON array's
// objects, CSV their keys as a header, entities as name and id, formulas neutralised.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

using namespace cg::testing;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

class ListingFormat : public CliTest {
  protected:
    void SetUp() override {
        std::ofstream out(dir_.file("l.claims.jsonl"));
        out << R"x({"source": {"id": "gazette", "title": "=HYPERLINK(\"http://x\") Gazette (fictional)"}})x"
            << '\n'
            << R"x({"id": "k1", "source": "gazette", "subject": {"type": "Person", "id": "p-ada", "name": "Ada Quill"}, "relation": "director_of", "object": {"type": "Company", "id": "c-dune", "name": "Dune Holdings, Ltd"}})x"
            << '\n'
            << R"x({"id": "k2", "source": "gazette", "subject": {"type": "Person", "id": "p-ada2", "name": "Ada Quil"}, "relation": "director_of", "object": {"id": "c-dune"}})x"
            << '\n';
        out.close();
        EXPECT_EQ(run({"ingest", dir_.file("l.claims.jsonl")}).code, 0);
    }
};

TEST_F(ListingFormat, JsonLinesHoldTheJsonArraysObjectsOneALine) {
    auto array = json({"entities"});
    auto r = run({"entities", "--format", "jsonl"});
    ASSERT_EQ(r.code, 0) << r;
    auto rows = lines(r.out);
    ASSERT_EQ(rows.size(), array.Size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rapidjson::Document d;
        d.Parse(rows[i].c_str());
        ASSERT_TRUE(d.IsObject()) << rows[i];
        EXPECT_STREQ(d["id"].GetString(),
                     array[static_cast<rapidjson::SizeType>(i)]["id"].GetString());
    }
}

TEST_F(ListingFormat, CsvHasTheKeysAsHeaderAndQuotesFormulasAndSeparators) {
    auto entities = run({"entities", "--format", "csv"});
    ASSERT_EQ(entities.code, 0) << entities;
    auto rows = lines(entities.out);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], "id,type,name,stub,relations,ambiguous,candidates");
    EXPECT_TRUE(contains(entities.out, "c-dune,Company,\"Dune Holdings, Ltd\",false,2,false,\n"))
        << entities.out;

    auto sources = run({"sources", "--csv"});
    ASSERT_EQ(sources.code, 0) << sources;
    EXPECT_TRUE(
        contains(sources.out, "gazette,\"'=HYPERLINK(\"\"http://x\"\") Gazette (fictional)\""))
        << sources.out;
}

TEST_F(ListingFormat, EntitiesInACsvGiveTheirNameAndThenTheirId) {
    ASSERT_EQ(run({"resolve", "merge", "p-ada", "p-ada2", "--note", "same person"}).code, 0);
    auto r = run({"resolve", "list", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r;
    auto rows = lines(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;
    EXPECT_EQ(rows[0], "id,kind,a,a_id,b,b_id,note,by,created,undone");
    EXPECT_EQ(rows[1].rfind("1,merge,Ada Quill,p-ada,Ada Quil,p-ada2,same person,", 0), 0u)
        << rows[1];

    auto table = run({"resolve", "list"});
    EXPECT_TRUE(contains(table.out, "p-ada2")) << table;
    auto json = run({"resolve", "list", "--format", "json"});
    rapidjson::Document d;
    d.Parse(json.out.c_str());
    ASSERT_TRUE(d.IsArray()) << json;
    EXPECT_STREQ(d[0]["b"]["id"].GetString(), "p-ada2");
}

TEST_F(ListingFormat, RejectionsAreAListingToo) {
    std::ofstream(dir_.file("bad.claims.jsonl"))
        << "{\"id\": \"x\", \"source\": \"nowhere\"}\nnot json, \"=1+1\"\n";
    run({"ingest", dir_.file("bad.claims.jsonl")});
    auto csv = run({"rejections", "--format", "csv"});
    ASSERT_EQ(csv.code, 0) << csv;
    auto rows = lines(csv.out);
    ASSERT_EQ(rows.size(), 3u) << csv.out;
    EXPECT_EQ(rows[0], "file,line,reason,raw");
    EXPECT_TRUE(contains(rows[2], ",2,")) << rows[2];
    auto jsonl = run({"rejections", "--format", "jsonl"});
    EXPECT_EQ(lines(jsonl.out).size(), 2u) << jsonl;
}

TEST_F(ListingFormat, JudgementsRecordWhoMadeThem) {
    ASSERT_EQ(run({"resolve", "merge", "p-ada", "p-ada2", "--by", "Ana Lima"}).code, 0);
    // Without --by, the user the command runs as.
    std::string command = "USER=desk-editor " + shellWord(CG_BINARY) + " --db " + shellWord(db_) +
                          " resolve not-same p-ada c-dune >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
    auto list = json({"resolve", "list"});
    ASSERT_TRUE(list.IsArray());
    ASSERT_EQ(list.Size(), 2u);
    EXPECT_STREQ(list[0]["by"].GetString(), "Ana Lima");
    EXPECT_STREQ(list[1]["by"].GetString(), "desk-editor");
    auto table = run({"resolve", "list"});
    EXPECT_TRUE(contains(table.out, "Ana Lima")) << table;
}

}  // namespace
