// SPDX-License-Identifier: MIT
#include "ingest/icij_reader.hpp"

#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "tests/ingest/reader_sink.hpp"

using cg::graph::Claim;
using cg::ingest::IcijReader;
using cg::testing::ReaderSink;

namespace {

const cg::graph::Schema& schema() {
    static const cg::graph::Schema s = cg::graph::Schema::defaults();
    return s;
}

ReaderSink readData(const std::string& name) {
    IcijReader reader(schema());
    return cg::testing::readFile(reader, cg::testing::dataFile("icij/" + name));
}

}  // namespace

TEST(IcijReader, MakesEachLeakItsOwnSource) {
    auto sink = readData("relationships.csv");
    ASSERT_EQ(sink.sources.size(), 2u);
    EXPECT_EQ(sink.sources[0].key, "icij:lantern-papers");
    EXPECT_EQ(sink.sources[0].kind, "leak");
    EXPECT_EQ(sink.sources[1].key, "icij:offshore-leaks");
    EXPECT_EQ(sink.find("icij:12000001:same_name_as:12000002:same name as")->sourceKey,
              "icij:offshore-leaks");
}

TEST(IcijReader, ReadsAnEntityWithAQuotedLineBreakAndLooseDates) {
    auto sink = readData("nodes-entities.csv");
    const Claim* name = sink.find("icij:10000001:name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->subject.type, "Company");
    EXPECT_EQ(name->line, 2);
    EXPECT_EQ(sink.find("icij:10000001:address")->value,
              "Suite 4B, 17 Larkspur Quay\nPort Veradine");
    EXPECT_EQ(sink.find("icij:10000001:incorporation_date")->value, "2006-03-23");
    EXPECT_EQ(sink.find("icij:10000001:struck_off_date")->property, "dissolution_date");
    EXPECT_EQ(sink.find("icij:10000001:struck_off_date")->value, "2015-06-15");
    EXPECT_EQ(sink.find("icij:10000001:jurisdiction")->value, "VG");
    EXPECT_EQ(sink.find("icij:10000001:country:VGB")->value, "VG");
    EXPECT_EQ(sink.find("icij:10000001:country:HKG")->value, "HK");
    EXPECT_EQ(sink.find("icij:10000001:former_name:Aurelian Ventures Ltd.")->property, "alias");
    EXPECT_EQ(sink.find("icij:10000001:ibcRUC")->subject.identifiers.at(0).second, "25221");
}

TEST(IcijReader, KeepsOnlyTheYearOfAnAmbiguousDate) {
    auto sink = readData("nodes-entities.csv");
    EXPECT_EQ(sink.find("icij:10000002:incorporation_date")->value, "2009");
    EXPECT_EQ(sink.find("icij:10000002:name")->subject.type, "Organization");  // a trust
    EXPECT_EQ(sink.find("icij:10000002:note")->value, "said to be \"dormant\"");
}

TEST(IcijReader, KeepsAnUnknownJurisdictionAsANote) {
    auto sink = readData("nodes-entities.csv");
    const Claim* j = sink.find("icij:10000003:jurisdiction");
    ASSERT_NE(j, nullptr);
    EXPECT_EQ(j->property, "note");
    EXPECT_EQ(j->value, "jurisdiction: Norvania (XXX)");
    EXPECT_EQ(sink.find("icij:10000003:name")->value, "Opaline \"Bay\" Resorts");
}

TEST(IcijReader, RejectsAnImpossibleDateAndKeepsTheRestOfTheNode) {
    auto sink = readData("nodes-entities.csv");
    EXPECT_NE(sink.rejection(5, "incorporation_date: '31/02/2010'"), nullptr);
    EXPECT_NE(sink.find("icij:10000003:status"), nullptr);
}

TEST(IcijReader, RejectsARowWithoutNodeId) {
    EXPECT_NE(readData("nodes-entities.csv").rejection(6, "no node_id"), nullptr);
}

TEST(IcijReader, RejectsARowWithTheWrongNumberOfFields) {
    auto sink = readData("nodes-entities.csv");
    EXPECT_NE(sink.rejection(7, "row has 5 fields, the nodes-entities header has 21"), nullptr);
    EXPECT_EQ(sink.claims.size(), 23u);
    EXPECT_EQ(sink.rejections.size(), 3u);
}

TEST(IcijReader, TypesOfficersHonestlyAsUnknown) {
    auto sink = readData("nodes-officers.csv");
    const Claim* name = sink.find("icij:12000001:name");
    ASSERT_NE(name, nullptr);
    EXPECT_TRUE(name->subject.type.empty());
    EXPECT_TRUE(sink.find("icij:12000003:name")->subject.type.empty());
    EXPECT_EQ(sink.find("icij:12000001:country:XNV")->value, "country: Norvania (XNV)");
}

TEST(IcijReader, RejectsAQuoteLeftOpenAtTheEnd) {
    auto sink = readData("nodes-officers.csv");
    EXPECT_NE(sink.rejection(5, "quote opened here is never closed"), nullptr);
    EXPECT_EQ(sink.claims.size(), 7u);
}

TEST(IcijReader, RejectsTextAfterAClosingQuote) {
    auto sink = readData("nodes-intermediaries.csv");
    EXPECT_NE(sink.rejection(3, "text after the closing quote of field 2"), nullptr);
    EXPECT_EQ(sink.find("icij:11000001:address")->value, "9 Harbour Row, Port Veradine");
}

TEST(IcijReader, AnAddressIsAPlaceNamedByItsText) {
    auto sink = readData("nodes-addresses.csv");
    const Claim* name = sink.find("icij:14000002:name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->subject.type, "Place");
    EXPECT_EQ(name->value, "17 Larkspur Quay, Port Veradine");
    EXPECT_EQ(sink.find("icij:14000002:alias:Larkspur House")->property, "alias");
    EXPECT_EQ(sink.claims.size(), 5u);
}

TEST(IcijReader, ReadsOtherNodesWithMonthNameDates) {
    auto sink = readData("nodes-others.csv");
    EXPECT_EQ(sink.find("icij:15000001:incorporation_date")->value, "2001-03-02");
    EXPECT_EQ(sink.find("icij:15000001:closed_date")->property, "dissolution_date");
    EXPECT_EQ(sink.find("icij:15000001:jurisdiction")->value, "PA");
    EXPECT_TRUE(sink.find("icij:15000001:name")->subject.type.empty());
}

TEST(IcijReader, MapsOfficerLinksToRelations) {
    auto sink = readData("relationships.csv");
    const Claim* owns = sink.find("icij:12000001:officer_of:10000001:shareholder of:2006-07-15");
    ASSERT_NE(owns, nullptr);
    EXPECT_EQ(owns->relation, "owns");
    EXPECT_FALSE(owns->share);
    const Claim* director =
        sink.find("icij:12000001:officer_of:10000001:director of:2006-07-15:2010-12-31");
    ASSERT_NE(director, nullptr);
    EXPECT_EQ(director->relation, "director_of");
    EXPECT_EQ(director->validTo->text(), "2010-12-31");
    EXPECT_EQ(sink.find("icij:12000003:officer_of:10000001:secretary of:2007")->relation,
              "officer_of");
    EXPECT_EQ(sink.find("icij:11000001:intermediary_of:10000001:intermediary of")->relation,
              "represents");
    EXPECT_EQ(sink.find("icij:10000001:registered_address:14000001:registered address")->relation,
              "registered_at");
    EXPECT_EQ(sink.find("icij:15000001:underlying:10000001:underlying")->relation, "linked_to");
}

TEST(IcijReader, TurnsSimilarityLinksIntoSuggestionsNotMerges) {
    auto sink = readData("relationships.csv");
    const Claim* same = sink.find("icij:12000001:same_name_as:12000002:same name as");
    ASSERT_NE(same, nullptr);
    EXPECT_EQ(same->kind, Claim::Kind::Property);
    EXPECT_EQ(same->property, "possible_duplicate");
    EXPECT_EQ(same->subject.key, "icij:12000001");
    EXPECT_EQ(same->value, "icij:12000002");
    EXPECT_EQ(sink.count("possible_duplicate"), 2u);
}

TEST(IcijReader, RejectsBadRelationshipRows) {
    auto sink = readData("relationships.csv");
    EXPECT_NE(sink.rejection(10, "start_date: 'sometime in 2006'"), nullptr);
    EXPECT_NE(sink.rejection(11, "is after end_date"), nullptr);
    EXPECT_NE(sink.rejection(12, "needs node_id_start and node_id_end"), nullptr);
    EXPECT_NE(sink.rejection(13, "row has 3 fields"), nullptr);
    EXPECT_EQ(sink.claims.size(), 8u);
    EXPECT_EQ(sink.rejections.size(), 4u);
}

TEST(IcijReader, RefusesAFileThatIsNotOneOfIcijs) {
    IcijReader reader(schema());
    EXPECT_THROW(cg::testing::readText(reader, "a,b,c\n1,2,3\n", "x.csv"), cg::InputError);
}

TEST(IcijReader, SuggestionsNeverMergeInTheStore) {
    cg::testing::ScratchStore s;
    for (const char* f : {"nodes-officers.csv", "relationships.csv"})
        s.ingest(cg::testing::dataFile(std::string("icij/") + f), "icij");
    auto a = s.store().entityByKey("icij:12000001");
    auto b = s.store().entityByKey("icij:12000002");
    ASSERT_TRUE(a && b);
    EXPECT_NE(s.store().canonical(*a), s.store().canonical(*b));
}

TEST(IcijReader, KnowsEveryHeaderIcijPublishes) {
    std::string notes = cg::testing::sharedFixture("icij-offshoreleaks/SOURCES.md");
    if (notes.empty()) GTEST_SKIP() << "../shared/fixtures/icij-offshoreleaks is absent";
    std::ifstream in(notes);
    std::string line;
    int headers = 0;
    IcijReader reader(schema());
    while (std::getline(in, line)) {
        // Lines such as "- nodes-officers.csv: node_id,name,countries,..."
        auto colon = line.find(".csv: ");
        if (line.rfind("- ", 0) != 0 || colon == std::string::npos) continue;
        std::string file = line.substr(2, colon + 4 - 2);
        std::string header = line.substr(colon + 6);
        std::string row = "1";
        for (char c : header) row += c == ',' ? "," : "";
        ++headers;
        EXPECT_NO_THROW(cg::testing::readText(reader, header + "\n" + row + "\n", file)) << file;
        auto sink = cg::testing::readText(reader, header + "\n", file);
        EXPECT_TRUE(sink.rejections.empty()) << file;
    }
    EXPECT_EQ(headers, 5);
}
