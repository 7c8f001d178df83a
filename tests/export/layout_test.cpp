// SPDX-License-Identifier: MIT
#include "export/layout.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

using cg::exporters::forceLayout;
using cg::exporters::LayoutPoint;
using Links = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

namespace {

double distance(const LayoutPoint& a, const LayoutPoint& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Two triangles, a path of five, a pair and two lone nodes: 14 nodes in 5 components.
Links mixedLinks() {
    return {{0, 1}, {1, 2}, {2, 0},  {3, 4},   {4, 5},   {5, 3}, {6, 7},
            {7, 8}, {8, 9}, {9, 10}, {11, 12}, {12, 11}, {0, 0}};
}

struct Box {
    double minX, minY, maxX, maxY;
};

Box boxOf(const std::vector<LayoutPoint>& p, const std::vector<std::uint32_t>& nodes) {
    Box b{p[nodes[0]].x, p[nodes[0]].y, p[nodes[0]].x, p[nodes[0]].y};
    for (auto v : nodes) {
        b.minX = std::min(b.minX, p[v].x);
        b.minY = std::min(b.minY, p[v].y);
        b.maxX = std::max(b.maxX, p[v].x);
        b.maxY = std::max(b.maxY, p[v].y);
    }
    return b;
}

}  // namespace

TEST(ForceLayout, GivesTheSamePositionsForTheSameInput) {
    auto first = forceLayout(14, mixedLinks());
    auto second = forceLayout(14, mixedLinks());
    ASSERT_EQ(first.size(), 14u);
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].x, second[i].x) << i;
        EXPECT_EQ(first[i].y, second[i].y) << i;
    }
}

TEST(ForceLayout, DoesNotDependOnTheOrderOrDirectionOfLinks) {
    Links links = mixedLinks();
    Links reversed;
    for (auto it = links.rbegin(); it != links.rend(); ++it)
        reversed.emplace_back(it->second, it->first);
    auto a = forceLayout(14, mixedLinks());
    auto b = forceLayout(14, reversed);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].x, b[i].x) << i;
        EXPECT_EQ(a[i].y, b[i].y) << i;
    }
}

TEST(ForceLayout, PlacesEveryNodeAtAFiniteDistinctPoint) {
    auto p = forceLayout(14, mixedLinks());
    for (std::size_t i = 0; i < p.size(); ++i) {
        EXPECT_TRUE(std::isfinite(p[i].x) && std::isfinite(p[i].y)) << i;
        for (std::size_t j = i + 1; j < p.size(); ++j)
            EXPECT_GT(distance(p[i], p[j]), 0.5) << i << " " << j;
    }
}

TEST(ForceLayout, PacksComponentsWithoutOverlap) {
    auto p = forceLayout(14, mixedLinks());
    std::vector<std::vector<std::uint32_t>> components{
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12}, {13}};
    for (std::size_t a = 0; a < components.size(); ++a) {
        for (std::size_t b = a + 1; b < components.size(); ++b) {
            Box x = boxOf(p, components[a]);
            Box y = boxOf(p, components[b]);
            bool apart = x.maxX < y.minX || y.maxX < x.minX || x.maxY < y.minY || y.maxY < x.minY;
            EXPECT_TRUE(apart) << "components " << a << " and " << b;
        }
    }
}

TEST(ForceLayout, KeepsLinkedNodesCloserThanTheEndsOfALongPath) {
    Links path;
    for (std::uint32_t i = 0; i + 1 < 30; ++i) path.emplace_back(i, i + 1);
    auto p = forceLayout(30, path);
    double longest = 0;
    for (const auto& [a, b] : path) longest = std::max(longest, distance(p[a], p[b]));
    EXPECT_GT(distance(p[0], p[29]), 3 * longest);
}

TEST(ForceLayout, HandlesNoNodesAndNodesWithoutLinks) {
    EXPECT_TRUE(forceLayout(0, {}).empty());
    auto p = forceLayout(3, {});
    ASSERT_EQ(p.size(), 3u);
    EXPECT_GT(distance(p[0], p[1]), 1.0);
    EXPECT_GT(distance(p[1], p[2]), 1.0);
}
