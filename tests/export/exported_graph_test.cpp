// SPDX-License-Identifier: MIT
#include "export/exported_graph.hpp"

#include <gtest/gtest.h>

#include <array>
#include <iterator>
#include <set>

#include "graph/error.hpp"
#include "tests/export/export_fixture.hpp"

using cg::exporters::AttributeDef;
using cg::exporters::AttributeType;
using cg::exporters::ExportedGraph;
using cg::exporters::kEdgeAttributes;
using cg::exporters::kNodeAttributes;
using cg::exporters::testing::hostileFile;
using cg::exporters::testing::Investigation;
using cg::exporters::testing::sampleFiles;

namespace {

// Checks that a record's attributes come in table order, each with its declared kind.
template <std::size_t N>
struct OrderCheck {
    explicit OrderCheck(const std::array<AttributeDef, N>& d) : defs(d) {}

    const std::array<AttributeDef, N>& defs;
    std::size_t next = 0;
    std::vector<std::string> seen;

    void check(std::size_t i, std::initializer_list<AttributeType> kinds) {
        ASSERT_LT(i, N);
        EXPECT_GE(i, next) << defs[i].name << " comes out of order";
        EXPECT_NE(std::find(kinds.begin(), kinds.end(), defs[i].type), kinds.end())
            << defs[i].name << " is written with the wrong kind";
        next = i + 1;
        seen.emplace_back(defs[i].name);
    }
    void text(std::size_t i, std::string_view) { check(i, {AttributeType::String}); }
    void integer(std::size_t i, std::int64_t) {
        check(i, {AttributeType::Int, AttributeType::Long});
    }
    void real(std::size_t i, float) { check(i, {AttributeType::Real}); }
    void real(std::size_t i, double) { check(i, {AttributeType::Real}); }
    void boolean(std::size_t i, bool) { check(i, {AttributeType::Boolean}); }
    void sources(std::size_t i, std::span<const std::uint32_t>) {
        check(i, {AttributeType::StringList});
    }
    void day(std::size_t i, std::int32_t) { check(i, {AttributeType::Date}); }
    void list(std::size_t i, cg::exporters::TextList) {
        check(i, {AttributeType::StringList, AttributeType::TextList});
    }
    void json(std::size_t i, std::string_view) { check(i, {AttributeType::Json}); }
};

}  // namespace

TEST(ExportedGraph, VisitsAttributesInTableOrderWithTheirKinds) {
    auto files = sampleFiles();
    files.push_back(hostileFile());
    files.push_back(std::string(CG_TEST_DATA) + "/export/evidence.claims.jsonl");
    Investigation inv(files);
    auto view = inv.view();
    ExportedGraph g({view, inv.store()});
    ASSERT_GT(g.nodeCount(), 0u);
    ASSERT_GT(g.edgeCount(), 0u);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < g.nodeCount(); ++i) {
        OrderCheck<std::size(kNodeAttributes)> check(kNodeAttributes);
        ExportedGraph::visit(g.node(i), check);
    }
    for (std::size_t i = 0; i < g.edgeCount(); ++i) {
        OrderCheck<std::size(kEdgeAttributes)> check(kEdgeAttributes);
        ExportedGraph::visit(g.edge(i), check);
        seen.insert(check.seen.begin(), check.seen.end());
    }
    EXPECT_EQ(seen.size(), std::size(kEdgeAttributes))
        << "some attribute is on no edge; the check is weaker";
}

TEST(ExportedGraph, LabelsAndWeightsComeFirstForGephi) {
    EXPECT_EQ(kNodeAttributes[cg::exporters::kNodeLabel].name, "label");
    EXPECT_EQ(kNodeAttributes[cg::exporters::kNodeEntityId].name, "entity_id");
    EXPECT_EQ(kEdgeAttributes[cg::exporters::kEdgeLabel].name, "label");
    EXPECT_EQ(kEdgeAttributes[cg::exporters::kEdgeWeight].name, "weight");
    EXPECT_EQ(kEdgeAttributes[cg::exporters::kEdgeType].name, "type");
}

TEST(ExportedGraph, RefusesAViewWithoutLabels) {
    Investigation inv({hostileFile()});
    cg::graph::ViewFilter filter;
    filter.labels = false;
    auto view = inv.view(filter);
    EXPECT_THROW(ExportedGraph({view, inv.store()}), cg::QueryError);
}

TEST(ExportedGraph, ReadsTypeColours) {
    cg::graph::EntityType t;
    t.color = "#e15759";
    auto rgb = cg::exporters::rgbOf(t);
    ASSERT_TRUE(rgb);
    EXPECT_EQ((*rgb)[0], 225);
    EXPECT_EQ((*rgb)[1], 87);
    EXPECT_EQ((*rgb)[2], 89);
    t.color = "#e1575";
    EXPECT_FALSE(cg::exporters::rgbOf(t));
    t.color = "#zz5759";
    EXPECT_FALSE(cg::exporters::rgbOf(t));
}
