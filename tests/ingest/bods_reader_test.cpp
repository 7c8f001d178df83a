// SPDX-License-Identifier: MIT
#include "ingest/bods_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/ingest/reader_sink.hpp"

using cg::graph::Claim;
using cg::ingest::BodsReader;
using cg::testing::ReaderSink;

namespace {

const cg::graph::Schema& schema() {
    static const cg::graph::Schema s = cg::graph::Schema::defaults();
    return s;
}

ReaderSink readData(const std::string& name) {
    BodsReader reader(schema());
    return cg::testing::readFile(reader, cg::testing::dataFile("bods/" + name));
}

// A stream that cannot seek, like a pipe.
class PipeBuf : public std::stringbuf {
  public:
    using std::stringbuf::stringbuf;

  protected:
    pos_type seekoff(off_type, std::ios_base::seekdir, std::ios_base::openmode) override {
        return pos_type(-1);
    }
    pos_type seekpos(pos_type, std::ios_base::openmode) override { return pos_type(-1); }
};

}  // namespace

TEST(BodsReader, DeclaresTheFileAsARegistrySourceWithItsPublisher) {
    auto sink = readData("update.bods-0.3.json");
    ASSERT_EQ(sink.sources.size(), 1u);
    EXPECT_EQ(sink.sources[0].key, "bods:update.bods-0.3");
    EXPECT_EQ(sink.sources[0].kind, "registry");
    EXPECT_EQ(sink.sources[0].publisher, "Norvania Companies Office (fictional)");
    EXPECT_EQ(sink.sources[0].published, "2017-02-01");
    EXPECT_EQ(sink.sources[0].licence, "CC0-1.0");
}

TEST(BodsReader, KeysAnEntityByItsRegisterIdentifier) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* name = sink.find("bods:e-1:name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->subject.key, "nv-cro:NV-100512");
    EXPECT_EQ(name->subject.type, "Company");
    EXPECT_EQ(name->value, "Selmira Investments Ltd");
    const Claim* id = sink.find("bods:e-1:identifier:nv-cro:NV-100512");
    ASSERT_NE(id, nullptr);
    EXPECT_EQ(id->subject.identifiers.at(0).first, "nv-cro");
    EXPECT_EQ(sink.find("bods:e-1:jurisdiction:NV")->value, "NV");
}

TEST(BodsReader, AReplacingEntityStatementDescribesTheSameEntity) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* renamed = sink.find("bods:e-2:name");
    ASSERT_NE(renamed, nullptr);
    EXPECT_EQ(renamed->subject.key, "nv-cro:NV-100512");
    EXPECT_EQ(renamed->value, "Selmira Holdings Ltd");
    // The replaced statement's values held until the replacement.
    EXPECT_EQ(sink.find("bods:e-1:name")->validTo->text(), "2018-03-01");
    EXPECT_FALSE(renamed->validTo);
}

TEST(BodsReader, ReadsAPersonWithTheIndividualNameFirst) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* name = sink.find("bods:p-1:name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->subject.key, "bods:p-1");
    EXPECT_EQ(name->subject.type, "Person");
    EXPECT_EQ(name->value, "Casimir Ondrejka-Vale");
    EXPECT_NE(sink.find("bods:p-1:alias:C. Ondrejka-Vale"), nullptr);
    EXPECT_EQ(sink.find("bods:p-1:birthDate")->value, "1966-09");
    EXPECT_EQ(sink.find("bods:p-1:nationality:NV")->value, "NV");
    EXPECT_EQ(sink.count("address"), 1u);
}

TEST(BodsReader, MarksAStatementReplacedLaterInTheFileAsSuperseded) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* old = sink.find("bods:s-1");
    ASSERT_NE(old, nullptr);
    EXPECT_EQ(old->relation, "owns");
    EXPECT_EQ(old->subject.key, "bods:p-1");
    EXPECT_EQ(old->object.key, "nv-cro:NV-100512");
    EXPECT_EQ(old->share->min, 100);
    EXPECT_EQ(old->validFrom->text(), "2016-04-06");
    EXPECT_EQ(old->validTo->text(), "2018-03-01");
    EXPECT_NE(old->attributesJson.find(R"("superseded_by":"bods:s-2")"), std::string::npos);
    const Claim* now = sink.find("bods:s-2:0");
    ASSERT_NE(now, nullptr);
    EXPECT_FALSE(now->validTo);
    EXPECT_NE(now->attributesJson.find(R"("replaces":"bods:s-1")"), std::string::npos);
    EXPECT_NE(now->relationKey, old->relationKey);
}

TEST(BodsReader, TurnsShareBoundsIntoIntervalsKeepingExclusiveness) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* shares = sink.find("bods:s-2:0");
    ASSERT_TRUE(shares->share);
    EXPECT_EQ(shares->share->min, 25);
    EXPECT_TRUE(shares->share->minExclusive);
    EXPECT_EQ(shares->share->max, 50);
    EXPECT_FALSE(shares->share->maxExclusive);
    EXPECT_NE(shares->attributesJson.find(R"("direct":false)"), std::string::npos);
    const Claim* votes = sink.find("bods:s-2:1");
    EXPECT_EQ(votes->relation, "controls");
    EXPECT_TRUE(votes->share->maxExclusive);
    EXPECT_NE(votes->attributesJson.find(R"("interest":"votingRights")"), std::string::npos);
    const Claim* board = sink.find("bods:s-2:2");
    EXPECT_EQ(board->relation, "controls");
    EXPECT_FALSE(board->share);
}

TEST(BodsReader, KeepsAnUnspecifiedOwnerAsAStandInOfUnknownKind) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* held = sink.find("bods:s-3");
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(held->subject.key, "bods:s-3:unspecified");
    EXPECT_TRUE(held->subject.type.empty());
    EXPECT_EQ(held->share->min, 50);
    EXPECT_EQ(held->share->max, 75);
    const Claim* note = sink.find("bods:s-3:unspecified");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->property, "note");
    EXPECT_NE(note->value.find("A nominee holds the remaining shares."), std::string::npos);
}

TEST(BodsReader, NoBeneficialOwnerIsAStatementAboutTheCompanyNotAnOwner) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* c = sink.find("bods:s-4:control_statement");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->subject.key, "bods:e-absent");
    EXPECT_EQ(c->value, "noBeneficialOwners");
    EXPECT_EQ(sink.count("owns") + sink.count("controls"), 5u);
}

TEST(BodsReader, AnAnonymousPersonIsAPersonWithoutAName) {
    auto sink = readData("update.bods-0.3.json");
    const Claim* c = sink.find("bods:p-2:unspecified");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->subject.type, "Person");
    EXPECT_TRUE(c->subject.name.empty());
    EXPECT_EQ(sink.claims.size(), 18u);
    EXPECT_TRUE(sink.rejections.empty());
}

TEST(BodsReader, ReadsRecordsOfVersion04AsJsonLines) {
    auto sink = readData("records.bods-0.4.jsonl");
    EXPECT_TRUE(sink.rejections.empty());
    EXPECT_EQ(sink.claims.size(), 10u);
    const Claim* name = sink.find("bods:st-e1:name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->subject.key, "bods:rec-company");
    EXPECT_EQ(name->line, 1);
    EXPECT_EQ(sink.find("bods:st-e1:foundingDate")->property, "incorporation_date");
}

TEST(BodsReader, EndsEachVersionOfARecordWhereTheNextBeginsAndAClosedOneOnItsDate) {
    auto sink = readData("records.bods-0.4.jsonl");
    const Claim* a = sink.find("bods:st-r1a");
    const Claim* b = sink.find("bods:st-r1b");
    const Claim* c = sink.find("bods:st-r1c");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a->validTo->text(), "2021-04-02");
    EXPECT_EQ(b->validTo->text(), "2022-08-15");
    EXPECT_EQ(c->validTo->text(), "2022-08-15");
    EXPECT_NE(b->attributesJson.find(R"("replaces":"bods:st-r1a")"), std::string::npos);
    EXPECT_NE(c->attributesJson.find("record closed"), std::string::npos);
    const Claim* unknown = sink.find("bods:st-r2");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->subject.key, "bods:st-r2:unspecified");
}

TEST(BodsReader, ReadsAStreamThatCannotSeek) {
    std::ifstream file(cg::testing::dataFile("bods/records.bods-0.4.jsonl"));
    std::stringstream text;
    text << file.rdbuf();
    PipeBuf buf(text.str());
    std::istream in(&buf);
    ReaderSink sink;
    BodsReader reader(schema());
    reader.read(in, "pipe.jsonl", sink);
    EXPECT_EQ(sink.claims.size(), 10u);
    EXPECT_EQ(sink.find("bods:st-r1a")->validTo->text(), "2021-04-02");
}

TEST(BodsReader, RejectsAStatementWithoutId) {
    auto sink = readData("malformed.bods.json");
    EXPECT_NE(sink.rejection(2, "has no 'statementID'"), nullptr);
}

TEST(BodsReader, RejectsAnUnknownStatementType) {
    auto sink = readData("malformed.bods.json");
    EXPECT_NE(sink.rejection(3, "unknown type"), nullptr);
}

TEST(BodsReader, RejectsAShareOutOfRange) {
    auto sink = readData("malformed.bods.json");
    EXPECT_NE(sink.rejection(4, "between 0 and 100"), nullptr);
}

TEST(BodsReader, RejectsOneBadInterestAndKeepsTheOthers) {
    auto sink = readData("malformed.bods.json");
    EXPECT_NE(sink.rejection(6, "interest 1: share minimum 60 is not below maximum 40"), nullptr);
    EXPECT_NE(sink.rejection(6, "interest 2: startDate '2020-13-01'"), nullptr);
    const Claim* kept = sink.find("bods:x-3:2");
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->relation, "controls");
}

TEST(BodsReader, RejectsARelationshipWithoutSubject) {
    auto sink = readData("malformed.bods.json");
    EXPECT_NE(sink.rejection(8, "has no 'subject'"), nullptr);
}

TEST(BodsReader, RejectsInvalidJsonAtTheLineOfTheError) {
    auto sink = readData("malformed.bods.json");
    const auto* r = sink.rejection(9, "invalid JSON");
    ASSERT_NE(r, nullptr);
    EXPECT_NE(r->raw.find("Broken"), std::string::npos);
}

TEST(BodsReader, RejectsARecordOfNeitherShape) {
    auto sink = readData("malformed.bods.json");
    EXPECT_NE(sink.rejection(11, "neither a BODS 0.2/0.3 statement"), nullptr);
    EXPECT_NE(sink.rejection(12, "has no 'recordDetails'"), nullptr);
}

TEST(BodsReader, CountsAddUpOnTheMalformedFile) {
    auto sink = readData("malformed.bods.json");
    EXPECT_EQ(sink.rejections.size(), 9u);
    EXPECT_EQ(sink.claims.size(), 2u);
    EXPECT_NE(sink.find("bods:x-8:name"), nullptr);
}

TEST(BodsReader, ReadsTheVersion03Fixture) {
    std::string path = cg::testing::sharedFixture("bods/2-single-update.bods-0.3.json");
    if (path.empty()) GTEST_SKIP() << "../shared/fixtures/bods is absent";
    BodsReader reader(schema());
    auto sink = cg::testing::readFile(reader, path);
    EXPECT_TRUE(sink.rejections.empty());
    const Claim* taggart = sink.find("bods:676ce2ec-e244-409e-85f9-9823e88bc099");
    ASSERT_NE(taggart, nullptr);
    EXPECT_EQ(taggart->object.key, "gb-coh:07444723");
    EXPECT_EQ(taggart->subject.key, "bods:019a93f1-e470-42e9-957b-03559861b2e2");
    EXPECT_EQ(taggart->share->min, 50);
    EXPECT_EQ(taggart->share->max, 50);
    EXPECT_NE(
        taggart->attributesJson.find(R"("replaces":"bods:fbfd0547-d0c6-4a00-b559-5c5e91c34f5c")"),
        std::string::npos);
    const Claim* unknown = sink.find("bods:30e9def3-fa2e-428a-9a02-f43b2a6d5c2e");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->subject.key, "bods:30e9def3-fa2e-428a-9a02-f43b2a6d5c2e:unspecified");
    EXPECT_EQ(sink.find("bods:019a93f1-e470-42e9-957b-03559861b2e2:birthDate")->value, "1964-04");
}

TEST(BodsReader, DiamondFixtureKeepsTheDeclaredIndirectInterestApartFromItsChains) {
    std::string path = cg::testing::sharedFixture("bods/multiple-indirect-ownership.bods-0.4.json");
    if (path.empty()) GTEST_SKIP() << "../shared/fixtures/bods is absent";
    cg::testing::ScratchStore s;
    auto summary = s.ingest(path, "bods");
    EXPECT_EQ(summary.rejected, 0);
    auto& store = s.store();
    auto b = store.entityByKey("ua-edr:UA-XE-02");
    auto c = store.entityByKey("gb-coh:GB-XE-03");
    auto d = store.entityByKey("gb-coh:GB-XE-04");
    auto p1 = store.entityByKey("bods:92ebf964a1f6");
    ASSERT_TRUE(b && c && d && p1);
    EXPECT_EQ(store.entity(*b)->name, "Company B");
    EXPECT_EQ(store.entity(*p1)->type, "Person");
    int declared = 0, chainLinks = 0;
    store.forEachRelation([&](const cg::graph::RelationRow& r) {
        ASSERT_EQ(r.type, "owns");
        if (r.src == *p1 && r.dst == *b) {
            ++declared;
            EXPECT_EQ(r.shareMin, 60);
            EXPECT_EQ(r.shareMax, 60);
            auto claims = store.claimsOfRelation(r.id);
            ASSERT_EQ(claims.size(), 1u);
            EXPECT_NE(claims[0].attributesJson.find(R"("direct":false)"), std::string::npos);
            EXPECT_NE(
                claims[0].attributesJson.find("gb-coh:GB-XE-03,gb-coh:GB-XE-04,bods:3cfba7c7"),
                std::string::npos);
        } else if ((r.src == *c || r.src == *d) && r.dst == *b) {
            ++chainLinks;
            EXPECT_EQ(r.shareMin, 50);
        } else if (r.src == *p1 && (r.dst == *c || r.dst == *d)) {
            ++chainLinks;
            EXPECT_FALSE(r.shareMin);  // unknown share stays unknown
        } else {
            ADD_FAILURE() << "unexpected relation " << r.src << " -> " << r.dst;
        }
    });
    EXPECT_EQ(declared, 1);
    EXPECT_EQ(chainLinks, 4);
}
