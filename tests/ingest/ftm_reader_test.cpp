// SPDX-License-Identifier: MIT
#include "ingest/ftm_reader.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/ingest/reader_sink.hpp"

using cg::graph::Claim;
using cg::ingest::FtmReader;
using cg::testing::ReaderSink;

namespace {

const cg::graph::Schema& schema() {
    static const cg::graph::Schema s = cg::graph::Schema::defaults();
    return s;
}

ReaderSink readSmall() {
    FtmReader reader(schema());
    return cg::testing::readFile(reader, cg::testing::dataFile("ftm/small.ftm.jsonl"));
}

}  // namespace

TEST(FtmReader, DeclaresOneSourcePerFile) {
    auto sink = readSmall();
    ASSERT_EQ(sink.sources.size(), 1u);
    EXPECT_EQ(sink.sources[0].key, "ftm:small");
    EXPECT_EQ(sink.sources[0].kind, "list");
    for (const auto& c : sink.claims) EXPECT_EQ(c.sourceKey, "ftm:small");
}

TEST(FtmReader, TurnsEntityPropertiesIntoClaimsAboutOneKeyedEntity) {
    auto sink = readSmall();
    const Claim* name = sink.find("ftm:p-vantongeren:name:Marisol Vantongeren");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->kind, Claim::Kind::Property);
    EXPECT_EQ(name->subject.key, "ftm:p-vantongeren");
    EXPECT_EQ(name->subject.type, "Person");
    EXPECT_EQ(name->value, "Marisol Vantongeren");
    EXPECT_EQ(name->line, 1);
    // The caption's name comes first and carries the whole record; the others an excerpt.
    EXPECT_EQ(sink.claims.front().key, name->key);
    EXPECT_NE(name->raw.find("\"datasets\""), std::string::npos);
    const Claim* birth = sink.find("ftm:p-vantongeren:birthDate:1971-03");
    ASSERT_NE(birth, nullptr);
    EXPECT_EQ(birth->property, "birth_date");
    EXPECT_EQ(birth->value, "1971-03");
    EXPECT_EQ(birth->raw.find("\"datasets\""), std::string::npos);
    EXPECT_NE(birth->raw.find("1971-03"), std::string::npos);
    const Claim* country = sink.find("ftm:p-vantongeren:country:nv");
    ASSERT_NE(country, nullptr);
    EXPECT_EQ(country->value, "NV");
    const Claim* alias = sink.find("ftm:p-vantongeren:alias:Marisol V. Tongeren");
    ASSERT_NE(alias, nullptr);
    EXPECT_EQ(alias->property, "alias");
    const Claim* topic = sink.find("ftm:p-vantongeren:topics:role.pep");
    ASSERT_NE(topic, nullptr);
    EXPECT_EQ(topic->property, "topic");
}

TEST(FtmReader, QualifiesNationalIdentifiersWithTheJurisdiction) {
    auto sink = readSmall();
    const Claim* reg = sink.find("ftm:c-aurelian:registrationNumber:NV-100231");
    ASSERT_NE(reg, nullptr);
    EXPECT_EQ(reg->property, "identification");
    ASSERT_EQ(reg->subject.identifiers.size(), 1u);
    EXPECT_EQ(reg->subject.identifiers[0].first, "nv-registration-number");
    EXPECT_EQ(reg->subject.identifiers[0].second, "NV-100231");
    const Claim* lei = sink.find("ftm:c-aurelian:leiCode:5299000AURELIAN00001");
    ASSERT_NE(lei, nullptr);
    EXPECT_EQ(lei->subject.identifiers[0].first, "xi-lei");
}

TEST(FtmReader, LegalEntityOfUnknownKindKeepsNoType) {
    auto sink = readSmall();
    const Claim* c = sink.find("ftm:le-foundation:name:Vantongeren Family Foundation");
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->subject.type.empty());
    EXPECT_EQ(c->subject.name, "Vantongeren Family Foundation");
}

TEST(FtmReader, AddressEntityBecomesAPlaceTheEntityIsLocatedIn) {
    auto sink = readSmall();
    const Claim* at = sink.find("ftm:p-vantongeren:addressEntity:addr-larkspur");
    ASSERT_NE(at, nullptr);
    EXPECT_EQ(at->relation, "located_in");
    EXPECT_EQ(at->object.key, "ftm:addr-larkspur");
    const Claim* place =
        sink.find("ftm:addr-larkspur:full:Suite 4B, 17 Larkspur Quay, Port Veradine");
    ASSERT_NE(place, nullptr);
    EXPECT_EQ(place->subject.type, "Place");
    EXPECT_EQ(place->property, "name");
}

TEST(FtmReader, KeepsParallelOwnershipsApartByEdgeId) {
    auto sink = readSmall();
    const Claim* a = sink.find("ftm:own-1");
    const Claim* b = sink.find("ftm:own-2");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->relation, "owns");
    EXPECT_EQ(a->subject.key, "ftm:p-vantongeren");
    EXPECT_EQ(a->object.key, "ftm:c-aurelian");
    EXPECT_NE(a->relationKey, b->relationKey);
    ASSERT_TRUE(a->share);
    EXPECT_EQ(a->share->min, 50);
    EXPECT_EQ(a->share->max, 50);
    EXPECT_EQ(a->validFrom->text(), "2012-01-01");
    EXPECT_EQ(a->validTo->text(), "2015-06-30");
    ASSERT_TRUE(b->share);
    EXPECT_EQ(b->share->min, 85);
    EXPECT_FALSE(b->validTo);
    EXPECT_EQ(b->attributesJson, R"({"share":85,"shares_count":850})");
    const Claim* role = sink.find("ftm:own-3");
    ASSERT_NE(role, nullptr);
    EXPECT_EQ(role->attributesJson, R"({"role":"subsidiary of"})");
    EXPECT_FALSE(role->share);
}

TEST(FtmReader, MapsEdgeSchemataToRelations) {
    auto sink = readSmall();
    EXPECT_EQ(sink.find("ftm:dir-1")->relation, "director_of");
    EXPECT_EQ(sink.find("ftm:dir-1")->attributesJson, R"({"role":"Director"})");
    EXPECT_EQ(sink.find("ftm:fam-1")->relation, "family_of");
    EXPECT_EQ(sink.find("ftm:fam-1")->attributesJson, R"({"relationship":"sister"})");
    const Claim* pay = sink.find("ftm:pay-1");
    ASSERT_NE(pay, nullptr);
    EXPECT_EQ(pay->relation, "paid");
    EXPECT_EQ(pay->attributesJson, R"({"amount":100000,"currency":"EUR","purpose":"donation"})");
    EXPECT_EQ(pay->validFrom->text(), "2016-12-29");
    EXPECT_EQ(pay->validTo->text(), "2016-12-29");
}

TEST(FtmReader, SanctionBecomesAPropertyOfTheSanctionedEntity) {
    auto sink = readSmall();
    const Claim* s = sink.find("ftm:san-1");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->property, "sanction");
    EXPECT_EQ(s->subject.key, "ftm:p-vantongeren");
    EXPECT_EQ(s->value, "Norvania Treasury - NV-ANTICORRUPTION");
    EXPECT_EQ(s->validFrom->text(), "2020-05-01");
}

TEST(FtmReader, RejectsInvalidJsonAtItsLine) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(13, "invalid JSON"), nullptr);
}

TEST(FtmReader, RejectsAnEntityWithoutId) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(14, "no 'id'"), nullptr);
}

TEST(FtmReader, RejectsAnUnmappedSchemaNamingTheMappedOnes) {
    auto sink = readSmall();
    const auto* r = sink.rejection(15, "FtM schema 'Note' is not mapped");
    ASSERT_NE(r, nullptr);
    EXPECT_NE(r->reason.find("Ownership"), std::string::npos);
    EXPECT_NE(r->raw.find("note-1"), std::string::npos);
}

TEST(FtmReader, RejectsABadValueButKeepsTheRestOfTheEntity) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(16, "birthDate"), nullptr);
    EXPECT_NE(sink.rejection(16, "'Norvania' is not an ISO 3166"), nullptr);
    EXPECT_NE(sink.find("ftm:p-baddate:name:Teodor Quillfeather"), nullptr);
}

TEST(FtmReader, RejectsAnEdgeWithoutOneEnd) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(17, "has no 'owner'"), nullptr);
}

TEST(FtmReader, RejectsAnEdgeThatEndsBeforeItStarts) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(18, "is after endDate"), nullptr);
}

TEST(FtmReader, RejectsAnEntityWithNothingToClaim) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(19, "no name and no property"), nullptr);
}

TEST(FtmReader, RejectsRecordsOfTheWrongShape) {
    auto sink = readSmall();
    EXPECT_NE(sink.rejection(20, "must be a JSON object"), nullptr);
    EXPECT_NE(sink.rejection(21, "'properties' must be an object"), nullptr);
}

TEST(FtmReader, CountsAddUp) {
    auto sink = readSmall();
    EXPECT_EQ(sink.claims.size(), 25u);
    EXPECT_EQ(sink.rejections.size(), 10u);
    std::set<std::string> keys;
    for (const auto& c : sink.claims)
        EXPECT_TRUE(keys.insert(c.key).second) << "duplicate key " << c.key;
}

TEST(FtmReader, ReadsAJsonArrayOfEntitiesWithLineNumbers) {
    FtmReader reader(schema());
    auto sink = cg::testing::readText(
        reader,
        "[\n"
        "  {\"id\": \"a\", \"schema\": \"Person\",\n"
        "   \"properties\": {\"name\": [\"Ann\"]}},\n"
        "  {\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Bo\"], "
        "\"birthDate\": [\"x\"]}},\n"
        "  {\"id\": \"c\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Cy\"]}\n"
        "]\n");
    ASSERT_NE(sink.find("ftm:a:name:Ann"), nullptr);
    EXPECT_EQ(sink.find("ftm:a:name:Ann")->line, 2);
    EXPECT_NE(sink.rejection(4, "birthDate of FtM Person 'b'"), nullptr);
    EXPECT_FALSE(sink.rejections.empty());
}

TEST(FtmReader, SameRecordReadTwiceGivesTheSameClaims) {
    FtmReader reader(schema());
    std::string line =
        R"({"id": "x", "schema": "Company", "properties": {"name": ["X Ltd"], "country": ["gb"]}})";
    // Another file (so another source) and another line: still the same claims.
    auto one = cg::testing::readText(reader, line + "\n", "one.json");
    auto two = cg::testing::readText(reader, "\n\n" + line + "\n", "two.json");
    ASSERT_EQ(one.claims.size(), two.claims.size());
    for (std::size_t i = 0; i < one.claims.size(); ++i) {
        EXPECT_EQ(one.claims[i].key, two.claims[i].key);
        EXPECT_EQ(one.claims[i].contentHash, two.claims[i].contentHash);
    }
}

TEST(FtmReader, ReadsTheOpenSanctionsFixture) {
    std::string path = cg::testing::sharedFixture("ftm/opensanctions-zala.entities.ftm.json");
    if (path.empty()) GTEST_SKIP() << "../shared/fixtures/ftm is absent";
    FtmReader reader(schema());
    auto sink = cg::testing::readFile(reader, path);
    EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front().reason;
    // 14 Ownership, 3 Directorship, 4 Family records, one claim each.
    EXPECT_EQ(sink.count("owns"), 14u);
    EXPECT_EQ(sink.count("director_of"), 3u);
    EXPECT_EQ(sink.count("family_of"), 4u);
    EXPECT_EQ(sink.count("sanction"), 41u);
    // Parallel ownerships of one pair stay separate relations.
    std::set<std::string> relationKeys;
    for (const auto& c : sink.claims) {
        if (c.relation == "owns") relationKeys.insert(c.relationKey);
    }
    EXPECT_EQ(relationKeys.size(), 14u);
}

TEST(FtmReader, DanglingReferencesBecomeStubsInTheStore) {
    std::string path = cg::testing::sharedFixture("ftm/opensanctions-zala.entities.ftm.json");
    if (path.empty()) GTEST_SKIP() << "../shared/fixtures/ftm is absent";
    cg::testing::ScratchStore s;
    auto summary = s.ingest(path, "ftm");
    EXPECT_EQ(summary.rejected, 0);
    auto stats = s.store().stats();
    // The 16 addressEntity references to absent addr-... ids.
    EXPECT_EQ(stats.stubEntities, 16);
    auto stub = s.store().entityByKey("ftm:addr-bb65387b6e14a1dba2427e79358ba418377b9f28");
    ASSERT_TRUE(stub);
    EXPECT_TRUE(s.store().entity(*stub)->stub);
}

TEST(FtmReader, ReadsTheDonationsFixture) {
    std::string path = cg::testing::sharedFixture("ftm/nomenklatura-donations.ijson");
    if (path.empty()) GTEST_SKIP() << "../shared/fixtures/ftm is absent";
    FtmReader reader(schema());
    auto sink = cg::testing::readFile(reader, path);
    EXPECT_TRUE(sink.rejections.empty());
    EXPECT_EQ(sink.count("paid"), 290u);
    const Claim* pay = sink.find("ftm:2216b422a31242fe204654ce194864661f515921");
    ASSERT_NE(pay, nullptr);
    EXPECT_EQ(pay->subject.key, "ftm:f9c295f21b233ac878fbac4d271bb6fd13d7952a");
    EXPECT_NE(pay->attributesJson.find(R"("amount":100000,"currency":"EUR")"), std::string::npos);
}

TEST(FtmReader, RejectsAnEntityWithAKeyGivenTwiceAndAnythingAfterItsJson) {
    FtmReader reader(schema());
    std::string text =
        R"({"id": "a", "schema": "Person", "properties": {"name": ["A"]}, "schema": "Company"})"
        "\n" +
        std::string(R"({"id": "b", "schema": "Person", "properties": {"name": ["B"]}})"
                    "\0junk",
                    67) +
        "\n"
        R"({"id": "c", "schema": "Person", "properties": {"name": ["C"]}})"
        "\n";
    auto sink = cg::testing::readText(reader, text);
    EXPECT_NE(sink.rejection(1, "duplicate key 'schema'"), nullptr);
    EXPECT_NE(sink.rejection(2, "invalid JSON: a NUL byte after the end of the value"), nullptr);
    EXPECT_EQ(sink.rejections.size(), 2u);
}
