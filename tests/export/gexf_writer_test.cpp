// SPDX-License-Identifier: MIT
#include "export/gexf_writer.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

void validate(const std::string& file) {
    std::string shared = sharedFixtures();
    if (shared.empty())
        GTEST_SKIP() << "no shared fixtures at " << CG_SHARED_DIR << "; cannot validate";
    if (!haveTool("xmllint")) GTEST_SKIP() << "xmllint is not installed (libxml2-utils)";
    auto r = runCommand("xmllint --noout --nonet --relaxng " +
                        shellQuote(shared + "/gexf-xsd/gexf.rng") + " " + shellQuote(file));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("validates"), std::string::npos) << r.output;
}

// The <edge ...> line of the relation of `type` from one entity to another.
std::string edgeLine(const std::string& gexf, const cg::graph::GraphView& view,
                     const std::string& from, const std::string& to, const std::string& type) {
    std::string a, b;
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        if (view.key(v) == from) a = "n" + std::to_string(view.entityId(v));
        if (view.key(v) == to) b = "n" + std::to_string(view.entityId(v));
    }
    std::istringstream in(gexf);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("source=\"" + a + "\" target=\"" + b + "\"") != std::string::npos &&
            line.find("kind=\"" + type + "\"") != std::string::npos) {
            return line;
        }
    }
    return "";
}

}  // namespace

TEST(GexfWriter, SamplesValidateAgainstTheGexfRelaxNgSchema) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    std::string file = inv.dir().file("samples.gexf");
    std::ofstream(file, std::ios::binary) << inv.exportAs("gexf", view);
    validate(file);
}

TEST(GexfWriter, HostileNamesValidateAgainstTheGexfRelaxNgSchema) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string file = inv.dir().file("hostile.gexf");
    std::ofstream(file, std::ios::binary) << inv.exportAs("gexf", view);
    validate(file);
}

TEST(GexfWriter, DeclaresADynamicDateGraphWithoutSchemaLocationOrTimestamp) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("gexf", view);
    EXPECT_NE(out.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                       "version=\"1.3\">"),
              std::string::npos);
    EXPECT_NE(out.find("mode=\"dynamic\" timeformat=\"date\""), std::string::npos);
    EXPECT_EQ(out.find("schemaLocation"), std::string::npos);
    EXPECT_EQ(out.find("lastmodifieddate"), std::string::npos);
    EXPECT_NE(out.find("<nodes count=\"" + std::to_string(view.nodeCount()) + "\">"),
              std::string::npos);
    EXPECT_NE(out.find("<edges count=\"" + std::to_string(view.edgeCount()) + "\">"),
              std::string::npos);
}

TEST(GexfWriter, GivesAnInterruptedRelationSpells) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string line = edgeLine(inv.exportAs("gexf", view), view, "hx-banker", "=evil-id", "owns");
    ASSERT_FALSE(line.empty());
    EXPECT_NE(line.find("<spells><spell start=\"2010-01-01\" end=\"2012-12-31\"/><spell "
                        "start=\"2015-06-01\"/></spells>"),
              std::string::npos)
        << line;
    EXPECT_EQ(line.find(" start=\"2010-01-01\" end=\"2012-12-31\">"), std::string::npos)
        << "spells, not an edge interval that would hide the gap";
}

TEST(GexfWriter, PutsASingleIntervalOnTheEdge) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string line = edgeLine(inv.exportAs("gexf", view), view, "hx-ctrl", "hx-rtl", "owns");
    ASSERT_FALSE(line.empty());
    EXPECT_NE(line.find(" start=\"2019-01-01\">"), std::string::npos) << line;
    EXPECT_EQ(line.find(" end="), std::string::npos) << line;
    EXPECT_EQ(line.find("<spells>"), std::string::npos) << line;
}

TEST(GexfWriter, LeavesUndatedRelationsAlwaysPresent) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string line =
        edgeLine(inv.exportAs("gexf", view), view, "hx-banker", "=evil-id", "controls");
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.find(" start="), std::string::npos) << line;
    EXPECT_EQ(line.find("<spell"), std::string::npos) << line;
}

TEST(GexfWriter, WritesKindLabelWeightAndTypeColours) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("gexf", view);
    std::string line = edgeLine(out, view, "hx-banker", "=evil-id", "controls");
    EXPECT_NE(line.find("label=\"controls\" kind=\"controls\" weight=\"0.7\""), std::string::npos)
        << line;
    // Person is #e15759 in the default schema.
    std::regex person(
        "<node id=\"n[0-9]+\" label=\"Ayesha &quot;The Banker&quot; O'Neil &amp; &lt;Sons&gt;\">.*"
        "<viz:color r=\"225\" g=\"87\" b=\"89\"/></node>");
    EXPECT_TRUE(std::regex_search(out, person));
    EXPECT_NE(out.find("<attribute id=\"type\" title=\"type\" type=\"string\"/>"),
              std::string::npos);
    EXPECT_NE(out.find("<attribute id=\"disputed\" title=\"disputed\" type=\"boolean\"/>"),
              std::string::npos);
    EXPECT_EQ(out.find("title=\"weight\""), std::string::npos)
        << "weight is the edge's own attribute";
}

TEST(GexfWriter, KeepsNewlinesAndTabsInAttributeValues) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string out = inv.exportAs("gexf", view);
    EXPECT_NE(out.find("label=\"Tab&#9;and&#10;New Line ]]&gt; Holdings"), std::string::npos);
}

TEST(GexfWriter, AnEmptyGraphValidates) {
    Investigation inv({});
    auto view = inv.view();
    std::string file = inv.dir().file("empty.gexf");
    std::ofstream(file, std::ios::binary) << inv.exportAs("gexf", view);
    validate(file);
}
