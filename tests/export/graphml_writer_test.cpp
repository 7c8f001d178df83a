// SPDX-License-Identifier: MIT
#include "export/graphml_writer.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

std::vector<std::smatch> allMatches(const std::string& text, const std::regex& re) {
    std::vector<std::smatch> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        out.push_back(*it);
    }
    return out;
}

// The <edge> element lines of a GraphML export.
std::vector<std::string> edgeLines(const std::string& graphml) {
    std::vector<std::string> lines;
    std::istringstream in(graphml);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("<edge id=") != std::string::npos) lines.push_back(line);
    }
    return lines;
}

std::string nodeId(const cg::graph::GraphView& view, const std::string& key) {
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        if (view.key(v) == key) return "n" + std::to_string(view.entityId(v));
    }
    return "";
}

void validate(const std::string& file) {
    std::string shared = sharedFixtures();
    if (shared.empty())
        GTEST_SKIP() << "no shared fixtures at " << CG_SHARED_DIR << "; cannot validate";
    if (!haveTool("xmllint")) GTEST_SKIP() << "xmllint is not installed (libxml2-utils)";
    std::string xsd = shared + "/graphml-xsd";
    auto r = runCommand("XML_CATALOG_FILES=" + shellQuote(xsd + "/catalog.xml") +
                        " xmllint --noout --nonet --schema " + shellQuote(xsd + "/graphml.xsd") +
                        " " + shellQuote(file));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("validates"), std::string::npos) << r.output;
}

}  // namespace

TEST(GraphmlWriter, SamplesValidateAgainstTheGraphmlXsd) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    std::string file = inv.dir().file("samples.graphml");
    std::ofstream(file, std::ios::binary) << inv.exportAs("graphml", view);
    validate(file);
}

TEST(GraphmlWriter, HostileNamesValidateAgainstTheGraphmlXsd) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string file = inv.dir().file("hostile.graphml");
    std::ofstream(file, std::ios::binary) << inv.exportAs("graphml", view);
    validate(file);
}

TEST(GraphmlWriter, UsesNmtokenIdsDerivedFromIntegerIds) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("graphml", view);
    auto nodes = allMatches(out, std::regex("<node id=\"([^\"]*)\""));
    auto edges = allMatches(
        out, std::regex("<edge id=\"([^\"]*)\" source=\"([^\"]*)\" target=\"([^\"]*)\""));
    ASSERT_EQ(nodes.size(), view.nodeCount());
    ASSERT_EQ(edges.size(), view.edgeCount());
    std::regex nodeToken("n[0-9]+"), edgeToken("e[0-9]+");
    std::set<std::string> ids;
    for (const auto& m : nodes) {
        EXPECT_TRUE(std::regex_match(m[1].str(), nodeToken)) << m[1];
        ids.insert(m[1]);
    }
    EXPECT_EQ(ids.size(), nodes.size()) << "node ids are unique";
    std::set<std::string> edgeIds;
    for (const auto& m : edges) {
        EXPECT_TRUE(std::regex_match(m[1].str(), edgeToken)) << m[1];
        EXPECT_TRUE(ids.count(m[2])) << "edge source " << m[2] << " is a node";
        EXPECT_TRUE(ids.count(m[3])) << "edge target " << m[3] << " is a node";
        edgeIds.insert(m[1]);
    }
    EXPECT_EQ(edgeIds.size(), edges.size()) << "edge ids are unique";
}

TEST(GraphmlWriter, DeclaresTypedKeysWhereGephiLooksWithoutUsingItsNames) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("graphml", view);
    EXPECT_NE(out.find("for=\"node\" attr.name=\"label\" attr.type=\"string\""), std::string::npos);
    EXPECT_NE(out.find("for=\"edge\" attr.name=\"label\" attr.type=\"string\""), std::string::npos);
    EXPECT_NE(out.find("for=\"edge\" attr.name=\"weight\" attr.type=\"double\""),
              std::string::npos);
    EXPECT_NE(out.find("for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\""),
              std::string::npos);
    EXPECT_NE(out.find("edgedefault=\"directed\""), std::string::npos);
    // The ids and names Gephi's GraphML importer maps onto node and edge properties; d3 and
    // d7 are yEd's label keys, which is why networkx-style d0, d1, ... ids are unsafe.
    const std::set<std::string> gephiNames{
        "label", "weight", "id",   "r",     "g",         "b",      "x",           "y",  "z",
        "xpos",  "ypos",   "size", "color", "edgelabel", "edgeid", "Edge Weight", "d3", "d7"};
    auto keys = allMatches(out, std::regex("<key id=\"([^\"]*)\""));
    ASSERT_GT(keys.size(), 10u);
    for (const auto& k : keys) EXPECT_FALSE(gephiNames.count(k[1])) << k[1];
}

TEST(GraphmlWriter, WritesBooleansAsTrueAndFalse) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("graphml", view);
    auto values = allMatches(
        out, std::regex("<data key=\"(?:node|edge)_(?:disputed|symmetric)\">([^<]*)</data>"));
    ASSERT_EQ(values.size(), view.nodeCount() + 2 * view.edgeCount());
    std::set<std::string> seen;
    for (const auto& v : values) seen.insert(v[1]);
    EXPECT_EQ(seen, (std::set<std::string>{"true", "false"}));
}

TEST(GraphmlWriter, GivesParallelEdgesDistinctIds) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("graphml", view);
    std::string from = nodeId(view, "hx-nonchar"), to = nodeId(view, "hx-rtl");
    ASSERT_FALSE(from.empty());
    std::set<std::string> ids;
    for (const auto& line : edgeLines(out)) {
        if (line.find("source=\"" + from + "\" target=\"" + to + "\"") == std::string::npos)
            continue;
        std::smatch m;
        ASSERT_TRUE(std::regex_search(line, m, std::regex("<edge id=\"([^\"]*)\"")));
        ids.insert(m[1]);
    }
    EXPECT_EQ(ids.size(), 2u) << "two owns relations with different relation keys";
}

TEST(GraphmlWriter, WritesUndirectedRelationsOnceInCanonicalOrderAsSymmetric) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("graphml", view);
    std::string banker = nodeId(view, "hx-banker"), emoji = nodeId(view, "hx-emoji");
    int family = 0;
    for (const auto& line : edgeLines(out)) {
        if (line.find(">family_of<") == std::string::npos) continue;
        ++family;
        // The claim names the emoji person first; the banker has the lower id.
        EXPECT_NE(line.find("source=\"" + banker + "\" target=\"" + emoji + "\""),
                  std::string::npos)
            << line;
        EXPECT_NE(line.find("<data key=\"edge_symmetric\">true</data>"), std::string::npos) << line;
        EXPECT_NE(line.find("<data key=\"edge_disputed\">true</data>"), std::string::npos) << line;
    }
    EXPECT_EQ(family, 1);
    for (const auto& line : edgeLines(out)) {
        if (line.find(">owns<") == std::string::npos) continue;
        EXPECT_NE(line.find("<data key=\"edge_symmetric\">false</data>"), std::string::npos)
            << line;
    }
}

TEST(GraphmlWriter, EscapesMarkupAndReplacesForbiddenCharacters) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("graphml", view);
    EXPECT_NE(out.find(">Ayesha \"The Banker\" O'Neil &amp; &lt;Sons&gt;</data>"),
              std::string::npos);
    EXPECT_NE(out.find(">Ctrl\xEF\xBF\xBDName\xEF\xBF\xBD Ltd\xEF\xBF\xBD</data>"),
              std::string::npos);
    EXPECT_NE(out.find("]]&gt; Holdings&#13;</data>"), std::string::npos);
    EXPECT_NE(out.find("🦈 Shark Capital 💰"), std::string::npos);
    EXPECT_EQ(out.find('\x01'), std::string::npos);
}

TEST(GraphmlWriter, WritesOnlyASubgraphWhenGiven) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    ASSERT_GT(view.edgeCount(), 3u);
    cg::graph::Subgraph part;
    part.edges = {0, 2};
    part.normalize(view);
    std::string out = inv.exportAs("graphml", view, &part);
    EXPECT_EQ(allMatches(out, std::regex("<node id=")).size(), part.nodes.size());
    EXPECT_EQ(allMatches(out, std::regex("<edge id=")).size(), 2u);
    EXPECT_NE(out.find("<edge id=\"e" + std::to_string(view.relationId(2)) + "\""),
              std::string::npos);
}

TEST(GraphmlWriter, AnEmptyGraphValidates) {
    Investigation inv({});
    auto view = inv.view();
    std::string file = inv.dir().file("empty.graphml");
    std::ofstream(file, std::ios::binary) << inv.exportAs("graphml", view);
    validate(file);
}
