// SPDX-License-Identifier: MIT
#include "graph/schema.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <utility>

#include "graph/error.hpp"

using cg::InputError;
using cg::graph::EntityTypeId;
using cg::graph::parseRelationKind;
using cg::graph::RelationKind;
using cg::graph::relationKindName;
using cg::graph::Schema;
using cg::graph::ValueType;

namespace {

EntityTypeId typeId(const Schema& s, const char* name) {
    auto id = s.entityTypeId(name);
    EXPECT_TRUE(id) << "no entity type " << name;
    return id.value_or(0);
}

bool allows(const Schema& s, const char* rel, const char* subject, const char* object) {
    const auto* r = s.relationType(rel);
    EXPECT_NE(r, nullptr) << "no relation type " << rel;
    return r && s.allows(*r, typeId(s, subject), typeId(s, object));
}

// The message of the InputError that parsing `json` throws, or "" when it throws none.
std::string schemaError(const std::string& json) {
    try {
        Schema s = Schema::fromJson(json, "user.schema.json");
        Schema base = Schema::defaults();
        base.extend(s);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Schema, DefaultHasTheDesignVocabulary) {
    Schema s = Schema::defaults();
    for (const char* t :
         {"Person", "Organization", "Company", "PublicBody", "Facility", "Place", "Asset"}) {
        EXPECT_TRUE(s.entityTypeId(t)) << t;
    }
    for (const char* r : {"owns", "controls", "director_of", "officer_of", "employee_of",
                          "member_of", "operates", "located_in", "registered_at", "family_of",
                          "associate_of", "represents", "paid", "linked_to", "reported_on"}) {
        EXPECT_NE(s.relationType(r), nullptr) << r;
    }
    EXPECT_EQ(s.entityType(s.rootType()).name, "Thing");
    EXPECT_TRUE(s.entityType(s.rootType()).abstract);
    // The abstract root is not offered in error messages as a type to use.
    EXPECT_EQ(s.entityTypeList().find("Thing"), std::string::npos);
    EXPECT_NE(s.entityTypeList().find("Company"), std::string::npos);
    const auto* owns = s.relationType("owns");
    EXPECT_EQ(owns->label, "owns");
    EXPECT_EQ(owns->inverseLabel, "owned by");
    EXPECT_TRUE(owns->directed);
    EXPECT_EQ(s.attributeType(*owns, "share_min"), ValueType::Percent);
    EXPECT_EQ(s.attributeType(*owns, "note"), ValueType::String);  // common to every relation
    EXPECT_FALSE(s.attributeType(*owns, "relationship"));
    EXPECT_FALSE(s.relationType("family_of")->directed);
    ASSERT_NE(s.property("birth_date"), nullptr);
    EXPECT_EQ(s.property("birth_date")->type, ValueType::Date);
    EXPECT_EQ(s.property("nickname"), nullptr);
}

TEST(Schema, CompanyIsAnOrganizationAndAnAsset) {
    Schema s = Schema::defaults();
    auto company = typeId(s, "Company");
    EXPECT_TRUE(s.isA(company, company));
    EXPECT_TRUE(s.isA(company, typeId(s, "Organization")));
    EXPECT_TRUE(s.isA(company, typeId(s, "Asset")));
    EXPECT_TRUE(s.isA(company, s.rootType()));
    EXPECT_FALSE(s.isA(typeId(s, "Organization"), company));
    EXPECT_FALSE(s.isA(company, typeId(s, "Person")));
    EXPECT_TRUE(s.isA(typeId(s, "Facility"), typeId(s, "Asset")));
    EXPECT_FALSE(s.isA(typeId(s, "Facility"), typeId(s, "Organization")));
}

TEST(Schema, CompatibleTypesAreOnOneLineOfDescent) {
    Schema s = Schema::defaults();
    EXPECT_TRUE(s.compatible(typeId(s, "Company"), typeId(s, "Organization")));
    EXPECT_TRUE(s.compatible(typeId(s, "Organization"), typeId(s, "Company")));
    EXPECT_TRUE(s.compatible(typeId(s, "Person"), s.rootType()));
    EXPECT_FALSE(s.compatible(typeId(s, "Person"), typeId(s, "Company")));
    EXPECT_FALSE(s.compatible(typeId(s, "Person"), typeId(s, "Organization")));
    // Siblings under Organization are not the same kind of thing.
    EXPECT_FALSE(s.compatible(typeId(s, "Company"), typeId(s, "PublicBody")));
    EXPECT_FALSE(s.compatible(typeId(s, "Facility"), typeId(s, "Place")));
}

TEST(Schema, AllowsSubtypesOfTheDeclaredEndpoints) {
    Schema s = Schema::defaults();
    EXPECT_TRUE(allows(s, "owns", "Person", "Company"));   // Company is an Asset
    EXPECT_TRUE(allows(s, "owns", "Company", "Company"));  // and an Organization
    EXPECT_TRUE(allows(s, "owns", "PublicBody", "Facility"));
    EXPECT_FALSE(allows(s, "owns", "Person", "Person"));
    EXPECT_FALSE(allows(s, "owns", "Person", "Place"));
    EXPECT_FALSE(allows(s, "owns", "Facility", "Company"));
    EXPECT_TRUE(allows(s, "officer_of", "Person", "PublicBody"));
    EXPECT_FALSE(allows(s, "officer_of", "Company", "PublicBody"));
    EXPECT_TRUE(allows(s, "operates", "Company", "Facility"));
    EXPECT_FALSE(allows(s, "operates", "Company", "Company"));
}

TEST(Schema, DirectedRelationsAreCheckedOneWayOnly) {
    Schema s = Schema::defaults();
    EXPECT_TRUE(allows(s, "registered_at", "Company", "Place"));
    EXPECT_FALSE(allows(s, "registered_at", "Place", "Company"));
}

TEST(Schema, UndirectedRelationsAreAllowedBothWaysRound) {
    Schema s = Schema::defaults();
    s.extend(Schema::fromFile(CG_TEST_DATA "/schema/racehorses.schema.json"));
    // stabled_at is declared Racehorse -> Facility and undirected, so either order reads the same.
    EXPECT_TRUE(allows(s, "stabled_at", "Racehorse", "Facility"));
    EXPECT_TRUE(allows(s, "stabled_at", "Facility", "Racehorse"));
    EXPECT_FALSE(allows(s, "stabled_at", "Facility", "Facility"));
    // raced_in is directed with the same kind of endpoints: only one way.
    EXPECT_TRUE(allows(s, "raced_in", "Racehorse", "Place"));
    EXPECT_FALSE(allows(s, "raced_in", "Place", "Racehorse"));
    EXPECT_TRUE(allows(s, "family_of", "Person", "Person"));
    EXPECT_FALSE(allows(s, "family_of", "Person", "Company"));
}

TEST(Schema, AllowsAStubOfUnknownTypeAtEitherEnd) {
    Schema s = Schema::defaults();
    const auto* owns = s.relationType("owns");
    auto root = s.rootType();
    EXPECT_TRUE(s.allows(*owns, root, typeId(s, "Company")));
    EXPECT_TRUE(s.allows(*owns, typeId(s, "Person"), root));
    EXPECT_TRUE(s.allows(*owns, root, root));
    // A known endpoint still has to fit.
    EXPECT_FALSE(s.allows(*owns, root, typeId(s, "Person")));
}

TEST(Schema, ExtendsTheDefaultWithAUserFile) {
    Schema s = Schema::defaults();
    auto builtinTypes = s.entityTypes().size();
    auto builtinRelations = s.relationTypes().size();
    s.extend(Schema::fromFile(CG_TEST_DATA "/schema/racehorses.schema.json"));
    EXPECT_EQ(s.entityTypes().size(), builtinTypes + 1);
    EXPECT_EQ(s.relationTypes().size(), builtinRelations + 2);
    auto racehorse = typeId(s, "Racehorse");
    EXPECT_TRUE(s.isA(racehorse, typeId(s, "Asset")));
    EXPECT_EQ(s.entityType(racehorse).color, "#1f77b4");
    // Built-in relations pick up the new subtype of their endpoint types.
    EXPECT_TRUE(allows(s, "owns", "Company", "Racehorse"));
    EXPECT_FALSE(allows(s, "officer_of", "Person", "Racehorse"));
    const auto* raced = s.relationType("raced_in");
    ASSERT_NE(raced, nullptr);
    EXPECT_EQ(raced->inverseLabel, "venue of");
    EXPECT_EQ(s.attributeType(*raced, "since"), ValueType::Date);
    ASSERT_NE(s.property("studbook_number"), nullptr);
    EXPECT_EQ(s.property("studbook_number")->type, ValueType::Number);
    EXPECT_NE(s.property("birth_date"), nullptr);  // built-ins stay
}

TEST(Schema, ExtensionMayNotReparentABuiltInType) {
    Schema s = Schema::defaults();
    Schema ext =
        Schema::fromJson(R"({"entity_types": {"Company": {"parents": ["Person"]}}})", "ext.json");
    try {
        s.extend(ext);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("'Company'"), std::string::npos) << e.what();
    }
}

TEST(Schema, MissingSchemaFileNamesThePath) {
    try {
        Schema::fromFile("/nonexistent/dir/my.schema.json");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/my.schema.json"), std::string::npos);
    }
}

TEST(Schema, MalformedSchemasAreRejectedWithAReason) {
    struct Case {
        const char* json;
        const char* expected;
    };
    const Case cases[] = {
        {R"({"entity_types": )", "user.schema.json: invalid JSON"},
        {R"([1, 2])", "a schema is a JSON object"},
        {R"({"entity_types": []})", "entity_types must be an object"},
        {R"({"relation_types": {"r": {"kind": "role", "from": ["Person"]}}})",
         "needs 'from' and 'to'"},
        {R"({"relation_types": {"r": {"kind": "role", "from": "Person", "to": "Place", "directed": "yes"}}})",
         "directed must be true or false"},
        {R"({"relation_types": {"r": {"kind": "role", "from": [1], "to": ["Place"]}}})",
         "expected a list of type names"},
        {R"({"relation_types": {"r": {"kind": "role", "from": ["Person"], "to": ["Place"], "attributes": {"a": "colour"}}}})",
         "unknown value type 'colour'"},
        {R"({"relation_types": {"r": {"kind": "role", "from": ["Person"], "to": ["Spaceship"]}}})",
         "unknown entity type 'Spaceship'"},
        {R"({"entity_types": {"Boat": {"parents": ["Raft"]}}})", "unknown parent 'Raft'"},
        {R"({"entity_types": {"Other": {"parents": []}}})", "two root entity types"},
        {R"({"entity_types": {"A": {"parents": ["Thing", "B"]}, "B": {"parents": ["A"]}}})",
         "cycle"},
        {R"({"properties": {"p": 3}})", "property 'p' must be a type name or an object"},
    };
    for (const auto& c : cases) {
        std::string message = schemaError(c.json);
        EXPECT_NE(message.find(c.expected), std::string::npos)
            << "schema " << c.json << "\n  gave error: '" << message
            << "'\n  expected: " << c.expected;
    }
}

TEST(Schema, AStandaloneSchemaNeedsExactlyOneRoot) {
    EXPECT_THROW(Schema::fromJson(
                     R"({"entity_types": {"A": {"parents": []}, "B": {"parents": []}}})", "s.json"),
                 InputError);
    Schema s = Schema::fromJson(
        R"({"entity_types": {"Root": {"parents": []}, "Leaf": {"parents": ["Root"]}},
            "relation_types": {"r": {"kind": "personal", "from": "Leaf", "to": ["Leaf"]}}})",
        "s.json");
    EXPECT_EQ(s.entityType(s.rootType()).name, "Root");
    EXPECT_TRUE(allows(s, "r", "Leaf", "Leaf"));
}

TEST(Schema, EveryDefaultRelationTypeHasTheKindOfTheIssueTable) {
    Schema s = Schema::defaults();
    const std::pair<const char*, RelationKind> expected[] = {
        {"owns", RelationKind::Ownership},        {"controls", RelationKind::Control},
        {"director_of", RelationKind::Role},      {"officer_of", RelationKind::Role},
        {"employee_of", RelationKind::Role},      {"member_of", RelationKind::Role},
        {"operates", RelationKind::Role},         {"represents", RelationKind::Role},
        {"occupies", RelationKind::Role},         {"family_of", RelationKind::Personal},
        {"associate_of", RelationKind::Personal}, {"paid", RelationKind::Money},
        {"located_in", RelationKind::Location},   {"registered_at", RelationKind::Location},
        {"linked_to", RelationKind::Weak},        {"reported_on", RelationKind::Mention},
    };
    EXPECT_EQ(s.relationTypes().size(), std::size(expected));
    for (const auto& [name, kind] : expected) {
        const auto* r = s.relationType(name);
        ASSERT_NE(r, nullptr) << name;
        EXPECT_EQ(r->kind, kind) << name << " is " << relationKindName(r->kind);
    }
}

TEST(Schema, ReportedOnIsADirectedMentionFromAnOutletToAnything) {
    Schema s = Schema::defaults();
    const auto* r = s.relationType("reported_on");
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->directed);
    EXPECT_EQ(r->label, "reported on");
    EXPECT_EQ(r->inverseLabel, "reported on by");
    EXPECT_EQ(s.attributeType(*r, "note"), ValueType::String);
    EXPECT_TRUE(allows(s, "reported_on", "Organization", "Facility"));
    EXPECT_TRUE(allows(s, "reported_on", "PublicBody", "Person"));
    EXPECT_TRUE(allows(s, "reported_on", "Person", "Place"));
    EXPECT_FALSE(allows(s, "reported_on", "Place", "Person"));
    EXPECT_FALSE(allows(s, "reported_on", "Facility", "Person"));
}

TEST(Schema, RelationKindNamesReadBackAsTheSameKind) {
    const char* names[] = {"ownership", "control",  "role", "personal",
                           "money",     "location", "weak", "mention"};
    for (const char* name : names) {
        auto kind = parseRelationKind(name);
        ASSERT_TRUE(kind) << name;
        EXPECT_EQ(relationKindName(*kind), name);
    }
    EXPECT_EQ(parseRelationKind("Ownership"), std::nullopt);
    EXPECT_EQ(parseRelationKind("family"), std::nullopt);
    EXPECT_EQ(parseRelationKind(""), std::nullopt);
}

TEST(Schema, AnExtensionRelationTypeWithoutAValidKindIsRefusedNamingFileAndType) {
    EXPECT_EQ(
        schemaError(R"({"relation_types": {"stabled_at": {"from": ["Asset"], "to": ["Place"]}}})"),
        "user.schema.json: relation type 'stabled_at' has no kind (expected one of "
        "ownership, control, role, personal, money, location, weak, mention)");
    EXPECT_EQ(
        schemaError(
            R"({"relation_types": {"stabled_at": {"kind": "stable", "from": ["Asset"], "to": ["Place"]}}})"),
        "user.schema.json: relation type 'stabled_at': unknown kind 'stable' (expected "
        "ownership, control, role, personal, money, location, weak, mention)");
    EXPECT_EQ(
        schemaError(
            R"({"relation_types": {"stabled_at": {"kind": 3, "from": ["Asset"], "to": ["Place"]}}})"),
        "user.schema.json: relation type 'stabled_at': kind must be a string (one of "
        "ownership, control, role, personal, money, location, weak, mention)");
    EXPECT_EQ(
        schemaError(
            R"({"relation_types": {"stabled_at": {"kind": "location", "from": ["Asset"], "to": ["Place"]}}})"),
        "");
}

TEST(Schema, AnExtensionKeepsTheKindsOfItsRelationTypes) {
    Schema s = Schema::defaults();
    s.extend(Schema::fromFile(CG_TEST_DATA "/schema/racehorses.schema.json"));
    EXPECT_EQ(s.relationType("raced_in")->kind, RelationKind::Location);
    EXPECT_EQ(s.relationType("owns")->kind, RelationKind::Ownership);
    s.extend(Schema::fromJson(
        R"({"relation_types": {"owns": {"kind": "weak", "from": ["Person"], "to": ["Asset"]}}})",
        "ext.json"));
    EXPECT_EQ(s.relationType("owns")->kind, RelationKind::Weak);
}
