// SPDX-License-Identifier: MIT
// Retraction (graph/retraction.hpp) on stores filled by the ingest path: what a store shows
// after a retraction is what a store that never read the retracted claims shows, and an undo
// brings back exactly what was there.
#include "graph/retraction.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/view.hpp"
#include "ingest/applier.hpp"
#include "ingest/claims_reader.hpp"
#include "resolve/entity_lookup.hpp"
#include "resolve/judgements.hpp"
#include "resolve/suggest.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::graph::RetractBy;
using cg::graph::RetractRequest;
using cg::graph::Store;
using cg::testing::TempDir;

namespace {

const std::string kRegistry = CG_SOURCE_DIR "/tests/data/claims/retraction/registry.claims.jsonl";
const std::string kLeak = CG_SOURCE_DIR "/tests/data/claims/retraction/leak.claims.jsonl";

cg::ingest::IngestSummary ingest(Store& store, const std::string& path) {
    static const cg::graph::Schema schema = cg::graph::Schema::defaults();
    cg::ingest::ClaimsReader reader(schema, std::size_t{16} << 20);
    cg::ingest::Applier applier(store, schema);
    applier.beginFile(path, reader.format());
    std::ifstream in(path, std::ios::binary);
    reader.read(in, path, applier);
    return applier.endFile();
}

std::string name(Store& store, cg::graph::EntityId id) {
    auto e = store.entity(id);
    return e ? e->name + " (" + e->type + ")" : "#" + std::to_string(id);
}

// Everything a reader sees, by entity name rather than id (two stores number them apart):
// entities with their live names and properties, and relations with their derived values.
std::vector<std::string> visible(Store& store) {
    std::vector<std::string> out;
    char buf[64];
    for (const auto& e : store.entities({}, "", 0)) {
        out.push_back("entity " + e.name + " (" + e.type + ")");
        auto d = store.detail(e.id);
        for (const auto& n : d.names) out.push_back("  name " + n.name);
        for (const auto& p : d.properties) {
            std::string by;
            for (const auto& c : p.claims) by += " " + c.key;
            for (const auto& c : p.denials) by += " denied " + c.key;
            out.push_back("  property " + p.name + " = " + p.value + " by" + by);
        }
    }
    store.forEachRelation([&](const cg::graph::RelationRow& r) {
        std::snprintf(buf, sizeof buf, "%.9f", r.confidence);
        std::string line = "relation " + r.type + " " + name(store, r.src) + " -> " +
                           name(store, r.dst) + " confidence " + buf;
        auto number = [](const std::optional<double>& v) { return v ? std::to_string(*v) : "-"; };
        auto day = [](const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; };
        line += " share " + number(r.shareMin) + ".." + number(r.shareMax) +
                (r.shareConflict ? " conflict" : "") + " valid " + day(r.validFrom) + ".." +
                day(r.validTo) + " seen " + r.firstSeen + ".." + r.lastSeen + " support " +
                std::to_string(r.support) + " dispute " + std::to_string(r.dispute);
        out.push_back(line);
    });
    std::sort(out.begin(), out.end());
    auto s = store.stats();
    out.push_back("stats " + std::to_string(s.claims) + " claims " + std::to_string(s.entities) +
                  " entities " + std::to_string(s.relations) + " relations");
    return out;
}

std::vector<std::string> canonicalNames(Store& store) {
    std::vector<std::string> out;
    store.forEachCanonicalEntity([&](cg::graph::EntityId, const std::string&, const std::string&,
                                     const std::string& n) { out.push_back(n); });
    std::sort(out.begin(), out.end());
    return out;
}

class RetractionTest : public ::testing::Test {
  protected:
    RetractionTest()
        : store_(dir_.file("both.claimgraph")), leakOnly_(dir_.file("leak.claimgraph")) {
        ingest(store_, kRegistry);
        ingest(store_, kLeak);
        ingest(leakOnly_, kLeak);
    }

    cg::graph::RetractionReport retractSource(const std::string& source, bool dryRun = false) {
        RetractRequest request;
        request.by = RetractBy::Source;
        request.target = source;
        request.reason = "forged extract";
        request.dryRun = dryRun;
        return cg::graph::retract(store_, request);
    }

    TempDir dir_;
    Store store_;
    Store leakOnly_;
};

}  // namespace

TEST_F(RetractionTest, RetractingASourceLeavesWhatTheOtherSourceAloneSays) {
    auto before = visible(store_);
    ASSERT_NE(before, visible(leakOnly_)) << "the registry must add something to retract";
    auto report = retractSource("registry-a");
    EXPECT_EQ(report.claimKeys, (std::vector<std::string>{"ra-1", "ra-2", "ra-3", "ra-4"}));
    ASSERT_EQ(report.retractions.size(), 1u);
    EXPECT_EQ(report.retractions[0].kind, "source");
    EXPECT_EQ(report.retractions[0].target, "registry-a");
    EXPECT_EQ(report.retractions[0].reason, "forged extract");
    EXPECT_EQ(report.retractions[0].claims, 4);
    EXPECT_EQ(visible(store_), visible(leakOnly_));
    EXPECT_EQ(canonicalNames(store_), canonicalNames(leakOnly_)) << "the graph view's entities";
}

TEST_F(RetractionTest, ARelationSupportedByTwoSourcesKeepsTheOtherSourcesFigures) {
    auto report = retractSource("registry-a");
    const cg::graph::RelationChange* owns = nullptr;
    const cg::graph::RelationChange* director = nullptr;
    for (const auto& c : report.relations) {
        const auto& r = c.before ? *c.before : *c.after;
        if (r.type == "owns") owns = &c;
        if (r.type == "director_of" && name(store_, r.src) == "Lim Bun (Person)") director = &c;
    }
    ASSERT_NE(owns, nullptr);
    ASSERT_TRUE(owns->before && owns->after) << "changed, not removed";
    ASSERT_TRUE(owns->after->shareMin && owns->after->shareMax);
    EXPECT_EQ(*owns->after->shareMin, 50);
    EXPECT_EQ(*owns->after->shareMax, 70);
    EXPECT_EQ(owns->after->validFrom, 20210101) << "the leak's start; the registry said 2019-05";
    EXPECT_EQ(owns->after->firstSeen, "2023-07-15");
    EXPECT_EQ(owns->after->support, 1);
    EXPECT_GT(owns->before->confidence, owns->after->confidence);
    leakOnly_.forEachRelation([&](const cg::graph::RelationRow& r) {
        if (r.type == "owns") {
            EXPECT_DOUBLE_EQ(owns->after->confidence, r.confidence);
        }
    });
    ASSERT_NE(director, nullptr);
    EXPECT_TRUE(director->before && !director->after) << "its only claim was retracted";
}

TEST_F(RetractionTest, AnEntityOnlyRetractedClaimsNamedIsHiddenEverywhereAndBackAfterUndo) {
    auto limBun = cg::resolve::findEntity(store_, "Lim Bun");
    auto report = retractSource("registry-a");
    EXPECT_EQ(report.hidden, std::vector<cg::graph::EntityId>{limBun});
    EXPECT_EQ(store_.hiddenEntities(), std::vector<cg::graph::EntityId>{limBun});
    EXPECT_TRUE(store_.entitiesByNorm("lim bun").empty());
    EXPECT_THROW(cg::resolve::findEntity(store_, "Lim Bun"), cg::QueryError);
    EXPECT_THROW(cg::resolve::findEntity(store_, store_.entity(limBun)->key), cg::QueryError);
    EXPECT_EQ(cg::resolve::findEntity(store_, store_.entity(limBun)->key, true), limBun)
        << "its id is kept for judgements";
    auto view = cg::graph::GraphView::build(store_, cg::graph::Schema::defaults());
    EXPECT_EQ(view.node(limBun), cg::graph::GraphView::kNoNode);
    EXPECT_EQ(store_.stats().hiddenEntities, 1);
    EXPECT_EQ(store_.stats().retractedClaims, 4);

    auto undo = cg::graph::undoRetractions(store_, {report.retractions[0].id}, false);
    EXPECT_EQ(undo.shown, std::vector<cg::graph::EntityId>{limBun});
    EXPECT_EQ(cg::resolve::findEntity(store_, "Lim Bun"), limBun);
    EXPECT_TRUE(store_.hiddenEntities().empty());
}

TEST_F(RetractionTest, UndoRestoresExactlyWhatWasThere) {
    auto before = visible(store_);
    auto report = retractSource("registry-a");
    auto undo = cg::graph::undoRetractions(store_, {report.retractions[0].id}, false);
    EXPECT_EQ(visible(store_), before);
    EXPECT_EQ(undo.claimKeys, report.claimKeys);
    std::size_t restored = 0;
    for (const auto& c : undo.relations) restored += !c.before && c.after;
    EXPECT_EQ(restored, 1u) << "Lim Bun's directorship comes back";
    auto log = store_.retractions();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_FALSE(log[0].undone.empty());
    EXPECT_THROW(cg::graph::undoRetractions(store_, {log[0].id}, false), cg::QueryError);
    EXPECT_THROW(cg::graph::undoRetractions(store_, {99}, false), cg::QueryError);
}

TEST_F(RetractionTest, RetractingAFileTakesOutItsClaimsOnly) {
    RetractRequest request;
    request.by = RetractBy::File;
    request.target = kRegistry;
    auto report = cg::graph::retract(store_, request);
    EXPECT_EQ(report.claimKeys.size(), 4u);
    EXPECT_EQ(report.retractions.at(0).kind, "file");
    EXPECT_EQ(visible(store_), visible(leakOnly_));
    EXPECT_EQ(cg::graph::heldRetractions(store_, RetractBy::File, kRegistry),
              std::vector<std::int64_t>{report.retractions[0].id});
    request.target = dir_.file("never-ingested.claims.jsonl");
    EXPECT_THROW(cg::graph::retract(store_, request), cg::QueryError);
}

TEST_F(RetractionTest, UnknownOrEmptyTargetsAreRefused) {
    EXPECT_THROW(retractSource("no-such-source"), cg::QueryError);
    retractSource("registry-a");
    EXPECT_THROW(retractSource("registry-a"), cg::QueryError) << "nothing live left to retract";
}

TEST_F(RetractionTest, ReingestKeepsRetractedClaimsOutAndCountsThem) {
    retractSource("registry-a");
    auto after = visible(store_);
    auto summary = ingest(store_, kRegistry);
    EXPECT_EQ(summary.retracted, 4);
    EXPECT_EQ(summary.accepted, 0);
    EXPECT_EQ(summary.duplicates, 0);
    EXPECT_EQ(summary.sources + summary.accepted + summary.duplicates + summary.retracted +
                  summary.rejected,
              5)
        << "every line counted once";
    EXPECT_EQ(visible(store_), after);
}

TEST_F(RetractionTest, AChangedClaimUnderARetractedIdIsRejected) {
    retractSource("registry-a");
    std::string path = dir_.write(
        "changed.claims.jsonl",
        R"({"id": "ra-2", "source": "registry-a", "subject": {"type": "Person", "name": "Lim Bun"}, "relation": "director_of", "object": {"type": "Company", "name": "Golden Sands Ltd"}, "confidence": 0.2})"
        "\n");
    auto summary = ingest(store_, path);
    EXPECT_EQ(summary.rejected, 1);
    ASSERT_EQ(summary.firstRejections.size(), 1u);
    EXPECT_NE(summary.firstRejections[0].reason.find("is retracted (retraction 1)"),
              std::string::npos)
        << summary.firstRejections[0].reason;
}

TEST_F(RetractionTest, DryRunReportsAndChangesNothing) {
    auto before = visible(store_);
    auto report = retractSource("registry-a", true);
    EXPECT_TRUE(report.dryRun);
    EXPECT_EQ(report.claimKeys.size(), 4u);
    EXPECT_EQ(report.hidden.size(), 1u);
    EXPECT_FALSE(report.relations.empty());
    EXPECT_EQ(visible(store_), before);
    EXPECT_TRUE(store_.retractions().empty());
    EXPECT_EQ(ingest(store_, kRegistry).duplicates, 4) << "the claims are still stored";
}

TEST_F(RetractionTest, JudgementsStillApplyToRetractedAndRestoredEntities) {
    const auto schema = cg::graph::Schema::defaults();
    auto limBun = cg::resolve::findEntity(store_, "Lim Bun");
    auto limBunn = cg::resolve::findEntity(store_, "Lim Bunn");
    auto report = retractSource("registry-a");
    // A merge recorded while one side is hidden: by id, the hidden entity is still there.
    cg::resolve::mergeEntities(store_, schema, limBunn,
                               cg::resolve::findEntity(store_, store_.entity(limBun)->key, true),
                               "");
    EXPECT_TRUE(store_.hiddenEntities().empty()) << "the merged entity has the leak's claims";
    EXPECT_EQ(store_.entitiesByNorm("lim bunn"), std::vector<cg::graph::EntityId>{limBunn});
    EXPECT_TRUE(store_.entitiesByNorm("lim bun").empty())
        << "that name came from a retracted claim";
    cg::graph::undoRetractions(store_, {report.retractions[0].id}, false);
    // The restored directorship is filed under the merged entity.
    bool directorFound = false;
    store_.forEachRelation([&](const cg::graph::RelationRow& r) {
        if (r.type == "director_of" && r.src == limBunn) directorFound = true;
        EXPECT_NE(r.src, limBun) << "no relation of the merged-away entity";
    });
    EXPECT_TRUE(directorFound);
    EXPECT_EQ(store_.entitiesByNorm("lim bun"), std::vector<cg::graph::EntityId>{limBunn});
}

TEST_F(RetractionTest, SuggestionsNoLongerSeeHiddenEntities) {
    const auto schema = cg::graph::Schema::defaults();
    auto pairs = [&] {
        std::vector<std::string> out;
        for (const auto& s : cg::resolve::suggestMatches(store_, schema, {})) {
            out.push_back(s.aName + " / " + s.bName);
        }
        return out;
    };
    auto before = pairs();
    ASSERT_NE(std::find(before.begin(), before.end(), "Lim Bun / Lim Bunn"), before.end())
        << ::testing::PrintToString(before);
    retractSource("registry-a");
    EXPECT_TRUE(pairs().empty()) << ::testing::PrintToString(pairs());
}
