// SPDX-License-Identifier: MIT
#include "ingest/format_detection.hpp"

#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "ingest/ingest.hpp"
#include "tests/ingest/reader_sink.hpp"

using cg::ingest::detectFormat;
using cg::ingest::formatOfContent;

TEST(FormatDetection, TellsEachFormatByItsFirstRecord) {
    EXPECT_EQ(formatOfContent(R"({"id": "x", "schema": "Person", "properties": {"name": ["A"]}})"),
              "ftm");
    EXPECT_EQ(
        formatOfContent("[\n {\"statementID\": \"s\", \"statementType\": \"entityStatement\"}\n]"),
        "bods");
    EXPECT_EQ(
        formatOfContent(
            R"({"statementId": "s", "recordId": "r", "recordType": "entity", "recordDetails": {}})"),
        "bods");
    EXPECT_EQ(
        formatOfContent(
            R"({"company_number": "1", "data": {"kind": "individual-person-with-significant-control"}})"),
        "psc");
    EXPECT_EQ(formatOfContent(R"({"source": {"id": "s1"}})"), "claims");
    EXPECT_EQ(
        formatOfContent(
            R"({"id": "c", "source": "s1", "subject": {"id": "e"}, "property": "alias", "value": "A"})"),
        "claims");
    EXPECT_EQ(formatOfContent(
                  "node_id,name,countries,country_codes,sourceID,valid_until,note\n1,A,,,,,\n"),
              "icij");
    EXPECT_EQ(formatOfContent(
                  "node_id_start,node_id_end,rel_type,link,status,start_date,end_date,sourceID\n"),
              "icij");
}

TEST(FormatDetection, SaysNothingWhenTheContentIsAmbiguousOrUnknown) {
    EXPECT_EQ(formatOfContent(""), "");
    EXPECT_EQ(formatOfContent("  \n"), "");
    EXPECT_EQ(formatOfContent("name,country\nA,GB\n"), "");
    EXPECT_EQ(formatOfContent(R"({"hello": "world"})"), "");
    EXPECT_EQ(formatOfContent("{\"id\": \"x\", \"schema\": \"Pers"),
              "");  // cut before the record ends
}

TEST(FormatDetection, TellsAJsonArrayOfClaims) {
    // Issue 21: the claims format takes a JSON array too (it was JSON Lines only).
    EXPECT_EQ(formatOfContent(R"([{"source": {"id": "s1"}}])"), "claims");
}

TEST(FormatDetection, SkipsABrokenFirstLine) {
    EXPECT_EQ(
        formatOfContent("{broken\n{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {}}\n"),
        "ftm");
}

TEST(FormatDetection, DetectsEveryTestFileOfItsOwn) {
    using cg::testing::dataFile;
    EXPECT_EQ(detectFormat(dataFile("ftm/small.ftm.jsonl")), "ftm");
    EXPECT_EQ(detectFormat(dataFile("bods/update.bods-0.3.json")), "bods");
    EXPECT_EQ(detectFormat(dataFile("bods/records.bods-0.4.jsonl")), "bods");
    EXPECT_EQ(detectFormat(dataFile("psc/snapshot.psc.jsonl")), "psc");
    EXPECT_EQ(detectFormat(dataFile("icij/nodes-entities.csv")), "icij");
    EXPECT_EQ(detectFormat(dataFile("icij/relationships.csv")), "icij");
}

TEST(FormatDetection, AsksForAMappingForAnyOtherCsv) {
    try {
        detectFormat(cg::testing::dataFile("csv/registry.csv"));
        FAIL() << "no error";
    } catch (const cg::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("give --mapping FILE"), std::string::npos) << e.what();
    }
}

TEST(FormatDetection, AsksForTheFormatWhenNeitherContentNorNameTells) {
    cg::testing::ScratchStore s;
    std::string path = s.write("mystery.json", R"({"hello": "world"})");
    try {
        detectFormat(path);
        FAIL() << "no error";
    } catch (const cg::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("give --format"), std::string::npos) << e.what();
    }
}

TEST(FormatDetection, DetectsTheSharedFixtures) {
    using cg::testing::sharedFixture;
    std::string ftm = sharedFixture("ftm/opensanctions-zala.entities.ftm.json");
    if (ftm.empty()) GTEST_SKIP() << "../shared/fixtures is absent";
    EXPECT_EQ(detectFormat(ftm), "ftm");
    EXPECT_EQ(detectFormat(sharedFixture("ftm/nomenklatura-donations.ijson")), "ftm");
    EXPECT_EQ(detectFormat(sharedFixture("bods/2-single-update.bods-0.3.json")), "bods");
    EXPECT_EQ(detectFormat(sharedFixture("bods/multiple-indirect-ownership.bods-0.4.json")),
              "bods");
    EXPECT_EQ(detectFormat(sharedFixture("uk-psc/psc-data-1.json")), "psc");
    EXPECT_EQ(detectFormat(sharedFixture("uk-psc/psc-data-8.json")), "psc");
}

TEST(FormatDetection, AutoIngestUsesTheDetectedReader) {
    cg::testing::ScratchStore s;
    auto summary = s.ingest(cg::testing::dataFile("psc/snapshot.psc.jsonl"), "auto");
    EXPECT_EQ(summary.format, "psc");
    EXPECT_EQ(summary.rejected, 7);
    auto csv = s.ingest(cg::testing::dataFile("csv/registry.csv"), "auto",
                        cg::testing::dataFile("csv/registry.mapping.json"));
    EXPECT_EQ(csv.format, "csv");
}
