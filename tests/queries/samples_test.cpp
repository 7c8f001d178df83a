// SPDX-License-Identifier: MIT
// The queries on samples/fictional-ownership.claims.jsonl: a six-level ownership chain, a
// circular holding, seven companies at one address, one person on eight boards.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "queries/cycles.hpp"
#include "queries/ownership.hpp"
#include "queries/red_flags.hpp"
#include "queries/shared_neighbours.hpp"
#include "queries/shortest_path.hpp"
#include "resolve/entity_lookup.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::EntityCell;
using cg::queries::Node;
using cg::queries::PathCell;
using cg::queries::QueryResult;
using cg::testing::Investigation;

namespace {

class FictionalSample : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        inv_ = new Investigation(CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl");
    }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }

    static cg::graph::EntityId entity(const std::string& name) {
        return cg::resolve::findEntity(inv_->store(), name);
    }
    static Node node(const std::string& name) { return inv_->view().node(entity(name)); }
    static std::string name(const cg::queries::Cell& cell) {
        return inv_->view().name(std::get<EntityCell>(cell).node);
    }
    // The row of `table` whose first column names `who`, or nullptr.
    static const std::vector<cg::queries::Cell>* row(const cg::queries::ResultTable& table,
                                                     const std::string& who) {
        for (const auto& r : table.rows) {
            if (name(r[0]) == who) return &r;
        }
        return nullptr;
    }
    static std::vector<std::string> names(const PathCell& route) {
        std::vector<std::string> out;
        for (Node v : cg::queries::routeNodes(inv_->view(), route))
            out.push_back(inv_->view().name(v));
        return out;
    }

    static Investigation* inv_;
};

Investigation* FictionalSample::inv_ = nullptr;

TEST_F(FictionalSample, OwnersOfTheCasinoMultiplySharesAlongTheSixLevelChain) {
    cg::queries::OwnershipParams params;
    params.entity = entity("Opaline Bay Casino & Hotel");
    params.threshold = 5;
    QueryResult result = cg::queries::owners(inv_->view(), params);
    const auto* marisol = row(result.table, "Marisol Vantongeren");
    ASSERT_NE(marisol, nullptr);
    // Chain 1: [60,85] x 75 x [25,50] x 100 x 51 x 100; chain 2 through Kestrel, Tamsin and
    // Veloura: [60,85] x [25,50] x 30 x 40 x 49 x 100; added.
    double min1 = 0.60 * 0.75 * 0.25 * 1.00 * 0.51 * 1.00 * 100,
           max1 = 0.85 * 0.75 * 0.50 * 1.00 * 0.51 * 1.00 * 100;
    double min2 = 0.60 * 0.25 * 0.30 * 0.40 * 0.49 * 1.00 * 100,
           max2 = 0.85 * 0.50 * 0.30 * 0.40 * 0.49 * 1.00 * 100;
    EXPECT_NEAR(std::get<double>((*marisol)[2]), min1 + min2, 1e-9);
    EXPECT_NEAR(std::get<double>((*marisol)[3]), max1 + max2, 1e-9);
    EXPECT_EQ(std::get<std::string>((*marisol)[4]), "6.62–18.76%");
    EXPECT_EQ(std::get<std::int64_t>((*marisol)[5]), 2);  // chains
    EXPECT_EQ(std::get<std::int64_t>((*marisol)[6]), 0);  // none with an unknown share
    EXPECT_EQ(std::get<std::int64_t>((*marisol)[7]), 6);  // hops
    EXPECT_EQ(std::get<std::string>((*marisol)[8]), "yes");

    std::vector<std::vector<std::string>> chains;
    for (const auto& r : result.detail.rows) {
        if (name(r[0]) != "Marisol Vantongeren") continue;
        chains.push_back(names(std::get<PathCell>(r[6])));
        if (chains.size() == 1) {
            EXPECT_NEAR(std::get<double>(r[2]), min1, 1e-9);
            EXPECT_NEAR(std::get<double>(r[3]), max1, 1e-9);
        }
    }
    ASSERT_EQ(chains.size(), 2u);
    EXPECT_EQ(chains[0],
              (std::vector<std::string>{"Marisol Vantongeren", "Aurelian Holdings Ltd",
                                        "Corvane Capital Partners Ltd", "Selmira Investments Ltd",
                                        "Brightwater Leisure Group Ltd", "Opaline Bay Resorts Ltd",
                                        "Opaline Bay Casino & Hotel"}));
    EXPECT_EQ(chains[1][2], "Kestrel Meridian Ltd");
    // Every chain edge is in the subgraph and explained by at least one claim.
    for (const auto& r : result.detail.rows) {
        for (const auto& step : std::get<PathCell>(r[6]).steps) {
            EXPECT_TRUE(std::binary_search(result.subgraph.edges.begin(),
                                           result.subgraph.edges.end(), step.edge));
            EXPECT_FALSE(
                inv_->store().claimsOfRelation(inv_->view().relationId(step.edge)).empty());
        }
    }
}

TEST_F(FictionalSample, DefaultThresholdHidesSmallOwnersAndKeepsUnknownShares) {
    cg::queries::OwnershipParams params;
    params.entity = entity("Opaline Bay Casino & Hotel");
    QueryResult result = cg::queries::owners(inv_->view(), params);
    EXPECT_EQ(row(result.table, "Marisol Vantongeren"), nullptr) << "at most 18.76%, below 25%";
    const auto* casimir = row(result.table, "Casimir Ondrejka-Vale");
    ASSERT_NE(casimir, nullptr) << "an unknown share may reach 51%: shown, flagged";
    EXPECT_DOUBLE_EQ(std::get<double>((*casimir)[2]), 0);
    EXPECT_NEAR(std::get<double>((*casimir)[3]), 51, 1e-9);
    EXPECT_EQ(std::get<std::int64_t>((*casimir)[6]), 1);
    EXPECT_NE(std::get<std::string>((*casimir)[4]).find("unknown"), std::string::npos);
    const auto* resorts = row(result.table, "Opaline Bay Resorts Ltd");
    ASSERT_NE(resorts, nullptr);
    EXPECT_DOUBLE_EQ(std::get<double>((*resorts)[3]), 100);
    bool hiddenNote = false, cycleNote = false;
    for (const auto& n : result.notes) {
        hiddenNote = hiddenNote || n.find("threshold of 25%") != std::string::npos;
        cycleNote = cycleNote || n.find("circle") != std::string::npos;
    }
    EXPECT_TRUE(hiddenNote);
    EXPECT_TRUE(cycleNote);
}

TEST_F(FictionalSample, HoldingsWalkTheChainDownwards) {
    cg::queries::OwnershipParams params;
    params.entity = entity("Marisol Vantongeren");
    params.threshold = 0;
    QueryResult result = cg::queries::holdings(inv_->view(), params);
    const auto* aurelian = row(result.table, "Aurelian Holdings Ltd");
    ASSERT_NE(aurelian, nullptr);
    EXPECT_DOUBLE_EQ(std::get<double>((*aurelian)[2]), 60) << "the registry says 60%";
    EXPECT_DOUBLE_EQ(std::get<double>((*aurelian)[3]), 85) << "the leak says 85%: both kept";
    const auto* casino = row(result.table, "Opaline Bay Casino & Hotel");
    ASSERT_NE(casino, nullptr);
    EXPECT_NEAR(std::get<double>((*casino)[3]), 18.75525, 1e-9);
    const auto* yacht = row(result.table, "Motor yacht Saltmarsh Reverie");
    ASSERT_NE(yacht, nullptr);
    EXPECT_EQ(std::get<std::int64_t>((*yacht)[6]), 1) << "no share on record for the yacht";
}

TEST_F(FictionalSample, TheCircularHoldingIsFound) {
    QueryResult result = cg::queries::cycles(inv_->view(), {});
    ASSERT_EQ(result.table.rows.size(), 1u);
    const auto& route = std::get<PathCell>(result.table.rows[0][2]);
    auto around = names(route);
    ASSERT_EQ(around.size(), 4u);
    EXPECT_EQ(around.front(), around.back());
    EXPECT_EQ(std::set<std::string>(around.begin(), around.end()),
              (std::set<std::string>{"Kestrel Meridian Ltd", "Tamsin Ridge Holdings Ltd",
                                     "Veloura Trust Company Ltd"}));
    EXPECT_EQ(result.subgraph.edges.size(), 3u);
}

TEST_F(FictionalSample, TheSharedAddressShowsUp) {
    cg::queries::SharedParams params;
    params.via = "registered_at";
    QueryResult shared = cg::queries::sharedNeighbours(inv_->view(), params);
    ASSERT_FALSE(shared.table.rows.empty());
    EXPECT_EQ(name(shared.table.rows[0][0]), "Suite 4B, 17 Larkspur Quay, Port Veradine");
    EXPECT_EQ(std::get<std::int64_t>(shared.table.rows[0][2]), 7);
    EXPECT_EQ(shared.subgraph.edges.size(), 7u);

    QueryResult flags = cg::queries::redFlags(inv_->view(), {});
    std::map<std::string, std::int64_t> flagged;
    for (const auto& r : flags.table.rows) flagged[name(r[1])] = std::get<std::int64_t>(r[3]);
    EXPECT_EQ(flagged["Suite 4B, 17 Larkspur Quay, Port Veradine"], 7);
    EXPECT_EQ(flagged["Teodor Quillfeather"], 8);
    EXPECT_EQ(flagged.size(), 2u);
}

TEST_F(FictionalSample, AsOfDateDropsEndedDirectorships) {
    cg::graph::ViewFilter filter;
    filter.asOf = 20200101;  // Teodor left Brightwater's board on 2019-11-30
    Investigation dated(CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl");
    dated.rebuild(filter);
    QueryResult flags = cg::queries::redFlags(dated.view(), {});
    bool found = false;
    for (const auto& r : flags.table.rows) {
        if (dated.view().name(std::get<EntityCell>(r[1]).node) == "Teodor Quillfeather") {
            found = true;
            EXPECT_EQ(std::get<std::int64_t>(r[3]), 7);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(FictionalSample, EntitiesOutsideTheViewGiveANoteNotAnError) {
    cg::graph::ViewFilter filter;
    filter.entityTypes = {"Person"};
    Investigation people(CG_SOURCE_DIR "/samples/fictional-ownership.claims.jsonl");
    people.rebuild(filter);
    cg::queries::PathParams params;
    params.from = cg::resolve::findEntity(people.store(), "Marisol Vantongeren");
    params.to = cg::resolve::findEntity(people.store(), "Opaline Bay Casino & Hotel");
    QueryResult result = cg::queries::shortestPath(people.view(), params);
    EXPECT_TRUE(result.table.rows.empty());
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_NE(result.notes[0].find("not in the view"), std::string::npos);
}

}  // namespace

namespace {

// samples/seed-article.claims.jsonl, read as records: what the sample claims, checked against
// what ../shared/seed-article.txt says (issue 16, point 9).
std::vector<rapidjson::Document> seedRecords() {
    std::ifstream in(CG_SOURCE_DIR "/samples/seed-article.claims.jsonl");
    std::vector<rapidjson::Document> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        out.emplace_back();
        out.back().Parse(line.c_str());
        EXPECT_FALSE(out.back().HasParseError()) << line;
    }
    return out;
}

std::string member(const rapidjson::Value& v, const char* key) {
    auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

}  // namespace

TEST(SeedSample, EncodesNoDenialOfALink) {
    // "denied that it's a widespread problem" and "Cambodia is the victim country" deny no link.
    for (const auto& r : seedRecords()) EXPECT_NE(member(r, "stance"), "denies") << member(r, "id");
}

TEST(SeedSample, GroupsAreOrganizationsNotOnePerson) {
    int groups = 0;
    for (const auto& r : seedRecords()) {
        if (!r.HasMember("subject")) continue;
        for (const char* end : {"subject", "object"}) {
            if (!r.HasMember(end)) continue;
            std::string name = member(r[end], "name");
            for (const char* word : {"tycoons", "investors", "officials", "business owners"}) {
                if (name.find(word) == std::string::npos) continue;
                EXPECT_EQ(member(r[end], "type"), "Organization")
                    << member(r, "id") << ": " << name;
                ++groups;
            }
        }
    }
    EXPECT_GE(groups, 4);
}

TEST(SeedSample, ReportsAndRequestsAreMentionsNotLinks) {
    // An outlet reporting, a government asking for a rescue or a rapporteur visiting is not
    // linked to what it speaks about.
    const std::set<std::string> speakers = {"Al Jazeera",
                                            "South China Morning Post",
                                            "Government of the Philippines",
                                            "Government of Taiwan",
                                            "Government of Indonesia",
                                            "Government of Hong Kong",
                                            "U.S. State Department",
                                            "Vitit Muntarbhorn"};
    std::map<std::string, int> mentions;
    for (const auto& r : seedRecords()) {
        if (!r.HasMember("relation")) continue;
        std::string subject = member(r["subject"], "name");
        std::string relation = member(r, "relation");
        if (!speakers.count(subject)) continue;
        EXPECT_TRUE(relation == "reported_on" || relation == "located_in" ||
                    relation == "officer_of")
            << member(r, "id") << ": " << subject << " " << relation;
        if (relation == "reported_on") ++mentions[subject];
    }
    EXPECT_EQ(mentions.size(), speakers.size());
}

TEST(SeedSample, ValidityDatesOnlyWhereTheArticleDatesTheFact) {
    // "in early August" (Indonesia's request), "since the start of August" (the Philippines'),
    // "in 2019" (the gambling ban). A speech date is not the start of a term.
    std::set<std::string> dated;
    for (const auto& r : seedRecords()) {
        if (r.HasMember("valid_from") || r.HasMember("valid_to")) dated.insert(member(r, "id"));
    }
    EXPECT_EQ(dated, (std::set<std::string>{"seed-005", "seed-008", "seed-035"}));
}

TEST(SeedSample, TheRouteFromHunSenToTheScamFacilitiesRunsThroughTheNephewAndTheTycoons) {
    Investigation inv(CG_SOURCE_DIR "/samples/seed-article.claims.jsonl");
    cg::queries::PathParams params;
    params.from = cg::resolve::findEntity(inv.store(), "Hun Sen");
    params.to = cg::resolve::findEntity(inv.store(), "Unnamed facilities housing scam operations");
    QueryResult result = cg::queries::shortestPath(inv.view(), params);
    ASSERT_EQ(result.table.rows.size(), 1u);
    auto column = std::find(result.table.columns.begin(), result.table.columns.end(), "route");
    ASSERT_NE(column, result.table.columns.end());
    const auto& route =
        std::get<PathCell>(result.table.rows[0][column - result.table.columns.begin()]);
    std::vector<std::string> names;
    for (Node v : cg::queries::routeNodes(inv.view(), route)) names.push_back(inv.view().name(v));
    EXPECT_EQ(names, (std::vector<std::string>{
                         "Hun Sen", "Unnamed nephew and advisor of Prime Minister Hun Sen",
                         "Unnamed tycoons linked to scam facilities",
                         "Unnamed facilities housing scam operations"}));
}
