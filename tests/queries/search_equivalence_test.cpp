// SPDX-License-Identifier: MIT
// The fast shortest-route and neighbourhood searches against plain reference searches that
// follow the same rules in the same order (the code these searches replaced, with O(n) state
// per call): same routes, same neighbourhoods in the same order, same `via` steps and the same
// cap counts, on a generated graph with hubs (long candidate lists), parallel relations and
// tied confidences.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <optional>

#include "queries/neighbourhood.hpp"
#include "queries/node_marks.hpp"
#include "queries/route.hpp"
#include "queries/shortest_path.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::Edge;
using cg::queries::Neighbour;
using cg::queries::Node;
using cg::queries::PathCell;
using cg::queries::RelationSet;
using cg::queries::Walk;
using cg::testing::GenEdge;
using cg::testing::Investigation;

namespace {

constexpr int kNodes = 1500;

std::vector<GenEdge> edgesWithHubs() {
    auto edges = cg::testing::randomEdges(kNodes, 2400, 11);
    std::mt19937_64 rng(12);
    const char* types[] = {"owns", "director_of", "associate_of", "linked_to", "paid"};
    // Hubs: n0 links out to 700 nodes, 600 nodes link into n1, n2 both ways; confidences from
    // a short list so that many tie, and parallel relations of other types to the same nodes.
    for (int hub : {0, 1, 2}) {
        for (int i = 0; i < 700; ++i) {
            int other = 3 + static_cast<int>(rng() % (kNodes - 3));
            GenEdge e;
            bool out = hub == 0 || (hub == 2 && i % 2 == 0);
            e.a = out ? hub : other;
            e.b = out ? other : hub;
            e.type = types[rng() % 5];
            e.confidence = (5 + static_cast<int>(rng() % 6)) / 10.0;
            edges.push_back(e);
            if (i % 5 == 0) {
                e.type = types[rng() % 5];
                e.confidence = (5 + static_cast<int>(rng() % 6)) / 10.0;
                edges.push_back(e);
            }
        }
    }
    edges.push_back({0, 1, "owns", 1.0, std::nullopt});
    edges.push_back({1, 2, "linked_to", 0.9, std::nullopt});
    return edges;
}

// The bidirectional search the fast one replaced: grows the side whose next level scans fewer
// relations, stops at the first meeting.
std::optional<PathCell> referenceRoute(const Walk& walk, Node from, Node to, int maxHops) {
    const auto& view = walk.view();
    if (from == to) return PathCell{from, {}};
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint8_t> side(view.nodeCount(), 0);  // 1 front, 2 back
    std::vector<Node> parent(view.nodeCount(), kNone);
    side[from] = 1;
    side[to] = 2;
    std::vector<Node> front{from}, back{to}, next;
    std::uint64_t frontCost = walk.degree(from), backCost = walk.degree(to);
    std::uint32_t frontLevel = 0, backLevel = 0;
    bool met = false;
    Node meetFront = 0, meetBack = 0;
    while (!front.empty() && !back.empty() && !met) {
        if (maxHops > 0 && frontLevel + backLevel + 1 > static_cast<std::uint32_t>(maxHops)) break;
        next.clear();
        std::uint64_t cost = 0;
        bool growFront = frontCost <= backCost;
        for (Node u : growFront ? front : back) {
            if (met) break;
            auto reach = [&](Edge, Node w, bool) {
                if (met) return;
                std::uint8_t mine = growFront ? 1 : 2;
                if (side[w] == mine) return;
                if (side[w] != 0) {
                    met = true;
                    meetFront = growFront ? u : w;
                    meetBack = growFront ? w : u;
                    return;
                }
                side[w] = mine;
                parent[w] = u;
                next.push_back(w);
                cost += walk.degree(w);
            };
            if (growFront) {
                walk.forEachStep(u, reach);
            } else {
                walk.forEachStepInto(u, reach);
            }
        }
        if (growFront) {
            ++frontLevel;
            front.swap(next);
            frontCost = cost;
        } else {
            ++backLevel;
            back.swap(next);
            backCost = cost;
        }
    }
    if (!met) return std::nullopt;
    std::vector<Node> nodes;
    for (Node v = meetFront; v != kNone; v = parent[v]) nodes.push_back(v);
    std::reverse(nodes.begin(), nodes.end());
    for (Node v = meetBack; v != kNone; v = parent[v]) nodes.push_back(v);
    return cg::queries::routeThrough(walk, nodes);
}

// The neighbourhood search the fast one replaced: per node, one candidate per new neighbour
// (its most credible relation, ties to the lower edge), the most credible `cap` taken.
std::vector<Neighbour> referenceNeighbourhood(const Walk& walk, Node centre, int hops,
                                              std::size_t cap) {
    const auto& view = walk.view();
    struct Candidate {
        float confidence;
        Edge edge;
        Node node;
        bool forward;
    };
    auto better = [](const Candidate& a, const Candidate& b) {
        if (a.confidence != b.confidence) return a.confidence > b.confidence;
        return a.edge < b.edge;
    };
    std::vector<bool> seen(view.nodeCount(), false);
    std::vector<Neighbour> found{{centre, 0, {}, 0}};
    seen[centre] = true;
    std::size_t levelStart = 0;
    for (std::uint32_t level = 0; level < static_cast<std::uint32_t>(std::max(hops, 0)); ++level) {
        std::size_t levelEnd = found.size();
        for (std::size_t i = levelStart; i < levelEnd; ++i) {
            std::vector<Candidate> candidates;
            std::map<Node, std::size_t> index;
            walk.forEachStep(found[i].node, [&](Edge e, Node w, bool forward) {
                if (seen[w]) return;
                Candidate c{view.confidence(e), e, w, forward};
                auto [it, fresh] = index.emplace(w, candidates.size());
                if (fresh) {
                    candidates.push_back(c);
                } else if (better(c, candidates[it->second])) {
                    candidates[it->second] = c;
                }
            });
            std::sort(candidates.begin(), candidates.end(), better);
            std::size_t take = cap > 0 ? std::min(cap, candidates.size()) : candidates.size();
            for (std::size_t j = 0; j < take; ++j) {
                seen[candidates[j].node] = true;
                found.push_back({candidates[j].node,
                                 level + 1,
                                 {candidates[j].edge, candidates[j].forward},
                                 0});
            }
            found[i].leftOut = static_cast<std::uint32_t>(candidates.size() - take);
        }
        levelStart = levelEnd;
    }
    return found;
}

bool sameRoute(const std::optional<PathCell>& a, const std::optional<PathCell>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    if (a->start != b->start || a->steps.size() != b->steps.size()) return false;
    for (std::size_t i = 0; i < a->steps.size(); ++i) {
        if (a->steps[i].edge != b->steps[i].edge || a->steps[i].forward != b->steps[i].forward)
            return false;
    }
    return true;
}

class SearchEquivalence : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { inv_ = new Investigation(kNodes, edgesWithHubs()); }
    static void TearDownTestSuite() {
        delete inv_;
        inv_ = nullptr;
    }
    static std::vector<Walk> walks() {
        const auto& view = inv_->view();
        auto some = RelationSet::named(view.schema(), {"owns", "associate_of", "linked_to"});
        return {Walk(view, RelationSet(), false), Walk(view, RelationSet(), true),
                Walk(view, some, false), Walk(view, some, true)};
    }
    static Investigation* inv_;
};

Investigation* SearchEquivalence::inv_ = nullptr;

TEST_F(SearchEquivalence, ShortestRoutesAreTheReferenceRoutes) {
    const Node n = inv_->view().nodeCount();
    std::mt19937_64 rng(3);
    std::size_t found = 0, compared = 0;
    for (const auto& walk : walks()) {
        for (int i = 0; i < 400; ++i) {
            // Hubs as ends now and then, so that the searches cross them.
            Node from = i % 10 == 0 ? static_cast<Node>(i / 10 % 3) : static_cast<Node>(rng() % n);
            Node to = static_cast<Node>(rng() % n);
            for (int maxHops : {0, 2, 4}) {
                auto got = cg::queries::shortestRoute(walk, from, to, maxHops);
                auto want = referenceRoute(walk, from, to, maxHops);
                ASSERT_TRUE(sameRoute(got, want)) << from << " -> " << to << " max " << maxHops;
                found += got.has_value();
                ++compared;
            }
        }
    }
    EXPECT_GT(found, compared / 3) << "most pairs should be linked";
}

TEST_F(SearchEquivalence, NeighbourhoodsAreTheReferenceNeighbourhoods) {
    const Node n = inv_->view().nodeCount();
    std::size_t capped = 0, longLists = 0;
    for (const auto& walk : walks()) {
        for (Node centre = 0; centre < n; centre += (centre < 10 ? 1 : 53)) {
            for (int hops : {0, 1, 2, 3}) {
                for (std::size_t cap : {std::size_t{0}, std::size_t{1}, std::size_t{3},
                                        std::size_t{50}, std::size_t{400}}) {
                    auto got = cg::queries::neighbourhoodOf(walk, centre, hops, cap);
                    auto want = referenceNeighbourhood(walk, centre, hops, cap);
                    ASSERT_EQ(got.size(), want.size())
                        << centre << " hops " << hops << " cap " << cap;
                    for (std::size_t i = 0; i < got.size(); ++i) {
                        ASSERT_EQ(got[i].node, want[i].node) << i;
                        ASSERT_EQ(got[i].hops, want[i].hops) << i;
                        ASSERT_EQ(got[i].leftOut, want[i].leftOut) << i;
                        if (got[i].hops == 0) continue;
                        ASSERT_EQ(got[i].via.edge, want[i].via.edge) << i;
                        ASSERT_EQ(got[i].via.forward, want[i].via.forward) << i;
                        capped += got[i].leftOut > 0;
                    }
                    if (hops == 1 && cap == 0 && got.size() > 300) ++longLists;
                }
            }
        }
    }
    EXPECT_GT(capped, 0u) << "the caps should bite";
    EXPECT_GT(longLists, 0u)
        << "the hubs should give candidate lists long enough for the radix sort";
}

TEST(NodeTags, ForgetEarlierQueriesAndClearWhenTheyWouldWrap) {
    cg::queries::NodeTags tags;
    std::uint32_t base = tags.begin(10, 4);
    EXPECT_GE(base, 1u);
    tags[3] = base;
    tags[4] = base + 1;
    tags.used(base + 2);
    std::uint32_t next = tags.begin(12, 4);
    EXPECT_GE(next, base + 2);
    EXPECT_LT(tags[3], next) << "an earlier query's tags read as not reached";
    EXPECT_EQ(tags[11], 0u);
    tags[5] = next;
    tags[6] = 0xffffffe0u;
    tags.used(0xfffffff0u);
    // A query that could use more tags than are left clears them all first.
    std::uint32_t fresh = tags.begin(12, 100);
    EXPECT_EQ(fresh, 1u);
    for (std::uint32_t v = 0; v < 12; ++v) EXPECT_EQ(tags[v], 0u) << v;
    EXPECT_THROW(tags.begin(12, 0xffffffffu), std::length_error);
}

}  // namespace
