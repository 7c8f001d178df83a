// SPDX-License-Identifier: MIT
#include "ingest/claims_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "ingest/content_hash.hpp"
#include "tests/ingest/ingest_fixture.hpp"

using cg::graph::Stance;
using cg::ingest::canonicalJsonHash;
using cg::testing::IngestTest;
using cg::testing::kGoodClaim;
using cg::testing::kOtherGoodClaim;
using cg::testing::kSourceLine;
using cg::testing::TempDir;

namespace {

using ClaimsReaderTest = IngestTest;

// A relation claim on source s1 with the given middle part, between two new people.
std::string claimWith(const std::string& fields) {
    return R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, )" +
           fields + "}";
}

}  // namespace

// --- the minimal shape of DESIGN.md ---

TEST_F(ClaimsReaderTest, AcceptsTheMinimalShapeOfTheDesign) {
    auto s = ingestPath(CG_TEST_DATA "/claims/design-minimal.claims.jsonl");
    EXPECT_EQ(s.sources, 2);
    EXPECT_EQ(s.accepted, 4);
    EXPECT_EQ(s.rejected, 0) << (s.firstRejections.empty() ? "" : s.firstRejections[0].reason);
    auto stats = store_.stats();
    EXPECT_EQ(stats.claims, 4);
    EXPECT_EQ(stats.relationClaims, 3);
    EXPECT_EQ(stats.propertyClaims, 1);
    EXPECT_EQ(stats.deniedClaims, 1);
    EXPECT_EQ(stats.relations, 2);            // c1 and c2
    EXPECT_EQ(stats.deniedOnlyRelations, 1);  // c4
    EXPECT_EQ(stats.stubEntities, 1);         // e-hun-sen

    // c3 names an entity only by id: a stub that carries the alias.
    auto hunSen = store_.entityByKey("e-hun-sen");
    ASSERT_TRUE(hunSen);
    auto detail = store_.detail(*hunSen);
    EXPECT_TRUE(detail.entity.stub);
    ASSERT_EQ(detail.properties.size(), 1u);
    EXPECT_EQ(detail.properties[0].name, "alias");
    EXPECT_EQ(detail.properties[0].value, "Samdech Hun Sen");
    ASSERT_EQ(detail.properties[0].claims.size(), 1u);
    EXPECT_EQ(detail.properties[0].claims[0].key, "c3");
    bool aliasIsAName = std::any_of(detail.names.begin(), detail.names.end(),
                                    [](const auto& n) { return n.name == "Samdech Hun Sen"; });
    EXPECT_TRUE(aliasIsAName);

    // c1: the officer relation with its role, quote, confidence and date.
    auto sarKheng = store_.entitiesByNorm("sar kheng");
    ASSERT_EQ(sarKheng.size(), 1u);
    auto relations = store_.detail(sarKheng[0]).relations;
    ASSERT_EQ(relations.size(), 1u);
    EXPECT_EQ(relations[0].type, "officer_of");
    EXPECT_DOUBLE_EQ(relations[0].confidence, 0.9);
    EXPECT_EQ(relations[0].validFrom, 20220822);
    auto claims = store_.claimsOfRelation(relations[0].id);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].key, "c1");
    EXPECT_EQ(claims[0].sourceKey, "voa-2022-08-30");
    EXPECT_EQ(claims[0].quote, "Interior Minister Sar Kheng said on August 22 ...");
    EXPECT_EQ(claims[0].attributesJson, R"({"role":"Interior Minister"})");

    // c2: the share band and the registry identifier.
    auto company = store_.entities({"Company"}, "golden sands", 0);
    ASSERT_EQ(company.size(), 1u);
    auto golden = store_.detail(company[0].id);
    ASSERT_EQ(golden.identifiers.size(), 1u);
    EXPECT_EQ(golden.identifiers[0], (std::pair<std::string, std::string>{"kh-moc", "00012345"}));
    ASSERT_EQ(golden.relations.size(), 1u);
    EXPECT_EQ(golden.relations[0].shareMin, 25);
    EXPECT_EQ(golden.relations[0].shareMax, 50);

    // c4: a denial makes a relation with no support and one dispute.
    auto ministry = store_.entities({"PublicBody"}, "ministry of interior", 0);
    ASSERT_EQ(ministry.size(), 1u);
    bool sawDenial = false;
    for (const auto& r : store_.detail(ministry[0].id).relations) {
        if (r.type != "linked_to") continue;
        sawDenial = true;
        EXPECT_EQ(r.support, 0);
        EXPECT_EQ(r.dispute, 1);
        auto c4 = store_.claimsOfRelation(r.id);
        ASSERT_EQ(c4.size(), 1u);
        EXPECT_EQ(c4[0].stance, Stance::Denies);
        EXPECT_DOUBLE_EQ(c4[0].confidence, 1);  // the default
    }
    EXPECT_TRUE(sawDenial);
}

TEST_F(ClaimsReaderTest, AcceptsTheExampleAsWrittenInTheDesign) {
    // Read the example straight from DESIGN.md so that the two cannot drift apart; c2 and c3
    // name a source the example never declares, so it is declared first.
    std::ifstream design(CG_SHARED_DIR "/DESIGN.md");
    if (!design)
        GTEST_SKIP() << CG_SHARED_DIR "/DESIGN.md is absent (no ../shared beside this clone)";
    std::string text = R"({"source": {"id": "registry-x"}})"
                       "\n";
    bool inBlock = false;
    int lines = 0;
    for (std::string line; std::getline(design, line);) {
        if (!inBlock && line.rfind("```json", 0) == 0) {
            inBlock = true;
        } else if (inBlock && line.rfind("```", 0) == 0) {
            break;
        } else if (inBlock) {
            text += line + "\n";
            ++lines;
        }
    }
    ASSERT_EQ(lines, 5);
    auto s = ingestText("design.claims.jsonl", text);
    EXPECT_EQ(s.sources, 2);
    EXPECT_EQ(s.accepted, 4);
    EXPECT_EQ(s.rejected, 0) << (s.firstRejections.empty() ? "" : s.firstRejections[0].reason);
}

// --- one test per rejection reason ---

TEST_F(ClaimsReaderTest, RejectsMalformedJson) {
    expectRejected(R"({"id": "bad", "source": "s1", "subject": )", "invalid JSON at column ", true);
}

TEST_F(ClaimsReaderTest, RejectsARecordThatIsNotAnObject) {
    expectRejected(R"(["s1", "Sar Kheng", "owns"])", "a record must be a JSON object, not a list");
}

TEST_F(ClaimsReaderTest, RejectsConfidenceGivenAsAString) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "confidence": "high")"),
        "'confidence' must be a number, not a string");
}

TEST_F(ClaimsReaderTest, RejectsASubjectGivenAsAString) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": "Hun Sen", "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}})",
        "subject must be an entity reference object, not a string");
}

TEST_F(ClaimsReaderTest, RejectsANameGivenAsANumber) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": 42}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}})",
        "subject 'name' must be a string, not a number");
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownEntityType) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Compnay", "name": "Golden Sands"}, "relation": "owns", "object": {"type": "Facility", "name": "Casino"}})",
        "unknown entity type 'Compnay' (expected " + schema_.entityTypeList() + ")");
}

TEST_F(ClaimsReaderTest, RejectsTheAbstractRootAsAType) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Thing", "name": "Something"}, "relation": "linked_to", "object": {"type": "Place", "name": "Cambodia"}})",
        "unknown entity type 'Thing' (expected " + schema_.entityTypeList() + ")");
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownRelationType) {
    expectRejected(claimWith(R"("relation": "own", "object": {"type": "Company", "name": "Acme"})"),
                   "unknown relation type 'own' (expected " + schema_.relationTypeList() + ")");
}

TEST_F(ClaimsReaderTest, RejectsEndpointsTheSchemaDoesNotAllow) {
    // owns goes to an Asset; a Person is not one.
    expectRejected(
        claimWith(R"("relation": "owns", "object": {"type": "Person", "name": "Hun Manet"})"),
        "relation 'owns' cannot go from a Person to a Person (allowed: ", true);
    EXPECT_TRUE(store_.entitiesByNorm("hun manet").empty()) << "a rejected claim leaves no entity";
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownAttribute) {
    const auto* owns = schema_.relationType("owns");
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"percent": 30}})",
        "unknown attribute 'percent' for relation 'owns' (expected " +
            schema_.attributeList(*owns) + ")");
}

TEST_F(ClaimsReaderTest, RejectsAnAttributeOfTheWrongType) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "paid", "object": {"type": "Company", "name": "Acme"}, "attributes": {"amount": "a lot"}})",
        "attribute 'amount' must be a number, not a string");
}

TEST_F(ClaimsReaderTest, RejectsAShareAbove100) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"share": 150}})",
        "'share' must be between 0 and 100, not 150");
}

TEST_F(ClaimsReaderTest, RejectsANegativeShareBound) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"share_min": -5, "share_max": 10}})",
        "'share_min' must be between 0 and 100, not -5");
}

TEST_F(ClaimsReaderTest, RejectsShareMinAboveShareMax) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"share_min": 60, "share_max": 40}})",
        "share_min 60 is above share_max 40");
}

TEST_F(ClaimsReaderTest, RejectsAnExactShareTogetherWithABand) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"share": 30, "share_min": 25}})",
        "give either 'share' or 'share_min'/'share_max', not both");
}

TEST_F(ClaimsReaderTest, RejectsAnImpossibleDate) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "valid_from": "2022-02-30")"),
        "valid_from: impossible date '2022-02-30': no such day in that month");
}

TEST_F(ClaimsReaderTest, RejectsADateThatIsNotIso8601) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "valid_to": "30/08/2022")"),
        "valid_to: date '30/08/2022' is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)");
}

TEST_F(ClaimsReaderTest, RejectsValidFromAfterValidTo) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "valid_from": "2022-05", "valid_to": "2021")"),
        "valid_from 2022-05 is after valid_to 2021");
}

TEST_F(ClaimsReaderTest, RejectsAClaimNamingAnUnknownSource) {
    expectRejected(
        R"({"id": "bad", "source": "nowhere", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}})",
        R"(claim names unknown source 'nowhere' (declare it first with a {"source": {"id": ...}} line))");
}

TEST_F(ClaimsReaderTest, RejectsAClaimWithoutASource) {
    expectRejected(
        R"({"id": "bad", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}})",
        "claim has no 'source' (the id of a declared source)");
}

TEST_F(ClaimsReaderTest, RejectsInvalidUtf8AndKeepsItsBytes) {
    expectRejected(claimWith("\"relation\": \"family_of\", \"object\": {\"type\": \"Person\", "
                             "\"name\": \"Hun Man\xE9t\"}"),
                   "invalid UTF-8");
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownStance) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "stance": "maybe")"),
        "unknown stance 'maybe' (expected asserts or denies)");
}

TEST_F(ClaimsReaderTest, RejectsConfidenceOutsideTheUnitInterval) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "confidence": 1.5)"),
        "'confidence' must be between 0 and 1, not 1.5");
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownTopLevelField) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "confidance": 0.5)"),
        "unknown field 'confidance' (expected ", true);
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownFieldInAnEntityReference) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet", "born": "1977"})"),
        "unknown field 'born' in object (expected id, type, name, identifiers, country, aliases)");
}

TEST_F(ClaimsReaderTest, RejectsAnEntityReferenceWithoutTypeOrId) {
    expectRejected(claimWith(R"("relation": "family_of", "object": {"name": "Hun Manet"})"),
                   "object needs an 'id', or a 'type' with a 'name' or 'identifiers'");
}

TEST_F(ClaimsReaderTest, RejectsACountryThatIsNotAnIsoCode) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet", "country": "Cambodia"})"),
        "object country 'Cambodia' is not an ISO 3166 alpha-2 code (such as KH)");
}

TEST_F(ClaimsReaderTest, RejectsAPropertyClaimWithAnUnknownProperty) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "property": "favourite_colour", "value": "blue"})",
        "unknown property 'favourite_colour' (expected " + schema_.propertyList() + ")");
}

TEST_F(ClaimsReaderTest, RejectsAPropertyValueOfTheWrongType) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "property": "birth_date", "value": "5 August 1952"})",
        "birth_date: date '5 August 1952' is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)");
}

TEST_F(ClaimsReaderTest, RejectsAPropertyClaimWithoutAValue) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "property": "alias"})",
        "property claim has no 'value'");
}

TEST_F(ClaimsReaderTest, RejectsARelationClaimWithoutAnObject) {
    expectRejected(claimWith(R"("relation": "family_of")"), "relation claim has no 'object'");
}

TEST_F(ClaimsReaderTest, RejectsAClaimWithBothRelationAndProperty) {
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "property": "alias", "value": "x")"),
        "a claim has either 'relation' or 'property', not both");
}

TEST_F(ClaimsReaderTest, RejectsARecordThatIsNeitherSourceNorClaim) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}})",
        "record is neither a source, a relation claim nor a property claim "
        "(expected 'source' as an object, 'relation' or 'property')");
}

TEST_F(ClaimsReaderTest, RejectsAClaimIdReusedWithDifferentContent) {
    std::string changed = kGoodClaim;
    changed.replace(changed.find("0.9"), 3, "0.4");
    expectRejected(changed,
                   "claim id 'good-1' is already stored with different content (claims are "
                   "immutable; give the changed claim a new id)");
    auto claims = store_.claimsBetween(store_.entitiesByNorm("sar kheng").at(0),
                                       store_.entitiesByNorm("ministry of interior").at(0));
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_DOUBLE_EQ(claims[0].confidence, 0.9) << "the first version stays";
}

TEST_F(ClaimsReaderTest, RejectsAClaimWhoseSubjectAndObjectAreOneEntity) {
    expectRejected(
        claimWith(R"("relation": "associate_of", "object": {"type": "Person", "name": "HUN SEN"})"),
        "subject and object are the same entity ('Hun Sen')");
}

TEST_F(ClaimsReaderTest, RejectsAnIdDescribedAsAnIncompatibleType) {
    expectRejected(
        R"({"id": "bad", "source": "s1", "subject": {"id": "person/sar-kheng", "type": "Company"}, "relation": "owns", "object": {"type": "Facility", "name": "Casino"}})",
        "subject: entity 'person/sar-kheng' is a Person, but the claim calls it a Company");
}

TEST_F(ClaimsReaderTest, RejectsASourceDeclarationWithAnUnknownField) {
    expectRejected(R"({"source": {"id": "s2", "titel": "Typo"}})",
                   "unknown source field 'titel' (expected ", true);
    EXPECT_FALSE(store_.findSource("s2"));
}

TEST_F(ClaimsReaderTest, RejectsAnUnknownSourceKind) {
    expectRejected(
        R"({"source": {"id": "s2", "kind": "rumour"}})",
        "unknown source kind 'rumour' (expected article, registry, leak, list, interview, other)");
}

TEST_F(ClaimsReaderTest, RejectsARecordNestedDeeperThan32Levels) {
    std::string deep = "1";
    for (int i = 0; i < 40; ++i) deep = "[" + deep + "]";
    expectRejected(
        claimWith(
            R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "_extra": )" +
            deep),
        "record nests deeper than 32 levels");
}

TEST_F(ClaimsReaderTest, RejectsANameLongerThan4096Bytes) {
    expectRejected(claimWith(R"("relation": "family_of", "object": {"type": "Person", "name": ")" +
                             std::string(4097, 'n') + "\"}"),
                   "object name is longer than 4096 bytes");
}

// --- whole-file conditions ---

TEST_F(ClaimsReaderTest, SkipsBlankLinesWithoutRejectingThem) {
    std::string text = "\n" + kSourceLine + "\n   \n\t\n" + kGoodClaim + "\n\n" + R"({"oops")" +
                       "\n \r\n" + kOtherGoodClaim + "\n\n";
    auto s = ingestText("blank.claims.jsonl", text);
    EXPECT_EQ(s.sources, 1);
    EXPECT_EQ(s.accepted, 2);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].line, 7) << "blank lines still count for line numbers";
    EXPECT_EQ(store_.stats().rejections, 1);
}

TEST_F(ClaimsReaderTest, AcceptsCrlfLineEndsAndAByteOrderMark) {
    std::string text = "\xEF\xBB\xBF" + kSourceLine + "\r\n" + kGoodClaim + "\r\n" + R"({"oops")" +
                       "\r\n" + kOtherGoodClaim + "\r\n";
    auto s = ingestText("crlf.claims.jsonl", text);
    EXPECT_EQ(s.sources, 1);
    EXPECT_EQ(s.accepted, 2);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].line, 3);
    EXPECT_EQ(s.firstRejections[0].raw, R"({"oops")")
        << "the carriage return is not part of the line";
    EXPECT_TRUE(store_.findSource("s1"));
}

TEST_F(ClaimsReaderTest, RejectsALineLongerThanTheLimitAndReadsOn) {
    const std::size_t limit = 4096;
    std::string huge = claimWith(
        R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "quote": ")" +
        std::string(10000, 'q') + "\"");
    std::string path = dir_.write("huge.claims.jsonl", kSourceLine + "\n" + kGoodClaim + "\n" +
                                                           huge + "\n" + kOtherGoodClaim + "\n");
    auto s = ingestPath(path, limit);
    EXPECT_EQ(s.accepted, 2);
    ASSERT_EQ(s.rejected, 1);
    const auto& r = s.firstRejections[0];
    EXPECT_EQ(r.file, path);
    EXPECT_EQ(r.line, 3);
    EXPECT_EQ(r.reason,
              "line is " + std::to_string(huge.size()) +
                  " bytes, longer than the limit of 4096 (only its first 1024 bytes are kept)");
    EXPECT_EQ(r.raw, huge.substr(0, 1024));
    auto stored = store_.rejections(0);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].raw, huge.substr(0, 1024));
}

TEST_F(ClaimsReaderTest, KeepsNoMoreThanTheLimitOfALineThatIsTooLong) {
    // With a limit below the kept prefix, the kept text is the limit's worth, never padding.
    std::string huge = claimWith(
        R"("relation": "family_of", "object": {"type": "Person", "name": "Hun Manet"}, "quote": ")" +
        std::string(2000, 'q') + "\"");
    auto s = ingestText("small-limit.claims.jsonl", kSourceLine + "\n" + huge + "\n", 512);
    ASSERT_EQ(s.rejected, 1);
    EXPECT_EQ(s.firstRejections[0].raw, huge.substr(0, 512));
    EXPECT_EQ(s.firstRejections[0].reason,
              "line is " + std::to_string(huge.size()) +
                  " bytes, longer than the limit of 512 (only its first 512 bytes are kept)");
}

// --- ids ---

TEST_F(ClaimsReaderTest, GivesAClaimWithoutIdAStableHashId) {
    std::string a =
        R"({"source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet", "country": "KH"}, "attributes": {"relationship": "son"}, "confidence": 0.8})";
    // The same content with keys in another order, inside nested objects too, and other spacing.
    std::string b =
        R"({"confidence":0.80,"attributes":{"relationship":"son"},"object":{"country":"KH","name":"Hun Manet","type":"Person"},"relation":"family_of","subject":{"name":"Hun Sen","type":"Person"},"source":"s1"})";
    std::string c =
        R"({"source": "s1", "subject": {"type": "Person", "name": "Hun Sen"}, "relation": "family_of", "object": {"type": "Person", "name": "Hun Manet", "country": "KH"}, "attributes": {"relationship": "son"}, "confidence": 0.7})";
    auto s = ingestText("hash.claims.jsonl", kSourceLine + "\n" + a + "\n" + b + "\n" + c + "\n");
    EXPECT_EQ(s.accepted, 2);
    EXPECT_EQ(s.duplicates, 1);
    EXPECT_EQ(s.rejected, 0);
    auto claims = store_.claimsBetween(store_.entitiesByNorm("hun sen").at(0),
                                       store_.entitiesByNorm("hun manet").at(0));
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].key.rfind("h:", 0), 0u) << claims[0].key;
    EXPECT_EQ(claims[0].key.size(), 18u) << "h: and 16 hex digits";
    EXPECT_NE(claims[0].key, claims[1].key);

    // The same file in a fresh database gives the same ids.
    TempDir other;
    cg::graph::Store second(other.file("second.claimgraph"));
    cg::ingest::ClaimsReader reader(schema_);
    cg::ingest::Applier applier(second, schema_);
    applier.beginFile("b.claims.jsonl", "claims");
    std::istringstream in(kSourceLine + "\n" + b + "\n");
    reader.read(in, "b.claims.jsonl", applier);
    applier.endFile();
    EXPECT_TRUE(second.findClaim(claims[0].key) || second.findClaim(claims[1].key));
    EXPECT_EQ(
        second.findClaim(claims[0].key).has_value() + second.findClaim(claims[1].key).has_value(),
        1);
}

TEST(CanonicalJsonHash, IgnoresKeyOrderAndSpacingButNotContent) {
    EXPECT_EQ(canonicalJsonHash(R"({"a": 1, "b": {"x": [1, 2], "y": "z"}})", ""),
              canonicalJsonHash(R"({"b":{"y":"z","x":[1,2]},"a":1.0})", ""));
    EXPECT_NE(canonicalJsonHash(R"({"a": 1})", ""), canonicalJsonHash(R"({"a": 2})", ""));
    EXPECT_NE(canonicalJsonHash(R"({"a": [1, 2]})", ""), canonicalJsonHash(R"({"a": [2, 1]})", ""));
    EXPECT_NE(canonicalJsonHash(R"({"a": "1"})", ""), canonicalJsonHash(R"({"a": 1})", ""));
    EXPECT_NE(canonicalJsonHash(R"({"ab": "c"})", ""), canonicalJsonHash(R"({"a": "bc"})", ""));
    // The skipped key, the claim's own id, does not take part.
    EXPECT_EQ(canonicalJsonHash(R"({"id": "c1", "a": 1})", "id"),
              canonicalJsonHash(R"({"a": 1})", "id"));
    EXPECT_NE(canonicalJsonHash(R"({"a": {"id": 1}})", "id"),
              canonicalJsonHash(R"({"a": {}})", "id"))
        << "only the top-level key is skipped";
}

TEST_F(ClaimsReaderTest, KeepsUserKeysButIgnoresThem) {
    std::string annotated =
        R"({"id": "u1", "source": "s1", "_reviewed_by": "analyst", "x_batch": 7, "subject": {"type": "Person", "name": "Hun Sen", "_note": "check"}, "relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"share": 10, "x_page": 3}})";
    auto s = ingestText("user-keys.claims.jsonl", kSourceLine + "\n" + annotated + "\n");
    EXPECT_EQ(s.accepted, 1);
    EXPECT_EQ(s.rejected, 0) << (s.firstRejections.empty() ? "" : s.firstRejections[0].reason);
}

// --- one meaning per record (issue 23) ---

TEST_F(ClaimsReaderTest, RejectsATopLevelKeyGivenTwiceNamingIt) {
    // Were the first value kept, the second confidence would never be checked.
    expectRejected(
        claimWith(
            R"("relation": "owns", "object": {"type": "Company", "name": "Acme"}, "confidence": 0.5, "confidence": 2)"),
        "duplicate key 'confidence'");
}

TEST_F(ClaimsReaderTest, RejectsAnAttributeGivenTwiceNamingIt) {
    expectRejected(
        claimWith(
            R"("relation": "owns", "object": {"type": "Company", "name": "Acme"}, "attributes": {"share": 10, "share": 90})"),
        "duplicate key 'share'");
}

TEST_F(ClaimsReaderTest, RejectsAKeyGivenTwiceInsideTheSubject) {
    expectRejected(
        claimWith(
            R"("relation": "owns", "object": {"type": "Company", "name": "Acme", "name": "Other"})"),
        "duplicate key 'name'");
}

TEST_F(ClaimsReaderTest, RejectsANulAndWhatFollowsAfterTheRecord) {
    std::string good =
        claimWith(R"("relation": "owns", "object": {"type": "Company", "name": "Acme"})");
    expectRejected(good + std::string("\0junk", 5), "invalid JSON at column " +
                                                        std::to_string(good.size() + 1) +
                                                        ": a NUL byte after the end of the value");
}

TEST_F(ClaimsReaderTest, RejectsTextAfterTheRecord) {
    expectRejected(
        claimWith(R"("relation": "owns", "object": {"type": "Company", "name": "Acme"})") + " x",
        "invalid JSON at column ", true);
}
