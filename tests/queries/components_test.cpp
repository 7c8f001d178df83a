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

std::set<std::set<Node>> expected(const std::vector<std::vector<char>>& reach) {
    auto n = static_cast<Node>(reach.size());
    std::vector<std::uint32_t> component(n, n);
    std::uint32_t count = 0;
    for (Node v = 0; v < n; ++v) {
        if (component[v] != n) continue;
        for (Node w = v; w < n; ++w)
            if (reach[v][w] && reach[w][v]) component[w] = count;
        ++count;
    }
    return partition(component);
}

}  // namespace

TEST(Components, MatchReachabilityUnderEveryRelationFilter) {
    // Sparse enough for many small components, with directed and undirected types mixed.
    Investigation inv(160, cg::testing::randomEdges(160, 260, 5));
    const auto& schema = inv.view().schema();
    std::vector<std::vector<std::string>> filters = {
        {}, {"owns"}, {"owns", "controls"}, {"owns", "associate_of"}, {"linked_to", "paid"}};
    for (const auto& filter : filters) {
        RelationSet relations = RelationSet::named(schema, filter);
        for (bool strong : {false, true}) {
            cg::queries::Walk walk(inv.view(), relations, strong);
            auto got = cg::queries::componentOf(inv.view(), relations, strong);
            EXPECT_EQ(partition(got), expected(reachability(walk)))
                << (strong ? "strong" : "weak") << " components, " << filter.size()
                << " relation types";
            // Numbered largest first.
            std::vector<std::size_t> size;
            for (auto c : got) {
                if (c >= size.size()) size.resize(c + 1, 0);
                ++size[c];
            }
            for (std::size_t c = 1; c < size.size(); ++c) EXPECT_GE(size[c - 1], size[c]);
        }
    }
}
