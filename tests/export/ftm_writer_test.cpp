// SPDX-License-Identifier: MIT
// The FollowTheMoney export: its shape, and that claimgraph's own FtM reader reads it back as
// the same graph (names, types, identifiers, properties, relations and shares).
#include "export/ftm_writer.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

struct FtmEntity {
    std::string id;
    std::string schema;
    std::map<std::string, std::vector<std::string>> properties;
    const std::vector<std::string>& operator[](const std::string& name) const {
        static const std::vector<std::string> none;
        auto it = properties.find(name);
        return it == properties.end() ? none : it->second;
    }
};

// Parses every line, checking the FtM entity shape: an id, a schema, and properties whose
// values are all lists of strings.
std::vector<FtmEntity> parseLines(const std::string& text) {
    std::vector<FtmEntity> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        rapidjson::Document doc;
        doc.Parse(line.c_str(), line.size());
        EXPECT_FALSE(doc.HasParseError()) << line;
        if (doc.HasParseError()) continue;
        EXPECT_TRUE(doc.IsObject() && doc.MemberCount() == 3) << line;
        FtmEntity e;
        e.id = doc["id"].GetString();
        e.schema = doc["schema"].GetString();
        for (const auto& m : doc["properties"].GetObject()) {
            EXPECT_TRUE(m.value.IsArray()) << line;
            EXPECT_GT(m.value.Size(), 0u) << line;
            for (const auto& v : m.value.GetArray()) {
                EXPECT_TRUE(v.IsString()) << line;
                if (v.IsString()) e.properties[m.name.GetString()].push_back(v.GetString());
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

const FtmEntity* byName(const std::vector<FtmEntity>& entities, const std::string& name) {
    for (const auto& e : entities) {
        const auto& names = e["name"];
        if (std::find(names.begin(), names.end(), name) != names.end()) return &e;
    }
    return nullptr;
}

const FtmEntity* byId(const std::vector<FtmEntity>& entities, const std::string& id) {
    for (const auto& e : entities) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

bool has(const std::vector<std::string>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

}  // namespace

TEST(FtmWriter, WritesOneEntityPerNodeThenOneIntervalPerRelation) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    auto entities = parseLines(inv.exportAs("ftm", view));
    ASSERT_EQ(entities.size(), view.nodeCount() + view.edgeCount());
    std::set<std::string> ids;
    for (const auto& e : entities) EXPECT_TRUE(ids.insert(e.id).second) << e.id;
    const std::set<std::string> nodeSchemata{"Person",     "Company", "Organization", "PublicBody",
                                             "RealEstate", "Address", "Position",     "LegalEntity",
                                             "Asset",      "Vessel",  "Airplane"};
    const std::set<std::string> edgeSchemata{
        "Ownership", "Directorship",   "Employment",  "Membership", "Family",
        "Associate", "Representation", "UnknownLink", "Payment",    "Occupancy"};
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const auto& e = entities[i];
        if (i < view.nodeCount()) {
            EXPECT_TRUE(nodeSchemata.count(e.schema)) << e.id << " " << e.schema;
            EXPECT_FALSE(e["name"].empty()) << e.id;
        } else {
            EXPECT_TRUE(edgeSchemata.count(e.schema)) << e.id << " " << e.schema;
            EXPECT_FALSE(e["summary"].empty()) << e.id;
            EXPECT_FALSE(e["recordId"].empty()) << e.id;
        }
    }
    // Hun Sen's title stays a title; the casino is an owned asset with its share.
    const auto* hunSen = byName(entities, "Hun Sen");
    ASSERT_NE(hunSen, nullptr);
    EXPECT_EQ(hunSen->schema, "Person");
    EXPECT_TRUE(has((*hunSen)["title"], "Prime Minister")) << "titles are kept as titles";
    bool ownershipWithShare = false;
    for (const auto& e : entities) {
        if (e.schema == "Ownership" && !e["percentage"].empty()) {
            ownershipWithShare = true;
            EXPECT_EQ(e["owner"].size(), 1u);
            EXPECT_TRUE(ids.count(e["owner"][0]));
            EXPECT_TRUE(ids.count(e["asset"][0]));
        }
    }
    EXPECT_TRUE(ownershipWithShare);
}

TEST(FtmWriter, IsDeterministic) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    EXPECT_EQ(inv.exportAs("ftm", view), inv.exportAs("ftm", view));
}

TEST(FtmWriter, EntitiesFromFtmKeepTheirIdsAndReadBackTheSame) {
    Investigation inv({std::string(CG_TEST_DATA) + "/export/aleph.ftm.jsonl"});
    auto view = inv.view();
    std::string text = inv.exportAs("ftm", view);
    auto entities = parseLines(text);

    const auto* person = byId(entities, "p-vantongeren");
    ASSERT_NE(person, nullptr);
    EXPECT_EQ(person->schema, "Person");
    // Both FtM names and the alias survive, one as the name and the others as aliases.
    std::set<std::string> names((*person)["name"].begin(), (*person)["name"].end());
    names.insert((*person)["alias"].begin(), (*person)["alias"].end());
    EXPECT_EQ(names, (std::set<std::string>{"VANTONGEREN, Marisol", "Marisol Vantongeren",
                                            "Marisol V. Tongeren"}));
    EXPECT_TRUE(has((*person)["idNumber"], "NV-P-0042"));
    // The identifier is not repeated as a note.
    EXPECT_TRUE((*person)["notes"].empty());
    EXPECT_TRUE(has((*person)["birthDate"], "1971-03"));
    EXPECT_TRUE(has((*person)["nationality"], "nv"));
    EXPECT_TRUE(has((*person)["topics"], "role.pep"));
    const auto* company = byId(entities, "c-aurelian");
    ASSERT_NE(company, nullptr);
    EXPECT_TRUE(has((*company)["name"], "Aurelian Holdings Ltd"));
    EXPECT_TRUE(has((*company)["registrationNumber"], "NV-100231"));
    EXPECT_TRUE(has((*company)["leiCode"], "5299000AURELIAN00001"));
    EXPECT_TRUE(has((*company)["incorporationDate"], "2009-11-02"));
    const auto* vessel = byName(entities, "Sea Lark");
    ASSERT_NE(vessel, nullptr);
    EXPECT_EQ(vessel->schema, "Vessel");
    EXPECT_TRUE(has((*vessel)["imoNumber"], "IMO9000001"));
    EXPECT_TRUE(has((*vessel)["flag"], "pa"));
    const auto* address = byName(entities, "Suite 4B, 17 Larkspur Quay, Port Veradine");
    ASSERT_NE(address, nullptr);
    EXPECT_EQ(address->schema, "Address");
    EXPECT_TRUE(has((*address)["full"], "Suite 4B, 17 Larkspur Quay, Port Veradine"));

    // Entities the file only referred to stay in the collection they came from: not written,
    // so that an import cannot overwrite them with a bare id; relations still name them.
    EXPECT_EQ(byId(entities, "c-absent"), nullptr);
    EXPECT_EQ(byId(entities, "p-absent"), nullptr);
    bool namesAbsent = false;
    for (const auto& e : entities) namesAbsent = namesAbsent || has(e["object"], "c-absent");
    EXPECT_TRUE(namesAbsent);

    // Two Ownership records with different shares and dates stay two relations.
    int ownerships = 0;
    std::set<std::string> percentages;
    for (const auto& e : entities) {
        if (e.schema != "Ownership") continue;
        ++ownerships;
        for (const auto& p : e["percentage"]) percentages.insert(p);
    }
    EXPECT_EQ(ownerships, 3);  // and the foundation's holding of an absent entity is an
                               // UnknownLink: FtM cannot know the stub is an asset
    EXPECT_EQ(percentages, (std::set<std::string>{"50", "85", "25-50"}));

    // Read back by the FtM reader: the same entities, relations, names and shares.
    std::string path = inv.dir().file("export.ftm.jsonl");
    {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }
    Investigation back({path});
    auto again = back.view();
    EXPECT_EQ(again.nodeCount(), view.nodeCount());
    EXPECT_EQ(again.edgeCount(), view.edgeCount());
    auto reexported = parseLines(back.exportAs("ftm", again));
    for (const auto& e : entities) {
        if (e.schema == "Ownership" || e.schema == "Directorship" || e.schema == "Family" ||
            e.schema == "Payment" || e.schema == "UnknownLink")
            continue;
        const auto* twin = byName(reexported, e["name"].front());
        ASSERT_NE(twin, nullptr) << e.id;
        EXPECT_EQ(twin->schema, e.schema) << e.id;
        for (const char* p : {"birthDate", "nationality", "registrationNumber", "leiCode",
                              "imoNumber", "incorporationDate", "alias"}) {
            EXPECT_EQ(std::set<std::string>((*twin)[p].begin(), (*twin)[p].end()),
                      std::set<std::string>(e[p].begin(), e[p].end()))
                << e.id << " " << p;
        }
    }
}

TEST(FtmWriter, KeepsHostileNamesExactly) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    auto entities = parseLines(inv.exportAs("ftm", view));
    ASSERT_EQ(entities.size(), view.nodeCount() + view.edgeCount());
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        EXPECT_NE(byName(entities, view.name(v)), nullptr) << view.name(v);
    }
}

TEST(FtmWriter, ExportsAQueryResultOnly) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    cg::graph::Subgraph sub;
    sub.edges = {0};
    sub.normalize(view);
    auto entities = parseLines(inv.exportAs("ftm", view, &sub));
    EXPECT_EQ(entities.size(), sub.nodes.size() + 1);
    EXPECT_EQ(entities.back().id, "claimgraph-relation-" + std::to_string(view.relationId(0)));
}
