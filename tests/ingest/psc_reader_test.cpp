// SPDX-License-Identifier: MIT
#include "ingest/psc_reader.hpp"

#include <gtest/gtest.h>

#include "tests/ingest/reader_sink.hpp"

using cg::graph::Claim;
using cg::ingest::PscReader;
using cg::testing::ReaderSink;

namespace {

const cg::graph::Schema& schema() {
    static const cg::graph::Schema s = cg::graph::Schema::defaults();
    return s;
}

ReaderSink readSnapshot() {
    PscReader reader(schema());
    return cg::testing::readFile(reader, cg::testing::dataFile("psc/snapshot.psc.jsonl"));
}

}  // namespace

TEST(PscReader, DatesTheSourceFromTheTotalsLine) {
    auto sink = readSnapshot();
    ASSERT_EQ(sink.sources.size(), 2u);
    EXPECT_EQ(sink.sources[0].key, "gb-psc:snapshot.psc");
    EXPECT_EQ(sink.sources[0].publisher, "Companies House");
    EXPECT_TRUE(sink.sources[0].published.empty());
    EXPECT_EQ(sink.sources[1].key, "gb-psc:snapshot.psc");
    EXPECT_EQ(sink.sources[1].published, "2024-11-22");
}

TEST(PscReader, ReadsAnIndividualWithTitleBirthMonthAndResidence) {
    auto sink = readSnapshot();
    const Claim* name = sink.find("gb-psc:PSC-IND-1:name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->subject.type, "Person");
    EXPECT_EQ(name->value, "Ms Marisol Vantongeren");
    EXPECT_EQ(sink.find("gb-psc:PSC-IND-1:title")->value, "Ms");
    EXPECT_EQ(sink.find("gb-psc:PSC-IND-1:date_of_birth")->value, "1971-03");
    EXPECT_EQ(sink.find("gb-psc:PSC-IND-1:country_of_residence")->value, "GB");
    // A nationality that names no country is kept as a note, not dropped or guessed.
    const Claim* nationality = sink.find("gb-psc:PSC-IND-1:nationality");
    EXPECT_EQ(nationality->property, "note");
    EXPECT_EQ(nationality->value, "nationality: Norvanian");
    EXPECT_EQ(sink.find("gb-psc:PSC-IND-1:address")->value,
              "17, Larkspur Quay, Port Veradine, Norvania");
}

TEST(PscReader, MapsBandsToShareIntervalsAndDates) {
    auto sink = readSnapshot();
    const Claim* shares =
        sink.find("gb-psc:PSC-IND-1:ownership-of-shares-25-to-50-percent-as-trust");
    ASSERT_NE(shares, nullptr);
    EXPECT_EQ(shares->relation, "owns");
    EXPECT_EQ(shares->subject.key, "gb-psc:PSC-IND-1");
    EXPECT_EQ(shares->object.key, "gb-coh:09000001");
    EXPECT_EQ(shares->share->min, 25);
    EXPECT_TRUE(shares->share->minExclusive);
    EXPECT_EQ(shares->share->max, 50);
    EXPECT_FALSE(shares->share->maxExclusive);
    EXPECT_EQ(shares->validFrom->text(), "2016-04-06");
    EXPECT_EQ(shares->validTo->text(), "2019-12-31");
    EXPECT_NE(shares->attributesJson.find(R"x("interest":"ownership-of-shares (as-trust)")x"),
              std::string::npos);
    const Claim* votes = sink.find("gb-psc:PSC-IND-1:voting-rights-50-to-75-percent");
    EXPECT_EQ(votes->relation, "controls");
    EXPECT_TRUE(votes->share->maxExclusive);
    const Claim* influence = sink.find("gb-psc:PSC-IND-1:significant-influence-or-control");
    EXPECT_EQ(influence->relation, "controls");
    EXPECT_FALSE(influence->share);
    const Claim* whole = sink.find("gb-psc:PSC-CORP-1:ownership-of-shares-75-to-100-percent");
    EXPECT_EQ(whole->share->min, 75);
    EXPECT_FALSE(whole->share->minExclusive);
    EXPECT_EQ(whole->share->max, 100);
}

TEST(PscReader, KeysAUkCorporateOwnerByItsCompanyNumber) {
    auto sink = readSnapshot();
    const Claim* owns = sink.find("gb-psc:PSC-CORP-1:ownership-of-shares-75-to-100-percent");
    ASSERT_NE(owns, nullptr);
    EXPECT_EQ(owns->subject.key, "gb-coh:03530981");
    const Claim* id = sink.find("gb-psc:PSC-CORP-1:identification");
    ASSERT_NE(id, nullptr);
    EXPECT_EQ(id->subject.type, "Company");
    EXPECT_EQ(id->subject.identifiers.at(0).second, "03530981");
    // ...so the company's own PSC record continues the chain.
    const Claim* parent = sink.find(
        "gb-psc:PSC-CORP-2:ownership-of-shares-more-than-25-percent-registered-overseas-entity");
    ASSERT_NE(parent, nullptr);
    EXPECT_EQ(parent->object.key, "gb-coh:03530981");
    EXPECT_EQ(parent->subject.key, "gb-psc:PSC-CORP-2");
    EXPECT_TRUE(parent->share->minExclusive);
    EXPECT_EQ(sink.find("gb-psc:PSC-CORP-2:identification")->subject.identifiers.at(0).first,
              "registration-number");
}

TEST(PscReader, ALegalPersonIsAnOrganization) {
    auto sink = readSnapshot();
    EXPECT_EQ(sink.find("gb-psc:PSC-LEGAL-1:name")->subject.type, "Organization");
    EXPECT_EQ(sink.find("gb-psc:PSC-LEGAL-1:right-to-appoint-and-remove-directors")->relation,
              "controls");
}

TEST(PscReader, ASuperSecurePersonIsAnUnnamedPerson) {
    auto sink = readSnapshot();
    const Claim* note = sink.find("gb-psc:PSC-SECURE-1:note");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->subject.type, "Person");
    EXPECT_TRUE(note->subject.name.empty());
    EXPECT_EQ(sink.find("gb-psc:PSC-SECURE-1:control")->relation, "controls");
}

TEST(PscReader, KeepsStatementsAndExemptionsAsPropertiesOfTheCompany) {
    auto sink = readSnapshot();
    const Claim* st = sink.find("gb-coh:09000002:statement:STMT-1");
    ASSERT_NE(st, nullptr);
    EXPECT_EQ(st->property, "control_statement");
    EXPECT_EQ(st->subject.key, "gb-coh:09000002");
    EXPECT_EQ(st->value, "no-individual-or-entity-with-signficant-control");
    EXPECT_EQ(st->validTo->text(), "2021-12-13");
    const Claim* ex =
        sink.find("gb-coh:09000003:exemption:psc-exempt-as-shares-admitted-on-market:0");
    ASSERT_NE(ex, nullptr);
    EXPECT_EQ(ex->value, "exemption: psc-exempt-as-shares-admitted-on-market");
    EXPECT_EQ(ex->validFrom->text(), "2016-06-30");
    EXPECT_EQ(sink.count("name"), 5u);  // no person made out of a statement
}

TEST(PscReader, RejectsInvalidJson) {
    EXPECT_NE(readSnapshot().rejection(8, "invalid JSON"), nullptr);
}

TEST(PscReader, RejectsARecordWithoutData) {
    EXPECT_NE(readSnapshot().rejection(9, "no 'data'"), nullptr);
}

TEST(PscReader, RejectsAnUnknownKind) {
    EXPECT_NE(readSnapshot().rejection(10, "unknown PSC kind 'martian-with-significant-control'"),
              nullptr);
}

TEST(PscReader, RejectsARecordWithoutCompanyNumber) {
    EXPECT_NE(readSnapshot().rejection(11, "no 'company_number'"), nullptr);
}

TEST(PscReader, RejectsAnImpossibleDate) {
    EXPECT_NE(readSnapshot().rejection(12, "notified_on '2016-02-30'"), nullptr);
}

TEST(PscReader, RejectsAnUnknownNatureAndKeepsTheKnownOnes) {
    auto sink = readSnapshot();
    EXPECT_NE(
        sink.rejection(13, "unknown nature of control 'ownership-of-goodwill-10-to-20-percent'"),
        nullptr);
    EXPECT_NE(sink.find("gb-psc:PSC-ODD-NATURE:voting-rights-25-to-50-percent"), nullptr);
}

TEST(PscReader, RejectsControlCeasedBeforeItWasNotified) {
    EXPECT_NE(readSnapshot().rejection(14, "is after ceased_on"), nullptr);
}

TEST(PscReader, CountsAddUp) {
    auto sink = readSnapshot();
    EXPECT_EQ(sink.claims.size(), 29u);
    EXPECT_EQ(sink.rejections.size(), 7u);
}

TEST(PscReader, ReadsTheSnapshotFixturesWrappedInAnArray) {
    std::string one = cg::testing::sharedFixture("uk-psc/psc-data-1.json");
    std::string eight = cg::testing::sharedFixture("uk-psc/psc-data-8.json");
    if (one.empty() || eight.empty()) GTEST_SKIP() << "../shared/fixtures/uk-psc is absent";
    PscReader reader(schema());
    auto a = cg::testing::readFile(reader, one);
    EXPECT_TRUE(a.rejections.empty());
    const Claim* feldman =
        a.find("gb-psc:FReSTxwXcJbAHBrerDpmTylkW48:ownership-of-shares-75-to-100-percent");
    ASSERT_NE(feldman, nullptr);
    EXPECT_EQ(feldman->object.key, "gb-coh:08209948");
    EXPECT_EQ(feldman->line, 2);
    const Claim* statement = a.find("gb-coh:08209948:statement:Z1EPZ-AyS_CpOQyqHfFzyRcbkdg");
    ASSERT_NE(statement, nullptr);
    EXPECT_EQ(statement->validTo->text(), "2021-12-13");
    EXPECT_EQ(a.sources.back().published, "2024-11-22");

    auto b = cg::testing::readFile(reader, eight);
    EXPECT_TRUE(b.rejections.empty());
    const Claim* corporate =
        b.find("gb-psc:m5XNR_-nKtmMDh9BkcfpD7Pzkic:ownership-of-shares-75-to-100-percent");
    ASSERT_NE(corporate, nullptr);
    EXPECT_EQ(corporate->subject.key, "gb-coh:03530981");
    EXPECT_EQ(corporate->object.key, "gb-coh:04120481");
    EXPECT_EQ(b.count("owns"), 3u);
    EXPECT_EQ(b.count("controls"), 3u);
}
