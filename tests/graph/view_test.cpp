// SPDX-License-Identifier: MIT
#include "graph/view.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "graph/error.hpp"
#include "resolve/resolver.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::Claim;
using cg::graph::EntityId;
using cg::graph::EntityRef;
using cg::graph::GraphView;
using cg::graph::PartialDate;
using cg::graph::RelationId;
using cg::graph::Schema;
using cg::graph::Source;
using cg::graph::SourceId;
using cg::graph::Stance;
using cg::graph::Store;
using cg::graph::ViewFilter;
using cg::resolve::Resolver;
using cg::testing::TempDir;

namespace {

// What one claim says about its relation; set fields by chaining: spec().conf(0.5).from("2020").
struct ClaimSpec {
    double confidence = 1;
    Stance stance = Stance::Asserts;
    const char* validFrom = "";
    const char* validTo = "";
    const char* source = "registry";
    std::optional<double> share;

    ClaimSpec& conf(double c) {
        confidence = c;
        return *this;
    }
    ClaimSpec& denies() {
        stance = Stance::Denies;
        return *this;
    }
    ClaimSpec& from(const char* d) {
        validFrom = d;
        return *this;
    }
    ClaimSpec& to(const char* d) {
        validTo = d;
        return *this;
    }
    ClaimSpec& in(const char* s) {
        source = s;
        return *this;
    }
    ClaimSpec& exactShare(double s) {
        share = s;
        return *this;
    }
};

ClaimSpec spec() { return {}; }

// A small investigation, written through the store as the applier would, with relation ids
// deliberately not in the order of their source entities:
//
//   r1  Beta owns Casino            valid 2020-01 .. 2020-12
//   r2  Alice owns Acme             share 51, confidence 0.9
//   r3  Bob family_of Alice         undirected, stored from Alice (the lower id)
//   r4  Acme registered_at Town     asserted and denied: disputed
//   r5  Alice director_of Beta      confidence 0.5, from the "leak" source only
//   r6  Bob linked_to Casino        only denied
//   r7  e-x (a stub) owns Beta
//   r8  Ministry linked_to Acme     undirected, stored from Acme (the lower id)
//   r9  Alice officer_of Ministry   valid from 2023
class ViewTest : public ::testing::Test {
  protected:
    ViewTest() : store_(dir_.file("view.claimgraph")) {
        Store::Batch batch(store_);
        Resolver resolver(store_, schema_);
        sources_["registry"] =
            store_.putSource(Source{"registry", "Registry", "", "", "2021", "", "registry", ""});
        sources_["leak"] = store_.putSource(Source{"leak", "Leak", "", "", "2022", "", "leak", ""});
        alice_ = entity(resolver, "Person", "Alice");
        bob_ = entity(resolver, "Person", "Bob");
        acme_ = entity(resolver, "Company", "Acme");
        beta_ = entity(resolver, "Company", "Beta");
        casino_ = entity(resolver, "Facility", "Casino");
        town_ = entity(resolver, "Place", "Town");
        ministry_ = entity(resolver, "PublicBody", "Ministry");
        EntityRef stub;
        stub.key = "e-x";
        stub_ = resolver.resolve(stub, std::nullopt);

        r_[1] = relate("owns", beta_, casino_, spec().from("2020-01").to("2020-12"));
        r_[2] = relate("owns", alice_, acme_, spec().conf(0.9).exactShare(51));
        r_[3] = relate("family_of", bob_, alice_, spec());
        r_[4] = relate("registered_at", acme_, town_, spec());
        relate("registered_at", acme_, town_, spec().conf(0.2).denies());
        r_[5] = relate("director_of", alice_, beta_, spec().conf(0.5).in("leak"));
        r_[6] = relate("linked_to", bob_, casino_, spec().denies());
        r_[7] = relate("owns", stub_, beta_, spec());
        r_[8] = relate("linked_to", ministry_, acme_, spec());
        r_[9] = relate("officer_of", alice_, ministry_, spec().from("2023"));
        batch.commit();
    }

    EntityId entity(Resolver& resolver, const std::string& type, const std::string& name) {
        EntityRef r;
        r.type = type;
        r.name = name;
        return resolver.resolve(r, std::nullopt);
    }

    RelationId relate(const std::string& type, EntityId subject, EntityId object,
                      const ClaimSpec& spec) {
        const auto* rt = schema_.relationType(type);
        EntityId a = subject;
        EntityId b = object;
        if (!rt->directed && b < a) std::swap(a, b);
        RelationId id = store_.relationFor(type, a, b, "", rt->directed);
        Claim c;
        c.key = "c" + std::to_string(++claims_);
        c.contentHash = static_cast<std::uint64_t>(claims_);
        c.sourceKey = spec.source;
        c.file = "view.claims.jsonl";
        c.line = claims_;
        c.relation = type;
        c.stance = spec.stance;
        c.confidence = spec.confidence;
        if (*spec.validFrom) c.validFrom = PartialDate::parse(spec.validFrom);
        if (*spec.validTo) c.validTo = PartialDate::parse(spec.validTo);
        if (spec.share) c.share = cg::graph::ShareInterval{*spec.share, *spec.share};
        c.raw = "{}";
        store_.insertClaim(c, sources_.at(spec.source), subject, object, id);
        store_.touchRelation(id);
        return id;
    }

    // The edge of relation `r` in `view`, or -1 when the view does not hold it.
    static long edgeOf(const GraphView& view, RelationId r) {
        for (GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
            if (view.relationId(e) == r) return e;
        }
        return -1;
    }

    static std::set<RelationId> relations(const GraphView& view) {
        std::set<RelationId> out;
        for (GraphView::Edge e = 0; e < view.edgeCount(); ++e) out.insert(view.relationId(e));
        return out;
    }

    std::set<RelationId> expected(std::initializer_list<int> numbers) const {
        std::set<RelationId> out;
        for (int n : numbers) out.insert(r_.at(n));
        return out;
    }

    GraphView build(const ViewFilter& filter = {}) {
        return GraphView::build(store_, schema_, filter);
    }

    TempDir dir_;
    Schema schema_ = Schema::defaults();
    Store store_;
    std::map<std::string, SourceId> sources_;
    std::map<int, RelationId> r_;
    int claims_ = 0;
    EntityId alice_ = 0, bob_ = 0, acme_ = 0, beta_ = 0, casino_ = 0, town_ = 0, ministry_ = 0,
             stub_ = 0;
};

}  // namespace

TEST_F(ViewTest, HoldsEveryEntityAndEverySupportedRelation) {
    GraphView view = build();
    EXPECT_EQ(view.nodeCount(), 8u);
    EXPECT_EQ(relations(view), expected({1, 2, 3, 4, 5, 7, 8, 9}));
    for (GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        EXPECT_EQ(view.node(view.entityId(v)), v);
        if (v > 0) {
            EXPECT_LT(view.entityId(v - 1), view.entityId(v));  // nodes in entity id order
        }
    }
    GraphView::Node alice = view.node(alice_);
    ASSERT_NE(alice, GraphView::kNoNode);
    EXPECT_EQ(view.name(alice), "Alice");
    EXPECT_EQ(view.key(alice), "person/alice");
    EXPECT_EQ(schema_.entityType(view.nodeType(alice)).name, "Person");
    EXPECT_EQ(view.node(9999), GraphView::kNoNode);
    EXPECT_EQ(view.node(-1), GraphView::kNoNode);
}

TEST_F(ViewTest, KeepsDerivedValuesOnEdges) {
    GraphView view = build();
    long owns = edgeOf(view, r_[2]);
    ASSERT_GE(owns, 0);
    auto e = static_cast<GraphView::Edge>(owns);
    EXPECT_EQ(view.source(e), view.node(alice_));
    EXPECT_EQ(view.target(e), view.node(acme_));
    EXPECT_EQ(view.relationTypeOf(e).name, "owns");
    EXPECT_TRUE(view.directed(e));
    EXPECT_FLOAT_EQ(view.confidence(e), 0.9f);
    ASSERT_TRUE(view.share(e));
    EXPECT_FLOAT_EQ(view.share(e)->first, 51);
    EXPECT_FLOAT_EQ(view.share(e)->second, 51);
    EXPECT_EQ(view.validFrom(e), 0);  // open
    auto dated = static_cast<GraphView::Edge>(edgeOf(view, r_[1]));
    EXPECT_EQ(view.validFrom(dated), 20200101);
    EXPECT_EQ(view.validTo(dated), 20201231);
    EXPECT_FALSE(view.share(dated));
    auto disputed = static_cast<GraphView::Edge>(edgeOf(view, r_[4]));
    EXPECT_TRUE(view.disputed(disputed));
    EXPECT_FALSE(view.disputed(e));
    EXPECT_EQ(view.supportCount(disputed), 1);
    EXPECT_FLOAT_EQ(view.confidence(disputed), 0.8f);
}

TEST_F(ViewTest, OutEdgeRangesMatchBoostsEdgeIndex) {
    GraphView view = build();
    const auto& csr = view.csr();
    ASSERT_EQ(boost::num_vertices(csr), view.nodeCount());
    ASSERT_EQ(boost::num_edges(csr), view.edgeCount());
    std::vector<int> seen(view.edgeCount(), 0);
    for (GraphView::Node v = 0; v < view.nodeCount(); ++v) {
        auto [first, last] = view.outEdges(v);
        auto [b, e] = boost::out_edges(v, csr);
        ASSERT_EQ(static_cast<long>(last - first), std::distance(b, e)) << "node " << v;
        GraphView::Edge expectedIndex = first;
        RelationId previous = 0;
        for (; b != e; ++b, ++expectedIndex) {
            auto index = static_cast<GraphView::Edge>(boost::get(boost::edge_index, csr, *b));
            EXPECT_EQ(index, expectedIndex) << "node " << v;
            EXPECT_EQ(boost::source(*b, csr), v);
            EXPECT_EQ(view.source(index), v);
            EXPECT_EQ(view.target(index), boost::target(*b, csr));
            EXPECT_GT(view.relationId(index), previous)
                << "out-edges of a node in relation id order";
            previous = view.relationId(index);
            ++seen[index];
        }
        std::size_t in = 0;
        view.forEachInEdge(v, [&](GraphView::Edge edge) {
            EXPECT_EQ(view.target(edge), v);
            ++in;
        });
        EXPECT_EQ(in, boost::in_degree(v, csr));
    }
    for (GraphView::Edge i = 0; i < view.edgeCount(); ++i) {
        EXPECT_EQ(seen[i], 1) << "edge " << i << " in exactly one out-edge range";
        if (i > 0) {
            EXPECT_LE(view.source(i - 1), view.source(i));
        }
    }
    // Alice has three out-edges (owns, director_of, officer_of) and the family tie from Bob.
    auto [first, last] = view.outEdges(view.node(alice_));
    EXPECT_EQ(last - first, 4u);
    auto none = view.outEdges(view.node(town_));
    EXPECT_EQ(none.first, none.second);
}

TEST_F(ViewTest, AnUndirectedRelationIsOneEdgeFromTheLowerEntity) {
    GraphView view = build();
    int family = 0;
    for (GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
        if (view.relationTypeOf(e).name != "family_of") continue;
        ++family;
        EXPECT_FALSE(view.directed(e));
        EXPECT_EQ(view.source(e), view.node(alice_));
        EXPECT_EQ(view.target(e), view.node(bob_));
    }
    EXPECT_EQ(family, 1);
    auto linked = static_cast<GraphView::Edge>(edgeOf(view, r_[8]));
    EXPECT_EQ(view.source(linked), view.node(acme_));
    EXPECT_EQ(view.target(linked), view.node(ministry_));
    // forEachIncident reaches the other end from both sides.
    std::set<EntityId> aroundBob;
    view.forEachIncident(view.node(bob_), [&](GraphView::Edge, GraphView::Node other) {
        aroundBob.insert(view.entityId(other));
    });
    EXPECT_EQ(aroundBob, std::set<EntityId>{alice_});
}

TEST_F(ViewTest, FiltersByEntityTypeWithSubtypesAndKeepsStubs) {
    ViewFilter f;
    f.entityTypes = {"Organization"};
    GraphView view = build(f);
    std::set<EntityId> nodes;
    for (GraphView::Node v = 0; v < view.nodeCount(); ++v) nodes.insert(view.entityId(v));
    EXPECT_EQ(nodes, (std::set<EntityId>{acme_, beta_, ministry_, stub_}));
    EXPECT_EQ(relations(view), expected({7, 8}));
    f.entityTypes = {"Person", "Place"};
    EXPECT_EQ(relations(build(f)), expected({3}));
}

TEST_F(ViewTest, FiltersByRelationType) {
    ViewFilter f;
    f.relationTypes = {"owns"};
    GraphView view = build(f);
    EXPECT_EQ(relations(view), expected({1, 2, 7}));
    EXPECT_EQ(view.nodeCount(), 8u);  // nodes stay; only edges are filtered
    f.relationTypes = {"owns", "family_of"};
    EXPECT_EQ(relations(build(f)), expected({1, 2, 3, 7}));
}

TEST_F(ViewTest, FiltersByDate) {
    ViewFilter f;
    f.asOf = 20200615;
    EXPECT_EQ(relations(build(f)), expected({1, 2, 3, 4, 5, 7, 8}));
    f.asOf = 20210101;
    EXPECT_EQ(relations(build(f)), expected({2, 3, 4, 5, 7, 8}));
    f.asOf = 20230101;
    EXPECT_EQ(relations(build(f)), expected({2, 3, 4, 5, 7, 8, 9}));
    f.asOf = 20201231;  // the last day of a year-month bound is still inside it
    EXPECT_EQ(relations(build(f)).count(r_[1]), 1u);
}

TEST_F(ViewTest, APartialDateKeepsWhatOverlapsItsPeriod) {
    // r_[1] is valid 2020-01 to 2020-12, r_[9] from 2023.
    ViewFilter f;
    f.asOf = PartialDate::parse("2021")->period();
    EXPECT_EQ(relations(build(f)).count(r_[1]), 0u);
    f.asOf = PartialDate::parse("2020-12")->period();
    EXPECT_EQ(relations(build(f)).count(r_[1]), 1u);
    f.asOf = PartialDate::parse("2019")->period();
    EXPECT_EQ(relations(build(f)).count(r_[1]), 0u);
    // A relation starting within the year counts for the year, though not on its first day.
    f.asOf = PartialDate::parse("2023")->period();
    EXPECT_EQ(relations(build(f)).count(r_[9]), 1u);
    f.asOf = PartialDate::parse("2022-12")->period();
    EXPECT_EQ(relations(build(f)).count(r_[9]), 0u);
    f.asOf = 20221231;
    EXPECT_EQ(relations(build(f)).count(r_[9]), 0u);
    // A period across the whole stretch keeps both.
    f.asOf = cg::graph::DayPeriod(20201201, 20230101);
    EXPECT_EQ(relations(build(f)), expected({1, 2, 3, 4, 5, 7, 8, 9}));
}

TEST_F(ViewTest, FiltersByMinimumConfidence) {
    ViewFilter f;
    f.minConfidence = 0.6;
    EXPECT_EQ(relations(build(f)), expected({1, 2, 3, 4, 7, 8, 9}));
    f.minConfidence = 0.85;
    EXPECT_EQ(relations(build(f)), expected({1, 2, 3, 7, 8, 9}));
}

TEST_F(ViewTest, FiltersBySource) {
    ViewFilter f;
    f.sources = {"leak"};
    EXPECT_EQ(relations(build(f)), expected({5}));
    f.sources = {"registry"};
    EXPECT_EQ(relations(build(f)), expected({1, 2, 3, 4, 7, 8, 9}));
    f.sources = {"nobody"};
    EXPECT_EQ(build(f).edgeCount(), 0u);
}

TEST_F(ViewTest, LeavesOutOnlyDeniedRelationsUnlessAsked) {
    EXPECT_LT(edgeOf(build(), r_[6]), 0);
    ViewFilter f;
    f.includeDenied = true;
    GraphView view = build(f);
    long e = edgeOf(view, r_[6]);
    ASSERT_GE(e, 0);
    EXPECT_EQ(view.supportCount(static_cast<GraphView::Edge>(e)), 0);
    EXPECT_FLOAT_EQ(view.confidence(static_cast<GraphView::Edge>(e)), 0);
}

TEST_F(ViewTest, BuiltWithoutLabelsHoldsNoNames) {
    ViewFilter f;
    f.labels = false;
    GraphView view = build(f);
    EXPECT_FALSE(view.hasLabels());
    EXPECT_EQ(view.nodeCount(), 8u);
    EXPECT_TRUE(build().hasLabels());
}

TEST_F(ViewTest, UnknownTypesInAFilterAreQueryErrors) {
    ViewFilter f;
    f.entityTypes = {"Compnay"};
    EXPECT_THROW(build(f), cg::QueryError);
    ViewFilter g;
    g.relationTypes = {"own"};
    try {
        build(g);
        FAIL() << "expected QueryError";
    } catch (const cg::QueryError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown relation type 'own'"), std::string::npos)
            << e.what();
    }
}
