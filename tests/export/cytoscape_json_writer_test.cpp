// SPDX-License-Identifier: MIT
#include "export/cytoscape_json_writer.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

TEST(CytoscapeJsonWriter, WritesElementsThatReferToNodeIds) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string text = inv.exportAs("cytoscape", view);
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    ASSERT_FALSE(doc.HasParseError()) << "offset " << doc.GetErrorOffset();
    const auto& nodes = doc["elements"]["nodes"];
    const auto& edges = doc["elements"]["edges"];
    ASSERT_EQ(nodes.Size(), view.nodeCount());
    ASSERT_EQ(edges.Size(), view.edgeCount());
    std::set<std::string> ids;
    for (const auto& n : nodes.GetArray()) {
        const auto& data = n["data"];
        ids.insert(data["id"].GetString());
        EXPECT_STREQ(data["id"].GetString(), data["value"].GetString());
        EXPECT_STREQ(n["classes"].GetString(), data["type"].GetString());
    }
    EXPECT_TRUE(ids.count("=evil-id"));
    std::set<std::string> edgeIds;
    for (const auto& e : edges.GetArray()) {
        const auto& data = e["data"];
        EXPECT_TRUE(ids.count(data["source"].GetString()));
        EXPECT_TRUE(ids.count(data["target"].GetString()));
        edgeIds.insert(data["id"].GetString());
        EXPECT_STREQ(data["id"].GetString(), data["key"].GetString());
        EXPECT_STREQ(e["classes"].GetString(), data["type"].GetString());
    }
    EXPECT_EQ(edgeIds.size(), view.edgeCount());
    EXPECT_TRUE(doc["directed"].GetBool());
    EXPECT_TRUE(doc["multigraph"].GetBool());
}

TEST(CytoscapeJsonWriter, KeepsHostileNamesExactly) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string text = inv.exportAs("cytoscape", view);
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    ASSERT_FALSE(doc.HasParseError());
    std::set<std::string> names;
    for (const auto& n : doc["elements"]["nodes"].GetArray()) {
        names.emplace(n["data"]["name"].GetString(), n["data"]["name"].GetStringLength());
    }
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        EXPECT_TRUE(names.count(view.name(v))) << view.name(v);
    }
    EXPECT_TRUE(names.count("🦈 Shark Capital 💰"));
}
