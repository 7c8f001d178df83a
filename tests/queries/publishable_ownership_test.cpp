// SPDX-License-Identifier: MIT
// Ownership an investigator can publish: nominees seen through, control of an owner followed,
// owners over 100% flagged, denials that the chains contradict pointed out.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "graph/over_allocation.hpp"
#include "queries/denials.hpp"
#include "queries/ownership.hpp"
#include "queries/red_flags.hpp"
#include "resolve/database_entity_finder.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::Cell;
using cg::queries::EntityCell;
using cg::queries::QueryResult;
using cg::testing::Investigation;

namespace {

// One row of an owners or holdings table, read by column name.
struct Row {
    double min = -1, max = -1;
    std::string share, ultimate, viaControl, controlledShare, deniedBy;
    double controlledMin = -1, controlledMax = -1;
};

std::string text(const cg::graph::GraphView& view, const Cell& cell) {
    return cg::queries::cellText(view, cell);
}

std::map<std::string, Row> rows(const Investigation& inv, const QueryResult& r) {
    const auto& t = r.table;
    auto at = [&](const std::vector<Cell>& row, const char* column) -> const Cell& {
        auto i = t.column(column);
        EXPECT_TRUE(i.has_value()) << column;
        return row[*i];
    };
    std::map<std::string, Row> out;
    for (const auto& row : t.rows) {
        Row x;
        x.min = std::get<double>(at(row, "share min"));
        x.max = std::get<double>(at(row, "share max"));
        x.share = text(inv.view(), at(row, "share"));
        x.ultimate = text(inv.view(), at(row, "ultimate"));
        x.viaControl = text(inv.view(), at(row, "via_control"));
        x.controlledShare = text(inv.view(), at(row, "controlled_share"));
        if (auto* d = std::get_if<double>(&at(row, "controlled_share_min"))) x.controlledMin = *d;
        if (auto* d = std::get_if<double>(&at(row, "controlled_share_max"))) x.controlledMax = *d;
        x.deniedBy = text(inv.view(), at(row, "denied_by"));
        out[inv.view().name(std::get<EntityCell>(row[0]).node)] = x;
    }
    return out;
}

bool hasNote(const QueryResult& r, const std::string& part) {
    for (const auto& n : r.notes) {
        if (n.find(part) != std::string::npos) return true;
    }
    return false;
}

class PublishableOwnership : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        inv_ = new Investigation(CG_TEST_DATA "/claims/publishable-ownership.claims.jsonl");
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

Investigation* PublishableOwnership::inv_ = nullptr;

TEST_F(PublishableOwnership, ANomineesShareIsCreditedToTheBeneficialOwner) {
    auto r = trace("harrowgate", true);
    auto owners = rows(*inv_, r);
    ASSERT_TRUE(owners.count("Silvan Drummore"));
    EXPECT_DOUBLE_EQ(owners["Silvan Drummore"].min, 35);
    EXPECT_DOUBLE_EQ(owners["Silvan Drummore"].max, 35);
    EXPECT_EQ(owners["Silvan Drummore"].ultimate, "yes");
    EXPECT_EQ(owners["Odile Farrancourt"].ultimate, "yes");
    EXPECT_DOUBLE_EQ(owners["Odile Farrancourt"].min, 40);
}

TEST_F(PublishableOwnership, TheNomineeIsNotAnUltimateOwner) {
    auto owners = rows(*inv_, trace("harrowgate", true));
    ASSERT_TRUE(owners.count("Penrose Nominees Ltd"));
    EXPECT_EQ(owners["Penrose Nominees Ltd"].ultimate, "no");
    EXPECT_DOUBLE_EQ(owners["Penrose Nominees Ltd"].min, 35);
}

TEST_F(PublishableOwnership, TheNomineesOwnOwnersAreNotCreditedWithWhatItHoldsForOthers) {
    EXPECT_FALSE(rows(*inv_, trace("harrowgate", true)).count("Tobiah Welk"));
    auto holdings = rows(*inv_, trace("tobiah", false));
    EXPECT_TRUE(holdings.count("Penrose Nominees Ltd"));
    EXPECT_TRUE(holdings.count("Penrose Office Services Ltd"));
    EXPECT_FALSE(holdings.count("Harrowgate Minerals Ltd"));
}

TEST_F(PublishableOwnership, TheChainThroughANomineeSaysSo) {
    auto r = trace("harrowgate", true);
    auto via = r.detail.column("via_nominee");
    ASSERT_TRUE(via.has_value());
    int found = 0;
    for (const auto& row : r.detail.rows) {
        if (inv_->view().name(std::get<EntityCell>(row[0]).node) != "Silvan Drummore") continue;
        ++found;
        EXPECT_EQ(text(inv_->view(), row[*via]), "Penrose Nominees Ltd");
        EXPECT_NE(std::get<std::string>(row[4]).find("via nominee Penrose Nominees Ltd"),
                  std::string::npos);
        EXPECT_EQ(text(inv_->view(), row[6]),
                  "Silvan Drummore <-represents [0.80]- Penrose Nominees Ltd -owns 35% [1.00]-> "
                  "Harrowgate Minerals Ltd");
    }
    EXPECT_EQ(found, 1);
}

TEST_F(PublishableOwnership, HoldingsOfTheBeneficialOwnerRunThroughTheNominee) {
    auto r = trace("silvan", false);
    auto holdings = rows(*inv_, r);
    ASSERT_TRUE(holdings.count("Harrowgate Minerals Ltd"));
    EXPECT_DOUBLE_EQ(holdings["Harrowgate Minerals Ltd"].min, 35);
    EXPECT_DOUBLE_EQ(holdings["Harrowgate Quarry"].max, 35);
    // The nominee is the way there, not a holding; nor is what it owns for itself.
    EXPECT_FALSE(holdings.count("Penrose Nominees Ltd"));
    EXPECT_FALSE(holdings.count("Penrose Office Services Ltd"));
    bool via = false;
    for (const auto& row : r.detail.rows)
        via = via ||
              text(inv_->view(), row[*r.detail.column("via_nominee")]) == "Penrose Nominees Ltd";
    EXPECT_TRUE(via);
}

TEST_F(PublishableOwnership, TheNomineesOwnHoldingsStillListWhatItHoldsInItsName) {
    auto holdings = rows(*inv_, trace("penrose", false));
    EXPECT_DOUBLE_EQ(holdings["Harrowgate Minerals Ltd"].min, 35);
    EXPECT_DOUBLE_EQ(holdings["Penrose Office Services Ltd"].min, 100);
}

TEST_F(PublishableOwnership, TheControllerOfAnOwnerIsListedWithTheControlledShare) {
    auto r = trace("calloway", true);
    auto owners = rows(*inv_, r);
    ASSERT_TRUE(owners.count("Wendeline Osk"));
    const Row& w = owners["Wendeline Osk"];
    EXPECT_EQ(w.viaControl, "Marrow Foundation");
    EXPECT_DOUBLE_EQ(w.controlledMin, 25);
    EXPECT_DOUBLE_EQ(w.controlledMax, 25);
    EXPECT_EQ(w.controlledShare, "25%");
    // Control is not equity: it is not added to her share.
    EXPECT_DOUBLE_EQ(w.min, 0);
    EXPECT_DOUBLE_EQ(w.max, 0);
    EXPECT_EQ(w.ultimate, "yes");
    EXPECT_EQ(owners["Marrow Foundation"].ultimate, "no");
    EXPECT_EQ(owners["Ulla Brenneck"].ultimate, "yes");
    EXPECT_EQ(owners["Ulla Brenneck"].viaControl, "");
}

TEST_F(PublishableOwnership, TheControlledShareCountsForTheThreshold) {
    cg::queries::OwnershipParams params;
    params.entity = inv_->entity("calloway");
    params.threshold = 20;
    EXPECT_TRUE(rows(*inv_, cg::queries::owners(inv_->view(), params)).count("Wendeline Osk"));
    params.threshold = 30;
    EXPECT_FALSE(rows(*inv_, cg::queries::owners(inv_->view(), params)).count("Wendeline Osk"));
}

TEST_F(PublishableOwnership, HoldingsOfTheControllerListWhatTheControlledEntityHolds) {
    auto holdings = rows(*inv_, trace("wendeline", false));
    ASSERT_TRUE(holdings.count("Calloway Ridge Ltd"));
    EXPECT_EQ(holdings["Calloway Ridge Ltd"].viaControl, "Marrow Foundation");
    EXPECT_DOUBLE_EQ(holdings["Calloway Ridge Ltd"].controlledMax, 25);
    EXPECT_DOUBLE_EQ(holdings["Calloway Ridge Ltd"].max, 0);
}

TEST_F(PublishableOwnership, OwnersHeldAtTheSameTimeOverOneHundredPercentAreFlagged) {
    auto r = trace("dunlin", true);
    ASSERT_EQ(r.flags.size(), 1u);
    EXPECT_EQ(r.flags[0].first, "over_allocated");
    EXPECT_TRUE(r.flags[0].second);
    ASSERT_EQ(r.values.size(), 1u);
    EXPECT_EQ(r.values[0].first, "allocated_share_min");
    EXPECT_DOUBLE_EQ(std::get<double>(r.values[0].second), 110);
    EXPECT_TRUE(hasNote(r, "add up to 110%"));
    auto over = cg::graph::overAllocation(inv_->view(), inv_->node("dunlin"));
    ASSERT_TRUE(over.has_value());
    EXPECT_EQ(over->edges.size(), 2u);
}

TEST_F(PublishableOwnership, OwnersWhoseHoldingsNeverOverlapAreNotOverAllocated) {
    auto r = trace("fenwick", true);
    ASSERT_EQ(r.flags.size(), 1u);
    EXPECT_FALSE(r.flags[0].second);
    EXPECT_FALSE(cg::graph::overAllocation(inv_->view(), inv_->node("fenwick")).has_value());
    EXPECT_FALSE(trace("harrowgate", true).flags[0].second);
}

TEST_F(PublishableOwnership, AsOfADayOnlyThatDaysOwnersCount) {
    Investigation inv(CG_TEST_DATA "/claims/publishable-ownership.claims.jsonl");
    cg::graph::ViewFilter filter;
    filter.asOf = 20201001;
    inv.rebuild(filter);
    EXPECT_TRUE(cg::graph::overAllocation(inv.view(), inv.node("dunlin")).has_value());
    filter.asOf = 20210601;
    inv.rebuild(filter);
    EXPECT_FALSE(cg::graph::overAllocation(inv.view(), inv.node("dunlin")).has_value());
}

TEST_F(PublishableOwnership, RedFlagsListTheOverAllocatedEntity) {
    auto r = cg::queries::redFlags(inv_->view(), {});
    int found = 0;
    for (const auto& row : r.table.rows) {
        if (text(inv_->view(), row[1]) != "Dunlin Shipping Ltd") continue;
        ++found;
        EXPECT_EQ(std::get<std::string>(row[0]), "owners' minimum shares add up to more than 100%");
        EXPECT_EQ(std::get<std::int64_t>(row[3]), 2);
        EXPECT_EQ(std::get<std::string>(row[4]),
                  "Xavi Morland 60%, Yelena Ostrova 50–75% (110% in all)");
    }
    EXPECT_EQ(found, 1);
    for (const auto& row : r.table.rows)
        EXPECT_NE(text(inv_->view(), row[1]), "Fenwick Storage Ltd");
}

TEST_F(PublishableOwnership, AComputedHoldingBesideADenialIsFlaggedWithTheDenyingClaim) {
    auto r = trace("kelvane", true);
    auto owners = rows(*inv_, r);
    ASSERT_TRUE(owners.count("Marek Ostrander"));
    EXPECT_DOUBLE_EQ(owners["Marek Ostrander"].min, 15);
    EXPECT_DOUBLE_EQ(owners["Marek Ostrander"].max, 42.5);
    EXPECT_EQ(owners["Marek Ostrander"].deniedBy, "dn-3");
    EXPECT_EQ(owners["Kestle Holdings Ltd"].deniedBy, "");
    EXPECT_TRUE(
        hasNote(r, "Marek Ostrander denies an interest in Kelvane Resorts Ltd (claim dn-3)"));
    auto holdings = rows(*inv_, trace("marek", false));
    EXPECT_EQ(holdings["Kelvane Resorts Ltd"].deniedBy, "dn-3");
    EXPECT_EQ(holdings["Kestle Holdings Ltd"].deniedBy, "");
}

TEST_F(PublishableOwnership, TheDenialsListingNamesTheHoldingThatContradictsADenial) {
    Investigation inv(CG_TEST_DATA "/claims/publishable-ownership.claims.jsonl");
    cg::graph::ViewFilter filter;
    filter.includeDenied = true;
    inv.rebuild(filter);
    auto r = cg::queries::denials(inv.view(), cg::resolve::DatabaseEntityFinder(inv.store()), {});
    auto column = r.table.column("contradicted_by");
    ASSERT_TRUE(column.has_value());
    int rowsSeen = 0;
    for (const auto& row : r.table.rows) {
        std::string subject = text(inv.view(), row[0]);
        if (subject == "Marek Ostrander") {
            ++rowsSeen;
            EXPECT_EQ(text(inv.view(), row[*column]), "computed holding 15–42.5%");
        } else if (subject == "Ines Calder") {
            ++rowsSeen;  // nothing computes a holding of hers: the denial stands unopposed
            EXPECT_TRUE(std::holds_alternative<std::monostate>(row[*column]));
        }
    }
    EXPECT_EQ(rowsSeen, 2);
}

TEST_F(PublishableOwnership, TheDenialsListingNamesEachDenyingClaimItsSourceAndQuote) {
    Investigation inv(CG_TEST_DATA "/claims/publishable-ownership.claims.jsonl");
    cg::graph::ViewFilter filter;
    filter.includeDenied = true;
    inv.rebuild(filter);
    auto r = cg::queries::denials(inv.view(), cg::resolve::DatabaseEntityFinder(inv.store()), {});
    auto deniedBy = r.table.column("denied_by");
    ASSERT_TRUE(deniedBy.has_value());
    std::map<std::string, std::string> bySubject;
    for (const auto& row : r.table.rows) {
        bySubject[text(inv.view(), row[0])] = text(inv.view(), row[*deniedBy]);
    }
    EXPECT_EQ(bySubject["Marek Ostrander"], "dn-3 (po-article)");
    EXPECT_EQ(bySubject["Ines Calder"], "dn-4 (po-article)");

    EXPECT_EQ(r.detail.columns, (std::vector<std::string>{"denial", "claim", "source",
                                                          "source_title", "source_url", "quote"}));
    EXPECT_EQ(r.detailTitle, "the denying claims");
    std::map<std::string, std::vector<std::string>> byClaim;
    for (const auto& row : r.detail.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(text(inv.view(), cell));
        byClaim[cells[1]] = cells;
    }
    ASSERT_EQ(byClaim.size(), 2u);
    const auto& marek = byClaim["dn-3"];
    EXPECT_EQ(marek[0], "Marek Ostrander -owns [0.00, disputed]-> Kelvane Resorts Ltd");
    EXPECT_EQ(marek[2], "po-article");
    EXPECT_EQ(marek[3],
              "Fictional newspaper article (invented for testing; not real people or "
              "companies)");
    EXPECT_EQ(marek[4], "");  // the source gives no URL
    EXPECT_EQ(marek[5], "M. denies any interest in K.");
    EXPECT_EQ(byClaim["dn-4"][5], "Calder says she has never held shares in Kelvane");
}

TEST_F(PublishableOwnership, TheViewLoadsNoFactsForAGraphWithoutNomineesOrDenials) {
    Investigation inv(6, {{0, 1, "owns", 1, std::make_pair(50.0, 50.0)},
                          {1, 2, "owns", 1, std::make_pair(30.0, 60.0)}});
    const auto& facts = inv.view().ownershipFacts();
    EXPECT_FALSE(facts.hasNominees());
    EXPECT_TRUE(facts.deniedInterests().empty());
    EXPECT_EQ(facts.memoryBytes(), 0u);
}

}  // namespace
