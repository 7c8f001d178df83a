// SPDX-License-Identifier: MIT
// Declared indirect interests (BODS `directOrIndirect: indirect`) and parallel ownership
// relations between one pair: the owners and holdings figures count each share once.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/ingest.hpp"
#include "queries/ownership.hpp"
#include "resolve/entity_lookup.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::EntityCell;
using cg::queries::QueryResult;
using cg::testing::Investigation;
using cg::testing::TempDir;

namespace {

struct Figure {
    double min = -1, max = -1;
    std::int64_t chains = -1;
    int listed = 0;      // chains in the detail table
    int components = 0;  // of those, components of a declared indirect interest
};

std::map<std::string, Figure> figures(const Investigation& inv, const QueryResult& result) {
    std::map<std::string, Figure> out;
    for (const auto& row : result.table.rows) {
        Figure f;
        f.min = std::get<double>(row[2]);
        f.max = std::get<double>(row[3]);
        f.chains = std::get<std::int64_t>(row[5]);
        out[inv.view().name(std::get<EntityCell>(row[0]).node)] = f;
    }
    for (const auto& row : result.detail.rows) {
        auto& f = out[inv.view().name(std::get<EntityCell>(row[0]).node)];
        ++f.listed;
        if (std::get<std::string>(row[4]).find("a component") != std::string::npos) ++f.components;
    }
    return out;
}

class IndirectOwnership : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        inv_ = new Investigation(CG_TEST_DATA "/claims/indirect-ownership.claims.jsonl");
    }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }
    static QueryResult trace(const std::string& key, bool upwards) {
        cg::queries::OwnershipParams params;
        params.entity = inv_->entity(key);
        params.threshold = 0;
        return upwards ? cg::queries::owners(inv_->view(), params)
                       : cg::queries::holdings(inv_->view(), params);
    }
    static Investigation* inv_;
};

Investigation* IndirectOwnership::inv_ = nullptr;

TEST_F(IndirectOwnership, TheViewMarksOnlyTheDeclaredIndirectRelation) {
    const auto& view = inv_->view();
    int indirect = 0;
    for (cg::graph::GraphView::Edge e = 0; e < view.edgeCount(); ++e) {
        if (!view.indirect(e)) continue;
        ++indirect;
        EXPECT_EQ(view.key(view.source(e)), "ilse");
        EXPECT_EQ(view.key(view.target(e)), "brackwater");
    }
    EXPECT_EQ(indirect, 1);
    EXPECT_EQ(view.indirectCount(), 1u);
}

TEST_F(IndirectOwnership, TheDeclaredIndirectShareIsNotAddedToItsComponentChains) {
    auto f = figures(*inv_, trace("brackwater", true));
    ASSERT_EQ(f.count("Ilse Marrow"), 1u);
    // Without the rule: 60 + (0–100 × 50) + (0–100 × 50) = 60–100%.
    EXPECT_DOUBLE_EQ(f["Ilse Marrow"].min, 60);
    EXPECT_DOUBLE_EQ(f["Ilse Marrow"].max, 60);
    EXPECT_EQ(f["Ilse Marrow"].chains, 1);
    // The chains through Corran and Dunmere are shown, as the declared figure's components.
    EXPECT_EQ(f["Ilse Marrow"].listed, 3);
    EXPECT_EQ(f["Ilse Marrow"].components, 2);
    EXPECT_DOUBLE_EQ(f["Corran Holdings Ltd"].max, 50);
    EXPECT_DOUBLE_EQ(f["Dunmere Capital Ltd"].max, 50);
    EXPECT_EQ(f["Corran Holdings Ltd"].components, 0);
}

TEST_F(IndirectOwnership, TheRuleHoldsFurtherDownTheChain) {
    auto f = figures(*inv_, trace("selby", true));
    EXPECT_DOUBLE_EQ(f["Brackwater Trading Ltd"].min, 100);
    EXPECT_DOUBLE_EQ(f["Ilse Marrow"].min, 60);
    EXPECT_DOUBLE_EQ(f["Ilse Marrow"].max, 60);
    EXPECT_EQ(f["Ilse Marrow"].chains, 1);
    EXPECT_DOUBLE_EQ(f["Corran Holdings Ltd"].max, 50);
}

TEST_F(IndirectOwnership, HoldingsWalkingDownSkipTheComponentsToo) {
    auto f = figures(*inv_, trace("ilse", false));
    EXPECT_DOUBLE_EQ(f["Brackwater Trading Ltd"].min, 60);
    EXPECT_DOUBLE_EQ(f["Brackwater Trading Ltd"].max, 60);
    EXPECT_EQ(f["Brackwater Trading Ltd"].chains, 1);
    EXPECT_DOUBLE_EQ(f["Selby Quay Ltd"].min, 60);
    EXPECT_DOUBLE_EQ(f["Selby Quay Ltd"].max, 60);
    // The companies it holds directly, with no share given, stay unknown: 0–100%.
    EXPECT_DOUBLE_EQ(f["Corran Holdings Ltd"].min, 0);
    EXPECT_DOUBLE_EQ(f["Corran Holdings Ltd"].max, 100);
}

TEST_F(IndirectOwnership, OwnsAndControlsBetweenOnePairCountOnceByTheLargerShare) {
    auto f = figures(*inv_, trace("quillon", true));
    ASSERT_EQ(f.size(), 1u);
    // Not 50–100%: the shares band and the voting band describe one holding.
    EXPECT_DOUBLE_EQ(f["Oren Vasquez-Lind"].min, 25);
    EXPECT_DOUBLE_EQ(f["Oren Vasquez-Lind"].max, 50);
    EXPECT_EQ(f["Oren Vasquez-Lind"].chains, 1);
}

// A layout 4 database (before relations carried `indirect`) gets the flag from its claims
// when it is opened.
TEST(IndirectOwnershipLayout, MigratingALayout4DatabaseDerivesTheFlag) {
    TempDir dir;
    std::string path = dir.file("old.claimgraph");
    auto schema = cg::graph::Schema::defaults();
    {
        cg::graph::Store store(path, true);
        cg::ingest::IngestOptions options;
        cg::ingest::ingestFile(store, schema,
                               CG_TEST_DATA "/claims/indirect-ownership.claims.jsonl", options);
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("ALTER TABLE relations DROP COLUMN indirect");
        // And what later layouts added, so that the file is what layout 4 wrote.
        db.exec("DROP TABLE name_references");
        db.exec("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    }
    cg::graph::Store store(path, false);
    EXPECT_EQ(store.schemaVersion(), cg::graph::Store::kSchemaVersion);
    int indirect = 0;
    store.forEachRelation([&](const cg::graph::RelationRow& r) { indirect += r.indirect; });
    EXPECT_EQ(indirect, 1);
    auto view = cg::graph::GraphView::build(store, schema);
    EXPECT_EQ(view.indirectCount(), 1u);
}

}  // namespace

namespace {

// The BODS 0.4 example of multiple indirect ownership: Person 1 holds 60% of Company B
// indirectly, through Companies C and D, which hold 50% each.
TEST(IndirectOwnershipBods, PersonOneHoldsTheDeclaredSixtyPercentOfCompanyB) {
    std::string path =
        std::string(CG_SHARED_DIR) + "/fixtures/bods/multiple-indirect-ownership.bods-0.4.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "absent: " << path;
    Investigation inv(path);
    cg::queries::OwnershipParams params;
    params.entity = cg::resolve::findEntity(inv.store(), "Company B");
    params.threshold = 0;
    auto f = figures(inv, cg::queries::owners(inv.view(), params));
    ASSERT_EQ(f.size(), 3u);
    EXPECT_DOUBLE_EQ(f["Person 1"].min, 60);
    EXPECT_DOUBLE_EQ(f["Person 1"].max, 60);
    EXPECT_EQ(f["Person 1"].chains, 1);
    EXPECT_EQ(f["Person 1"].listed, 3);  // the declared 60% and the chains through C and D
    EXPECT_EQ(f["Person 1"].components, 2);
    EXPECT_DOUBLE_EQ(f["Company C"].max, 50);
    EXPECT_DOUBLE_EQ(f["Company D"].max, 50);
}

}  // namespace
