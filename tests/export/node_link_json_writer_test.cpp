// SPDX-License-Identifier: MIT
#include "export/node_link_json_writer.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    EXPECT_FALSE(doc.HasParseError()) << "offset " << doc.GetErrorOffset();
    return doc;
}

const rapidjson::Value* nodeWithId(const rapidjson::Value& nodes, const std::string& id) {
    for (const auto& n : nodes.GetArray()) {
        if (n["id"].GetString() == id) return &n;
    }
    return nullptr;
}

}  // namespace

TEST(NodeLinkJsonWriter, WritesTheNetworkx3Layout) {
    Investigation inv(sampleFiles());
    auto view = inv.view();
    auto doc = parse(inv.exportAs("json", view));
    ASSERT_TRUE(doc.IsObject());
    EXPECT_TRUE(doc["directed"].GetBool());
    EXPECT_TRUE(doc["multigraph"].GetBool());
    EXPECT_TRUE(doc["graph"].IsObject());
    ASSERT_EQ(doc["nodes"].Size(), view.nodeCount());
    ASSERT_EQ(doc["edges"].Size(), view.edgeCount());
    std::set<std::string> ids;
    for (const auto& n : doc["nodes"].GetArray()) ids.insert(n["id"].GetString());
    EXPECT_EQ(ids.size(), view.nodeCount());
    std::set<std::string> keys;
    for (const auto& e : doc["edges"].GetArray()) {
        EXPECT_TRUE(ids.count(e["source"].GetString()));
        EXPECT_TRUE(ids.count(e["target"].GetString()));
        keys.insert(e["key"].GetString());
        EXPECT_TRUE(e["weight"].IsDouble());
        EXPECT_TRUE(e["symmetric"].IsBool());
        EXPECT_TRUE(e["source_ids"].IsArray());
        EXPECT_EQ(e["source_count"].GetInt(), static_cast<int>(e["source_ids"].Size()));
    }
    EXPECT_EQ(keys.size(), view.edgeCount());
}

TEST(NodeLinkJsonWriter, KeepsHostileNamesExactly) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    auto doc = parse(inv.exportAs("json", view));
    for (cg::graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        const auto* n = nodeWithId(doc["nodes"], view.key(v));
        ASSERT_NE(n, nullptr) << view.key(v);
        EXPECT_EQ(std::string((*n)["name"].GetString(), (*n)["name"].GetStringLength()),
                  view.name(v));
        EXPECT_EQ(std::string((*n)["label"].GetString(), (*n)["label"].GetStringLength()),
                  view.name(v));
    }
    const auto* banker = nodeWithId(doc["nodes"], "hx-banker");
    ASSERT_NE(banker, nullptr);
    EXPECT_STREQ((*banker)["name"].GetString(), "Ayesha \"The Banker\" O'Neil & <Sons>");
    EXPECT_STREQ((*banker)["type"].GetString(), "Person");
    EXPECT_TRUE((*banker)["disputed"].GetBool());
    EXPECT_EQ((*banker)["source_count"].GetInt(), 3);
    EXPECT_STREQ((*banker)["first_seen"].GetString(), "2023-02-01");
}

TEST(NodeLinkJsonWriter, WritesEdgeProvenanceAndShares) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    auto doc = parse(inv.exportAs("json", view));
    int owns = 0;
    for (const auto& e : doc["edges"].GetArray()) {
        if (std::string(e["source"].GetString()) != "hx-banker" ||
            std::string(e["type"].GetString()) != "owns")
            continue;
        ++owns;
        EXPECT_STREQ(e["target"].GetString(), "=evil-id");
        EXPECT_STREQ(e["label"].GetString(), "owns");
        EXPECT_DOUBLE_EQ(e["share_min"].GetDouble(), 25.0);
        EXPECT_DOUBLE_EQ(e["share_max"].GetDouble(), 50.0);
        EXPECT_STREQ(e["valid_from"].GetString(), "2010-01-01");
        EXPECT_FALSE(e.HasMember("valid_to")) << "one claim leaves the end open";
        ASSERT_EQ(e["source_ids"].Size(), 2u);
        EXPECT_STREQ(e["source_ids"][0].GetString(), "hx-leak");
        EXPECT_STREQ(e["source_ids"][1].GetString(), "hx-registry");
        EXPECT_EQ(e["support"].GetInt(), 2);
        // noisy-or of 0.9 and 0.6
        EXPECT_NEAR(e["confidence"].GetDouble(), 0.96, 1e-6);
        EXPECT_EQ(e["weight"].GetDouble(), e["confidence"].GetDouble());
    }
    EXPECT_EQ(owns, 1);
}
