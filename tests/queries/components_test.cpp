// SPDX-License-Identifier: MIT
// Weak and strong components under relation filters, against brute-force reachability (a
// search from every node); networkx comparisons without a filter are in graph_shape_test.cpp.
#include "queries/components.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "queries/relation_set.hpp"
#include "queries/walk.hpp"
#include "tests/queries/query_fixture.hpp"

using cg::queries::Node;
using cg::queries::RelationSet;
using cg::testing::Investigation;

namespace {

// reach[v] = every node a walk can reach from v (v included), by plain breadth-first search.
std::vector<std::vector<char>> reachability(const cg::queries::Walk& walk) {
    std::uint32_t n = walk.view().nodeCount();
    std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));
    for (Node s = 0; s < n; ++s) {
        std::vector<Node> queue{s};
        reach[s][s] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            walk.forEachStep(queue[head], [&](auto, Node w, bool) {
                if (!reach[s][w]) {
                    reach[s][w] = 1;
                    queue.push_back(w);
                }
            });
        }
    }
    return reach;
}

// The partition as a set of member sets, so that numbering does not matter.
std::set<std::set<Node>> partition(const std::vector<std::uint32_t>& component) {
    std::map<std::uint32_t, std::set<Node>> members;
    for (Node v = 0; v < component.size(); ++v) members[component[v]].insert(v);
    std::set<std::set<Node>> out;
    for (auto& [c, m] : members) out.insert(m);
    return out;
}

// The component of every node as componentOf numbers them: largest first, ties by the lowest
// node, each component of mutually reachable nodes found by brute force.
std::vector<std::uint32_t> expected(const std::vector<std::vector<char>>& reach) {
    auto n = static_cast<Node>(reach.size());
    std::vector<std::vector<Node>> members;  // in order of the lowest node
    std::vector<char> placed(n, 0);
    for (Node v = 0; v < n; ++v) {
        if (placed[v]) continue;
        members.emplace_back();
        for (Node w = v; w < n; ++w) {
            if (reach[v][w] && reach[w][v]) {
                members.back().push_back(w);
                placed[w] = 1;
            }
        }
    }
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<std::uint32_t> component(n);
    for (std::uint32_t c = 0; c < members.size(); ++c)
        for (Node v : members[c]) component[v] = c;
    return component;
}

void expectReachabilityComponents(const Investigation& inv,
                                  const std::vector<std::vector<std::string>>& filters) {
    const auto& schema = inv.view().schema();
    for (const auto& filter : filters) {
        RelationSet relations = RelationSet::named(schema, filter);
        for (bool strong : {false, true}) {
            cg::queries::Walk walk(inv.view(), relations, strong);
            auto got = cg::queries::componentOf(inv.view(), relations, strong);
            auto want = expected(reachability(walk));
            EXPECT_EQ(partition(got), partition(want))
                << (strong ? "strong" : "weak") << " components, " << filter.size()
                << " relation types";
            // Numbered largest first, ties by the lowest node.
            EXPECT_EQ(got, want) << (strong ? "strong" : "weak") << " components, " << filter.size()
                                 << " relation types";
        }
    }
}

}  // namespace

TEST(Components, MatchReachabilityUnderEveryRelationFilter) {
    // Sparse enough for many small components, with directed and undirected types mixed.
    Investigation inv(160, cg::testing::randomEdges(160, 260, 5));
    expectReachabilityComponents(
        inv, {{}, {"owns"}, {"owns", "controls"}, {"owns", "associate_of"}, {"linked_to", "paid"}});
}

TEST(Components, MatchReachabilityOnALargerDenserGraph) {
    // Dense enough for one large strong component with long search paths, many components of
    // equal size (ties numbered by the lowest node) and entities with no relation at all.
    Investigation inv(700, cg::testing::randomEdges(650, 1400, 11));
    expectReachabilityComponents(inv, {{}, {"owns", "controls", "paid"}, {"associate_of"}});
}
