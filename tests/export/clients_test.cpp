// SPDX-License-Identifier: MIT
// Every export read back by real clients: networkx (GraphML, GEXF, node-link JSON, Cytoscape
// JSON, and the Neo4j CSV through Python's csv) and python3-igraph (GraphML).
#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/export_graph.hpp"
#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

constexpr int kSkip = 77;

// What the store holds, taken from the view and the schema, never from a writer.
std::string expectedJson(const cg::graph::GraphView& view, cg::graph::Store& store) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    auto str = [&](const std::string& s) {
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    };
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        w.StartObject();
        w.Key("xml_id");
        str("n" + std::to_string(view.entityId(v)));
        w.Key("key");
        str(view.key(v));
        w.Key("name");
        str(view.name(v));
        w.Key("type");
        str(view.schema().entityType(view.nodeType(v)).name);
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (cg::graph::GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
        w.StartObject();
        w.Key("xml_id");
        str("e" + std::to_string(view.relationId(e)));
        w.Key("source");
        str(view.key(view.source(e)));
        w.Key("target");
        str(view.key(view.target(e)));
        w.Key("source_xml");
        str("n" + std::to_string(view.entityId(view.source(e))));
        w.Key("target_xml");
        str("n" + std::to_string(view.entityId(view.target(e))));
        w.Key("type");
        str(view.relationTypeOf(e).name);
        w.Key("label");
        str(view.relationTypeOf(e).label);
        w.Key("confidence");
        w.Double(view.confidence(e));
        w.Key("symmetric");
        w.Bool(!view.directed(e));
        // The evidence, read from the store claim by claim, not from the provenance scan.
        auto claims = store.claimsOfRelation(view.relationId(e));
        std::sort(claims.begin(), claims.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        std::vector<std::string> quotes;
        w.Key("claim_ids");
        w.StartArray();
        for (const auto& c : claims) {
            str(c.key);
            if (!c.quote.empty() &&
                std::find(quotes.begin(), quotes.end(), c.quote) == quotes.end())
                quotes.push_back(c.quote);
        }
        w.EndArray();
        w.Key("quotes");
        w.StartArray();
        for (const auto& q : quotes) str(q);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

class ReadBack : public ::testing::Test {
  protected:
    void SetUp() override {
        auto files = sampleFiles();
        files.push_back(hostileFile());
        files.push_back(std::string(CG_TEST_DATA) + "/export/evidence.claims.jsonl");
        inv_ = std::make_unique<Investigation>(files);
        auto view = inv_->view();
        ASSERT_GT(view.nodeCount(), 20u);
        std::ofstream(dir_.file("expected.json"), std::ios::binary)
            << expectedJson(view, inv_->store());
        std::ostringstream unused;
        for (const auto& [format, name] :
             std::vector<std::pair<std::string, std::string>>{{"graphml", "graph.graphml"},
                                                              {"gexf", "graph.gexf"},
                                                              {"json", "graph.json"},
                                                              {"cytoscape", "graph.cyjs"},
                                                              {"neo4j", "neo4j"}}) {
            cg::exporters::exportGraph({view, inv_->store()}, format, dir_.file(name), unused);
        }
    }

    void readWith(const std::string& client, const std::string& environment) {
        if (!haveTool("python3")) GTEST_SKIP() << "python3 is not installed";
        std::string script = std::string(CG_EXPORT_TESTS_DIR) + "/read_exports.py";
        auto r = runCommand(environment + "python3 " + shellQuote(script) + " " +
                            shellQuote(dir_.path().string()) + " " + client);
        if (r.status == kSkip) GTEST_SKIP() << r.output;
        EXPECT_EQ(r.status, 0) << r.output;
    }

    TempDir dir_;
    std::unique_ptr<Investigation> inv_;
};

}  // namespace

TEST_F(ReadBack, NetworkxReadsEveryExport) { readWith("networkx", ""); }

TEST_F(ReadBack, GraphologyReadsTheGexfAndGraphml) {
    // graphology's parsers (Gephi Lite's), installed from tarballs committed beside the
    // script, so that no registry is reached.
    if (!haveTool("node") || !haveTool("npm")) GTEST_SKIP() << "node and npm are not installed";
    std::string js = std::string(CG_EXPORT_TESTS_DIR) + "/js";
    TempDir install;
    for (const auto* name : {"package.json", "package-lock.json"})
        std::filesystem::copy_file(js + "/" + name, install.path() / name);
    std::filesystem::copy(js + "/vendor", install.path() / "vendor");
    auto npm = runCommand("cd " + shellQuote(install.path().string()) +
                          " && npm ci --offline --no-audit --no-fund --ignore-scripts --cache " +
                          shellQuote((install.path() / "cache").string()));
    ASSERT_EQ(npm.status, 0) << npm.output;
    auto r = runCommand("node " + shellQuote(js + "/read_exports.js") + " " +
                        shellQuote(dir_.path().string()) + " " +
                        shellQuote((install.path() / "node_modules").string()));
    EXPECT_EQ(r.status, 0) << r.output;
}

TEST_F(ReadBack, IgraphReadsTheGraphml) {
    // python3-igraph is a Debian package: the system's dist-packages holds it.
    readWith("igraph", "PYTHONPATH=/usr/lib/python3/dist-packages${PYTHONPATH:+:$PYTHONPATH} ");
}
