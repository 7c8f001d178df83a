// SPDX-License-Identifier: MIT
#include "export/export_graph.hpp"

#include <gtest/gtest.h>

#include "export/writer_factory.hpp"
#include "graph/error.hpp"
#include "tests/export/export_fixture.hpp"

using cg::exporters::exportGraph;
using cg::exporters::ExportInput;
using namespace cg::exporters::testing;

TEST(WriterFactory, MakesAWriterForEveryListedFormat) {
    for (const auto& format : cg::exporters::formatNames()) {
        EXPECT_NE(cg::exporters::makeWriter(format), nullptr) << format;
    }
    EXPECT_EQ(cg::exporters::formatList(), "graphml, gexf, json, cytoscape, neo4j, ftm, html");
}

TEST(WriterFactory, RejectsAnUnknownFormatListingTheKnownOnes) {
    try {
        cg::exporters::makeWriter("dot");
        FAIL() << "no error";
    } catch (const cg::InputError& e) {
        EXPECT_STREQ(e.what(),
                     "--format: unknown export format 'dot' (expected graphml, gexf, json, "
                     "cytoscape, neo4j, ftm, html)");
    }
}

TEST(ExportGraph, GivesTheSameBytesForTheSameInput) {
    Investigation inv(sampleFiles());
    auto first = inv.view();
    auto second = inv.view();
    for (const auto& format : {"graphml", "gexf", "json", "cytoscape", "ftm"}) {
        std::string a = inv.exportAs(format, first);
        std::string b = inv.exportAs(format, second);
        EXPECT_GT(a.size(), 1000u) << format;
        EXPECT_TRUE(a == b) << format << " differs between two exports";
    }
    exportGraph({first, inv.store()}, "neo4j", inv.dir().file("a"), std::cout);
    exportGraph({second, inv.store()}, "neo4j", inv.dir().file("b"), std::cout);
    for (const auto& file : {"nodes.csv", "relationships.csv"}) {
        std::string a = readFile(inv.dir().path() / "a" / file);
        EXPECT_GT(a.size(), 100u) << file;
        EXPECT_TRUE(a == readFile(inv.dir().path() / "b" / file))
            << file << " differs between two exports";
    }
}

TEST(ExportGraph, WritesAWholeFileAndNothingBeside) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string path = inv.dir().file("out.graphml");
    std::ostringstream unused;
    auto summary = exportGraph({view, inv.store()}, "graphml", path, unused);
    EXPECT_TRUE(unused.str().empty());
    ASSERT_EQ(summary.files.size(), 1u);
    EXPECT_EQ(summary.files[0], path);
    EXPECT_EQ(summary.nodes, view.nodeCount());
    EXPECT_EQ(summary.edges, view.edgeCount());
    EXPECT_EQ(readFile(path), inv.exportAs("graphml", view));
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(ExportGraph, WritesToTheStreamForDash) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::ostringstream out;
    auto summary = exportGraph({view, inv.store()}, "json", "-", out);
    EXPECT_TRUE(summary.files.empty());
    EXPECT_EQ(out.str(), inv.exportAs("json", view));
}

TEST(ExportGraph, RefusesNeo4jOnTheStream) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::ostringstream out;
    EXPECT_THROW(exportGraph({view, inv.store()}, "neo4j", "-", out), cg::InputError);
    EXPECT_THROW(exportGraph({view, inv.store()}, "neo4j", "", out), cg::InputError);
    EXPECT_TRUE(out.str().empty());
}

TEST(ExportGraph, ReportsAFileThatCannotBeCreated) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::ostringstream out;
    try {
        exportGraph({view, inv.store()}, "gexf", inv.dir().file("no/such/dir/x.gexf"), out);
        FAIL() << "no error";
    } catch (const cg::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("x.gexf: cannot create the file"), std::string::npos)
            << e.what();
    }
}

TEST(ExportGraph, CountsOnlyASubgraph) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    cg::graph::Subgraph part;
    part.edges = {1};
    std::ostringstream out;
    auto summary = exportGraph({view, inv.store(), &part}, "json", "-", out);
    EXPECT_EQ(summary.edges, 1u);
    EXPECT_EQ(summary.nodes, view.source(1) == view.target(1) ? 1u : 2u);
}

TEST(ExportGraph, FollowsTheViewFilters) {
    Investigation inv(sampleFiles());
    cg::graph::ViewFilter filter;
    filter.entityTypes = {"Person"};
    auto people = inv.view(filter);
    auto all = inv.view();
    ASSERT_LT(people.nodeCount(), all.nodeCount());
    std::string json = inv.exportAs("json", people);
    EXPECT_EQ(json.find("\"type\": \"Company\""), std::string::npos);
    EXPECT_NE(json.find("\"type\": \"Person\""), std::string::npos);
}
