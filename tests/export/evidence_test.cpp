// SPDX-License-Identifier: MIT
// The evidence every export carries: each relation's claims, quotes, sources, attributes and
// stance, each entity's names, identifiers and properties, in every format and at each
// --evidence level; denied relations on request; the selection and a query's figures.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <regex>
#include <set>

#include "export/export_options.hpp"
#include "export/exported_graph.hpp"
#include "export/query_figures.hpp"
#include "tests/export/export_fixture.hpp"

using namespace cg::exporters;
using namespace cg::exporters::testing;

namespace {

std::string evidenceFile() { return std::string(CG_TEST_DATA) + "/export/evidence.claims.jsonl"; }

// The bytes a writer produces with `options`.
std::string exportWith(Investigation& inv, const std::string& format,
                       const cg::graph::GraphView& view, const ExportOptions& options) {
    std::ostringstream out;
    makeWriter(format)->write(ExportInput{view, inv.store(), nullptr, nullptr, &options}, out);
    return out.str();
}

// The node-link JSON export, parsed.
rapidjson::Document nodeLink(Investigation& inv, const cg::graph::GraphView& view,
                             const ExportOptions& options = {}) {
    rapidjson::Document doc;
    std::string text = exportWith(inv, "json", view, options);
    doc.Parse(text.c_str(), text.size());
    EXPECT_FALSE(doc.HasParseError()) << text;
    return doc;
}

// The first edge of `type` from `source` to `target` (entity ids) in a node-link document.
const rapidjson::Value* findEdge(const rapidjson::Document& doc, const std::string& source,
                                 const std::string& target, const std::string& type) {
    for (const auto& e : doc["edges"].GetArray()) {
        if (source == e["source"].GetString() && target == e["target"].GetString() &&
            type == e["type"].GetString())
            return &e;
    }
    return nullptr;
}

const rapidjson::Value* findNode(const rapidjson::Document& doc, const std::string& id) {
    for (const auto& n : doc["nodes"].GetArray()) {
        if (id == n["id"].GetString()) return &n;
    }
    return nullptr;
}

std::vector<std::string> strings(const rapidjson::Value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.GetArray()) out.emplace_back(v.GetString());
    return out;
}

const std::string kNomineeQuote =
    "Quillfeather is listed as \"nominee director\" <since 2019> & signs, as agent; for A,B";

}  // namespace

TEST(Evidence, EveryEdgeCarriesItsClaimsQuotesSourcesAndAttributes) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    auto doc = nodeLink(inv, view);
    const auto* director = findEdge(doc, "ev-mara", "ev-lantern", "director_of");
    ASSERT_NE(director, nullptr);
    const auto& e = *director;
    EXPECT_EQ(strings(e["role"]), std::vector<std::string>{"nominee director"});
    EXPECT_EQ(strings(e["claim_ids"]), (std::vector<std::string>{"ev-01", "ev-02"}));
    EXPECT_EQ(strings(e["source_ids"]), (std::vector<std::string>{"ev-gazette", "ev-registry"}));
    EXPECT_EQ(strings(e["source_urls"]),
              (std::vector<std::string>{"https://example.org/fictional/gazette?a=1&b=<2>",
                                        "https://example.org/fictional/register"}));
    EXPECT_EQ(strings(e["source_titles"])[1], "Verdant Isles Companies Register (fictional)");
    EXPECT_EQ(strings(e["quotes"]),
              (std::vector<std::string>{kNomineeQuote, "a director, says the Gazette"}));
    EXPECT_STREQ(e["stance"].GetString(), "asserted");
    EXPECT_STREQ(e["relation_kind"].GetString(), "role");
    EXPECT_EQ(e["dispute"].GetInt(), 0);
    ASSERT_TRUE(e["claims"].IsArray());
    ASSERT_EQ(e["claims"].Size(), 2u);
    EXPECT_STREQ(e["claims"][0]["claim_id"].GetString(), "ev-01");
    EXPECT_STREQ(e["claims"][0]["source_id"].GetString(), "ev-registry");
    EXPECT_STREQ(e["claims"][0]["stance"].GetString(), "asserts");
    EXPECT_DOUBLE_EQ(e["claims"][0]["confidence"].GetDouble(), 0.9);
    EXPECT_EQ(std::string(e["claims"][0]["quote"].GetString()), kNomineeQuote);

    const auto* paid = findEdge(doc, "ev-lantern", "ev-coral", "paid");
    ASSERT_NE(paid, nullptr);
    EXPECT_EQ(strings((*paid)["amount"]), std::vector<std::string>{"125000"});
    EXPECT_EQ(strings((*paid)["currency"]), std::vector<std::string>{"EUR"});
    EXPECT_EQ(strings((*paid)["purpose"]), std::vector<std::string>{"consultancy, \"phase 2\""});
    EXPECT_FALSE(paid->HasMember("role")) << "no claim gives a role";

    const auto* family = findEdge(doc, "ev-mara", "ev-tobin", "family_of");
    ASSERT_NE(family, nullptr);
    EXPECT_EQ(strings((*family)["relationship"]), std::vector<std::string>{"brother-in-law"});
    EXPECT_STREQ((*family)["relation_kind"].GetString(), "personal");
    EXPECT_STREQ((*paid)["relation_kind"].GetString(), "money");
}

TEST(Evidence, EveryNodeCarriesItsNamesIdentifiersAndProperties) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    auto doc = nodeLink(inv, view);
    const auto* mara = findNode(doc, "ev-mara");
    ASSERT_NE(mara, nullptr);
    EXPECT_EQ(strings((*mara)["names"]),
              (std::vector<std::string>{"M. Quillfeather", "Mara Quillfeather"}));
    EXPECT_EQ(strings((*mara)["aliases"]), std::vector<std::string>{"M. Quillfeather"});
    EXPECT_EQ(strings((*mara)["identifiers"]), std::vector<std::string>{"passport:VI-77"});
    ASSERT_TRUE((*mara)["properties"].IsObject());
    EXPECT_EQ(strings((*mara)["properties"]["nationality"]), std::vector<std::string>{"VI"});
    EXPECT_STREQ((*mara)["type"].GetString(), "Person");
    EXPECT_EQ(strings((*mara)["source_ids"]),
              (std::vector<std::string>{"ev-gazette", "ev-registry"}));
    const auto* lantern = findNode(doc, "ev-lantern");
    ASSERT_NE(lantern, nullptr);
    EXPECT_EQ(strings((*lantern)["properties"]["address"]),
              std::vector<std::string>{"1 Harbour Row, Port Verdant"});
}

TEST(Evidence, SummaryKeepsEveryClaimButOnlyTheStrongestQuote) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    ExportOptions options;
    options.evidence = EvidenceLevel::Summary;
    auto doc = nodeLink(inv, view, options);
    const auto* e = findEdge(doc, "ev-mara", "ev-lantern", "director_of");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(strings((*e)["claim_ids"]), (std::vector<std::string>{"ev-01", "ev-02"}));
    EXPECT_EQ(strings((*e)["quotes"]), std::vector<std::string>{kNomineeQuote});
    ASSERT_EQ((*e)["claims"].Size(), 2u);
    EXPECT_TRUE((*e)["claims"][0].HasMember("quote")) << "the strongest claim keeps its quote";
    EXPECT_FALSE((*e)["claims"][1].HasMember("quote"));
    EXPECT_STREQ((*e)["claims"][1]["source_id"].GetString(), "ev-gazette");
}

TEST(Evidence, NoneKeepsOnlyClaimAndSourceIds) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    ExportOptions options;
    options.evidence = EvidenceLevel::None;
    auto doc = nodeLink(inv, view, options);
    const auto* e = findEdge(doc, "ev-mara", "ev-lantern", "director_of");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(strings((*e)["claim_ids"]), (std::vector<std::string>{"ev-01", "ev-02"}));
    EXPECT_EQ(strings((*e)["source_ids"]), (std::vector<std::string>{"ev-gazette", "ev-registry"}));
    EXPECT_FALSE(e->HasMember("quotes"));
    EXPECT_FALSE(e->HasMember("claims"));
    EXPECT_FALSE(e->HasMember("source_urls"));
    for (const auto& format : {"graphml", "gexf", "cytoscape", "ftm"}) {
        EXPECT_EQ(exportWith(inv, format, view, options).find("Quillfeather is listed"),
                  std::string::npos)
            << format << " carries a quote at --evidence none";
    }
}

TEST(Evidence, DisputedRelationsAreMarkedAndDeniedOnesOnlyOnRequest) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    auto doc = nodeLink(inv, view);
    const auto* disputed = findEdge(doc, "ev-tobin", "ev-coral", "owns");
    ASSERT_NE(disputed, nullptr);
    EXPECT_STREQ((*disputed)["stance"].GetString(), "disputed");
    EXPECT_EQ((*disputed)["dispute"].GetInt(), 1);
    EXPECT_EQ((*disputed)["claims"][1]["stance"], "denies");
    EXPECT_EQ(findEdge(doc, "ev-mara", "ev-lantern", "owns"), nullptr)
        << "a relation that is only denied is left out by default";

    cg::graph::ViewFilter filter;
    filter.includeDenied = true;
    auto withDenied = inv.view(filter);
    auto all = nodeLink(inv, withDenied);
    const auto* denied = findEdge(all, "ev-mara", "ev-lantern", "owns");
    ASSERT_NE(denied, nullptr);
    EXPECT_STREQ((*denied)["stance"].GetString(), "denied");
    EXPECT_EQ((*denied)["support"].GetInt(), 0);
    EXPECT_EQ(strings((*denied)["quotes"]),
              std::vector<std::string>{"Quillfeather denies owning Lantern Reef"});
    EXPECT_STREQ((*denied)["claims"][0]["stance"].GetString(), "denies");
    for (const auto& format : {"graphml", "gexf", "cytoscape"}) {
        auto text = exportWith(inv, format, withDenied, {});
        EXPECT_NE(text.find("denied"), std::string::npos) << format;
        EXPECT_NE(text.find("disputed"), std::string::npos) << format;
    }
    auto ftm = exportWith(inv, "ftm", withDenied, {});
    EXPECT_NE(ftm.find("denied: no claim asserts it"), std::string::npos);
    EXPECT_NE(ftm.find("disputed by 1 denying claim"), std::string::npos);
}

TEST(Evidence, XmlFormatsWriteListsAsJsonArraysInOneString) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    auto graphml = exportWith(inv, "graphml", view, {});
    EXPECT_NE(
        graphml.find("<data key=\"edge_source_ids\">[\"ev-gazette\", \"ev-registry\"]</data>"),
        std::string::npos);
    EXPECT_NE(graphml.find("<data key=\"edge_role\">[\"nominee director\"]</data>"),
              std::string::npos);
    EXPECT_NE(graphml.find("<key id=\"edge_quotes\" for=\"edge\" attr.name=\"quotes\" "
                           "attr.type=\"string\"/>"),
              std::string::npos);
    auto gexf = exportWith(inv, "gexf", view, {});
    EXPECT_NE(gexf.find("<attvalue for=\"claim_ids\" value=\"[&quot;ev-01&quot;, "
                        "&quot;ev-02&quot;]\"/>"),
              std::string::npos);
}

TEST(Evidence, FtmUsesItsOwnPropertiesForTheEvidence) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    std::istringstream lines(exportWith(inv, "ftm", view, {}));
    std::string line;
    bool sawDirectorship = false, sawPayment = false;
    while (std::getline(lines, line)) {
        rapidjson::Document d;
        d.Parse(line.c_str());
        ASSERT_FALSE(d.HasParseError()) << line;
        std::string schema = d["schema"].GetString();
        const auto& p = d["properties"];
        if (schema == "Directorship") {
            sawDirectorship = true;
            EXPECT_EQ(strings(p["role"]), std::vector<std::string>{"nominee director"});
            auto descriptions = strings(p["description"]);
            EXPECT_NE(std::find(descriptions.begin(), descriptions.end(), kNomineeQuote),
                      descriptions.end());
            EXPECT_EQ(strings(p["publisher"]).size(), 2u);
            EXPECT_NE(std::string(p["summary"][0].GetString()).find("claims: ev-01, ev-02"),
                      std::string::npos);
        }
        if (schema == "Payment") {
            sawPayment = true;
            EXPECT_EQ(strings(p["amount"]), std::vector<std::string>{"125000"});
            EXPECT_EQ(strings(p["currency"]), std::vector<std::string>{"EUR"});
            EXPECT_EQ(strings(p["purpose"]), std::vector<std::string>{"consultancy, \"phase 2\""});
        }
    }
    EXPECT_TRUE(sawDirectorship);
    EXPECT_TRUE(sawPayment);
}

TEST(Evidence, GraphmlColoursNodesByTypeLikeGexf) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    auto graphml = exportWith(inv, "graphml", view, {});
    auto gexf = exportWith(inv, "gexf", view, {});
    const auto& person = inv.schema().entityType(*inv.schema().entityTypeId("Person"));
    auto rgb = rgbOf(person);
    ASSERT_TRUE(rgb.has_value());
    std::string data = "<data key=\"node_r\">" + std::to_string((*rgb)[0]) +
                       "</data><data key=\"node_g\">" + std::to_string((*rgb)[1]) +
                       "</data><data key=\"node_b\">" + std::to_string((*rgb)[2]) + "</data>";
    std::string viz = "<viz:color r=\"" + std::to_string((*rgb)[0]) + "\" g=\"" +
                      std::to_string((*rgb)[1]) + "\" b=\"" + std::to_string((*rgb)[2]) + "\"/>";
    EXPECT_NE(graphml.find(data), std::string::npos);
    EXPECT_NE(graphml.find("<data key=\"node_color\">" + person.color + "</data>"),
              std::string::npos);
    EXPECT_NE(gexf.find(viz), std::string::npos);
}

TEST(Evidence, EveryExportRecordsItsSelectionWithoutAClock) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    ExportOptions options;
    options.selection = {{"evidence", "full"}, {"types", "Person,Company"}, {"query", "q<1>"}};
    auto graphml = exportWith(inv, "graphml", view, options);
    EXPECT_NE(graphml.find("<desc>claimgraph export; evidence: full; types: Person,Company; "
                           "query: q&lt;1&gt;</desc>"),
              std::string::npos);
    EXPECT_NE(graphml.find("<data key=\"graph_selection\">{\"evidence\": \"full\""),
              std::string::npos);
    EXPECT_NE(exportWith(inv, "gexf", view, options).find("selection: {"), std::string::npos);
    auto doc = nodeLink(inv, view, options);
    EXPECT_STREQ(doc["graph"]["selection"]["types"].GetString(), "Person,Company");
    rapidjson::Document cy;
    std::string text = exportWith(inv, "cytoscape", view, options);
    cy.Parse(text.c_str());
    EXPECT_STREQ(cy["data"]["selection"]["query"].GetString(), "q<1>");
    EXPECT_EQ(exportWith(inv, "graphml", view, options), graphml) << "not deterministic";
}

TEST(Evidence, QueryFiguresGoOnTheirNodesAndEdgesInEveryFormat) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    QueryFigures figures;
    auto share = figures.nodeAttribute("query_share_min", AttributeType::Real);
    auto ultimate = figures.nodeAttribute("query_ultimate", AttributeType::Boolean);
    auto routes = figures.edgeAttribute("query_routes", AttributeType::Json);
    cg::graph::GraphView::Node tobin = view.node(0);
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v)
        if (view.key(v) == "ev-tobin") tobin = v;
    figures.setNode(tobin, share, 60.0);
    figures.setNode(tobin, ultimate, true);
    figures.setEdge(0, routes, std::string("[[1, 2]]"));
    ExportOptions options;
    options.figures = &figures;
    auto doc = nodeLink(inv, view, options);
    const auto* node = findNode(doc, "ev-tobin");
    ASSERT_NE(node, nullptr);
    EXPECT_DOUBLE_EQ((*node)["query_share_min"].GetDouble(), 60.0);
    EXPECT_TRUE((*node)["query_ultimate"].GetBool());
    EXPECT_EQ(doc["edges"][0]["query_routes"][0][1].GetInt(), 2);
    auto graphml = exportWith(inv, "graphml", view, options);
    EXPECT_NE(graphml.find("<key id=\"node_query_share_min\" for=\"node\" "
                           "attr.name=\"query_share_min\" attr.type=\"double\"/>"),
              std::string::npos);
    EXPECT_NE(graphml.find("<data key=\"node_query_ultimate\">true</data>"), std::string::npos);
    auto gexf = exportWith(inv, "gexf", view, options);
    EXPECT_NE(gexf.find("<attvalue for=\"query_share_min\" value=\"60.0\"/>"), std::string::npos);
}

TEST(Evidence, Neo4jHeadersFollowTheImportersGrammar) {
    Investigation inv({evidenceFile()});
    auto view = inv.view();
    QueryFigures figures;
    figures.nodeAttribute("query_rank", AttributeType::Long);
    ExportOptions options;
    options.figures = &figures;
    TempDir dir;
    auto files = makeWriter("neo4j")->writeTo(
        ExportInput{view, inv.store(), nullptr, nullptr, &options}, dir.path() / "neo4j");
    ASSERT_EQ(files.size(), 2u);
    // neo4j-admin's header: name[:type] or a special :ID, :LABEL, :START_ID, :END_ID, :TYPE,
    // types int, long, double, boolean, date, string, each optionally an array (`[]`).
    const std::regex column(
        "([A-Za-z_][A-Za-z0-9_]*)?(:(ID|LABEL|START_ID|END_ID|TYPE|(int|long|double|boolean|"
        "date|string)(\\[\\])?))?");
    for (const auto& file : files) {
        std::istringstream in(readFile(file));
        std::string header;
        std::getline(in, header);
        std::istringstream cells(header);
        std::string cell;
        std::set<std::string> names;
        while (std::getline(cells, cell, ',')) {
            EXPECT_TRUE(std::regex_match(cell, column)) << file << ": " << cell;
            auto name = cell.substr(0, cell.find(':'));
            if (!name.empty()) {
                EXPECT_TRUE(names.insert(name).second) << "repeated " << name;
            }
        }
    }
    auto nodes = readFile(files[0]);
    EXPECT_NE(nodes.find(",query_rank:long,:LABEL\n"), std::string::npos);
    auto relationships = readFile(files[1]);
    EXPECT_NE(relationships.find("claim_ids:string[]"), std::string::npos);
    EXPECT_NE(relationships.find("\"ev-01;ev-02\""), std::string::npos);
    EXPECT_NE(relationships.find("quotes,"), std::string::npos) << "free text is a JSON string";
}
