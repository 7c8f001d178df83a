// SPDX-License-Identifier: MIT
#include "ingest/csv_reader.hpp"

#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "ingest/ingest.hpp"
#include "tests/ingest/reader_sink.hpp"

using cg::graph::Claim;
using cg::ingest::CsvMapping;
using cg::ingest::CsvReader;
using cg::testing::ReaderSink;

namespace {

const cg::graph::Schema& schema() {
    static const cg::graph::Schema s = cg::graph::Schema::defaults();
    return s;
}

ReaderSink readRegistry() {
    CsvReader reader(schema(), CsvMapping::fromFile(
                                   cg::testing::dataFile("csv/registry.mapping.json"), schema()));
    return cg::testing::readFile(reader, cg::testing::dataFile("csv/registry.csv"));
}

std::string mappingError(const std::string& json) {
    try {
        CsvMapping::fromJson(json, "m.json", schema());
    } catch (const cg::InputError& e) {
        return e.what();
    }
    return "no error";
}

const std::string kPrefix = "csv:norvania-shareholders-2024:";

}  // namespace

TEST(CsvReader, DeclaresTheMappingsSource) {
    auto sink = readRegistry();
    ASSERT_EQ(sink.sources.size(), 1u);
    EXPECT_EQ(sink.sources[0].key, "norvania-shareholders-2024");
    EXPECT_EQ(sink.sources[0].kind, "registry");
    EXPECT_EQ(sink.sources[0].published, "2024-03-15");
}

TEST(CsvReader, DescribesEachEntityOfARow) {
    auto sink = readRegistry();
    const Claim* company = sink.find(kPrefix + "r1:company:name");
    ASSERT_NE(company, nullptr);
    EXPECT_EQ(company->subject.key, "nv-cro:NV-100231");
    EXPECT_EQ(company->subject.type, "Company");
    EXPECT_EQ(company->value, "Aurelian Holdings Ltd");
    EXPECT_EQ(company->line, 2);
    EXPECT_EQ(sink.find(kPrefix + "r1:company:jurisdiction")->value, "NV");
    // 02/11/2009 could be either day/month order: only the year is kept.
    EXPECT_EQ(sink.find(kPrefix + "r1:company:incorporation_date")->value, "2009");
    const Claim* holder = sink.find(kPrefix + "r1:holder:name");
    ASSERT_NE(holder, nullptr);
    EXPECT_TRUE(holder->subject.key.empty());
    EXPECT_EQ(holder->subject.type, "Person");
    const Claim* corporate = sink.find(kPrefix + "r3:holder:identifier:nv-cro");
    ASSERT_NE(corporate, nullptr);
    EXPECT_EQ(corporate->subject.type, "Company");
    EXPECT_EQ(corporate->subject.identifiers.at(0).second, "NV-100231");
}

TEST(CsvReader, StatesTheRowsRelations) {
    auto sink = readRegistry();
    const Claim* owns = sink.find(kPrefix + "r1:owns.1");
    ASSERT_NE(owns, nullptr);
    EXPECT_EQ(owns->subject.name, "Marisol Vantongeren");
    EXPECT_EQ(owns->object.key, "nv-cro:NV-100231");
    EXPECT_EQ(owns->share->min, 85);
    EXPECT_EQ(owns->validFrom->text(), "2015-07-01");
    const Claim* band = sink.find(kPrefix + "r2:owns.1");
    EXPECT_EQ(band->share->min, 25);
    EXPECT_EQ(band->share->max, 50);
    EXPECT_EQ(band->validFrom->text(), "2012-01-01");
    EXPECT_EQ(band->validTo->text(), "2015-06-30");
    EXPECT_EQ(sink.find(kPrefix + "r3:owns.1")->share->min, 60.5);
    const Claim* director = sink.find(kPrefix + "r1:director_of.2");
    ASSERT_NE(director, nullptr);
    EXPECT_EQ(director->confidence, 0.9);
    EXPECT_EQ(director->attributesJson, R"({"role":"Managing director"})");
}

TEST(CsvReader, ARowWithoutOneEntityStatesNoRelationToIt) {
    auto sink = readRegistry();
    EXPECT_EQ(sink.find(kPrefix + "r2:director_of.2"), nullptr);
    EXPECT_EQ(sink.count("director_of"), 1u);
}

TEST(CsvReader, RejectsABadValueAndKeepsTheRestOfTheRow) {
    auto sink = readRegistry();
    EXPECT_NE(sink.rejection(5, "entity 'company': incorporation_date"), nullptr);
    EXPECT_NE(sink.rejection(5, "relation 1 (owns): share: '120' is not a percentage"), nullptr);
    EXPECT_NE(sink.find(kPrefix + "r4:holder:name"), nullptr);
}

TEST(CsvReader, RejectsAValueMissingFromTheTypeMap) {
    auto sink = readRegistry();
    EXPECT_NE(sink.rejection(
                  6, "value 'X' of column 'holder_kind' is not in the mapping's map (C, P, T)"),
              nullptr);
    EXPECT_EQ(sink.find(kPrefix + "r5:owns.1"), nullptr);
}

TEST(CsvReader, RejectsARowWithTheWrongNumberOfFields) {
    EXPECT_NE(readRegistry().rejection(7, "row has 4 fields, the header has 14"), nullptr);
}

TEST(CsvReader, RejectsARowWithoutItsRowId) {
    EXPECT_NE(readRegistry().rejection(8, "row_id column 'record_id' is empty"), nullptr);
}

TEST(CsvReader, CountsAddUp) {
    auto sink = readRegistry();
    EXPECT_EQ(sink.claims.size(), 33u);
    EXPECT_EQ(sink.rejections.size(), 5u);
}

TEST(CsvReader, RefusesAHeaderWithoutAMappedColumn) {
    CsvReader reader(schema(), CsvMapping::fromFile(
                                   cg::testing::dataFile("csv/registry.mapping.json"), schema()));
    try {
        cg::testing::readText(reader, "record_id,company_number\nr1,1\n", "short.csv");
        FAIL() << "no error";
    } catch (const cg::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("short.csv:1: the mapping"), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("names column 'company_name'"), std::string::npos)
            << e.what();
    }
}

TEST(CsvMapping, RejectsWhatTheSchemaDoesNotKnow) {
    EXPECT_NE(mappingError(R"({"entities": [{"type": "Compnay", "name": "n"}]})")
                  .find("unknown entity type 'Compnay'"),
              std::string::npos);
    EXPECT_NE(
        mappingError(
            R"({"entities": [{"type": "Person", "name": "n", "properties": {"height": "h"}}]})")
            .find("unknown property 'height'"),
        std::string::npos);
    EXPECT_NE(
        mappingError(
            R"({"entities": [{"as": "a", "type": "Person", "name": "n"}, {"as": "b", "type": "Company", "name": "m"}],
                               "relations": [{"relation": "befriends", "subject": "a", "object": "b"}]})")
            .find("unknown relation type 'befriends'"),
        std::string::npos);
    EXPECT_NE(
        mappingError(
            R"({"entities": [{"as": "a", "type": "Person", "name": "n"}, {"as": "b", "type": "Company", "name": "m"}],
                               "relations": [{"relation": "owns", "subject": "a", "object": "b", "attributes": {"colour": "c"}}]})")
            .find("unknown attribute 'colour'"),
        std::string::npos);
    EXPECT_NE(mappingError(R"({"entities": [{"as": "a", "type": "Person", "name": "n"}],
                               "relations": [{"relation": "owns", "subject": "a", "object": "z"}]})")
                  .find("not 'z'"),
              std::string::npos);
}

TEST(CsvMapping, RejectsAMalformedMapping) {
    EXPECT_NE(mappingError("{\n\"entities\": [\n}").find("m.json:3: invalid JSON"),
              std::string::npos);
    EXPECT_NE(mappingError(R"({"entities": []})").find("at least one entity"), std::string::npos);
    EXPECT_NE(mappingError(R"({"entities": [{"type": "Person"}]})")
                  .find("needs a 'key', a 'name' or 'identifiers'"),
              std::string::npos);
    EXPECT_NE(mappingError(R"({"entities": [{"type": "Person", "name": "n"}], "colums": 1})")
                  .find("unknown field 'colums'"),
              std::string::npos);
    EXPECT_NE(
        mappingError(R"({"entities": [{"type": "Person", "name": {"column": "a", "value": "b"}}]})")
            .find("either 'column' or 'value'"),
        std::string::npos);
}

TEST(CsvReader, TheCsvFormatAsksForAMapping) {
    EXPECT_THROW(cg::ingest::makeReader("csv", schema()), cg::InputError);
}

TEST(CsvReader, IngestsIntoTheStoreMatchingDescribedEntities) {
    cg::testing::ScratchStore s;
    auto summary = s.ingest(cg::testing::dataFile("csv/registry.csv"), "csv",
                            cg::testing::dataFile("csv/registry.mapping.json"));
    EXPECT_EQ(summary.accepted, 33 - summary.duplicates);
    EXPECT_EQ(summary.rejected, 5);
    // Teodor is a director in one row and a holder in another: one person.
    auto people = s.store().entities({"Person"}, "teodor quillfeather", 0);
    EXPECT_EQ(people.size(), 1u);
    // Aurelian, keyed by its number as a company and found by the same number as a holder.
    auto aurelian = s.store().entityByKey("nv-cro:NV-100231");
    ASSERT_TRUE(aurelian);
    EXPECT_EQ(s.store().entities({"Company"}, "aurelian holdings", 0).size(), 1u);
}
