// SPDX-License-Identifier: MIT
#include "export/layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

namespace cg::exporters {

namespace {

using LayoutGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::square_topology<boost::minstd_rand>;
using Point = Topology::point_type;

// The distance Fruchterman-Reingold keeps between linked nodes is sqrt(area / n); a square of
// side kSpacing * sqrt(n) makes it about kSpacing whatever the component's size.
constexpr double kSpacing = 10.0;
constexpr double kGap = 2 * kSpacing;
// Each iteration costs O(n + m); large components get fewer, so that a 20,000-entity view
// is laid out in about a second. Below kFullIterationsUpTo nodes every component gets 100.
constexpr int kIterations = 100;
constexpr int kMinIterations = 20;
constexpr std::size_t kFullIterationsUpTo = 2000;
constexpr unsigned kSeed = 20261207;

// Which pairs of nodes repel each other in an iteration: those in the same or neighbouring
// cells of a grid whose cells are 2k wide (k = sqrt(area / n), the distance Fruchterman and
// Reingold keep between linked nodes), closer than 2k, so an iteration costs about O(n)
// while the nodes stay spread. Boost's own grid_force_pairs sizes its cells from the area
// rather than from its square root (2 * area / sqrt(n)), which puts every node in one cell
// and compares every pair: 67 s for a 10,000-node component.
class CellForcePairs {
  public:
    CellForcePairs(const Topology& topology, const std::vector<Point>& position, std::size_t n)
        : position_(&position),
          origin_(-topology.extent()[0] / 2, -topology.extent()[1] / 2),
          twoK_(2 * std::sqrt(topology.volume(topology.extent()) / static_cast<double>(n))),
          columns_(static_cast<std::size_t>(topology.extent()[0] / twoK_) + 1),
          rows_(static_cast<std::size_t>(topology.extent()[1] / twoK_) + 1) {}

    template <typename Graph, typename ApplyForce>
    void operator()(const Graph& g, ApplyForce applyForce) const {
        const auto& position = *position_;
        std::size_t n = boost::num_vertices(g);
        // Nodes sorted by cell (counting sort, nodes ascending within a cell).
        std::vector<std::size_t> cellOf(n);
        std::vector<std::size_t> start(columns_ * rows_ + 1, 0);
        for (std::size_t v = 0; v < n; ++v) {
            cellOf[v] = cell(position[v]);
            ++start[cellOf[v] + 1];
        }
        for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
        std::vector<std::size_t> members(n);
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t v = 0; v < n; ++v) members[fill[cellOf[v]]++] = v;

        double reach = twoK_ * twoK_;
        for (std::size_t u = 0; u < n; ++u) {
            std::size_t row = cellOf[u] / columns_, column = cellOf[u] % columns_;
            for (std::size_t r = row == 0 ? 0 : row - 1; r <= std::min(row + 1, rows_ - 1); ++r) {
                for (std::size_t c = column == 0 ? 0 : column - 1;
                     c <= std::min(column + 1, columns_ - 1); ++c) {
                    std::size_t other = r * columns_ + c;
                    for (std::size_t i = start[other]; i < start[other + 1]; ++i) {
                        std::size_t v = members[i];
                        if (v == u) continue;
                        double dx = position[u][0] - position[v][0];
                        double dy = position[u][1] - position[v][1];
                        if (dx * dx + dy * dy < reach) applyForce(u, v);
                    }
                }
            }
        }
    }

  private:
    std::size_t cell(const Point& p) const {
        auto clamp = [](double offset, double width, std::size_t count) {
            if (!(offset > 0)) return std::size_t{0};
            return std::min(static_cast<std::size_t>(offset / width), count - 1);
        };
        return clamp(p[1] - origin_.second, twoK_, rows_) * columns_ +
               clamp(p[0] - origin_.first, twoK_, columns_);
    }

    const std::vector<Point>* position_;
    std::pair<double, double> origin_;
    double twoK_;
    std::size_t columns_;
    std::size_t rows_;
};

std::size_t findRoot(std::vector<std::uint32_t>& parent, std::size_t v) {
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

int iterationsFor(std::size_t n) {
    if (n <= kFullIterationsUpTo) return kIterations;
    auto scaled = static_cast<int>(kIterations * kFullIterationsUpTo / n);
    return std::max(kMinIterations, scaled);
}

// Lays out one component (its nodes ascending, its links as local index pairs) with its
// bounding box's corner at the origin; writes the positions and returns the box's size.
LayoutPoint layoutComponent(const std::vector<std::uint32_t>& nodes,
                            const std::vector<std::pair<std::uint32_t, std::uint32_t>>& links,
                            std::vector<LayoutPoint>& out) {
    std::size_t n = nodes.size();
    if (n == 1) {
        out[nodes[0]] = {0, 0};
        return {0, 0};
    }
    if (n == 2) {
        out[nodes[0]] = {0, 0};
        out[nodes[1]] = {kSpacing, 0};
        return {kSpacing, 0};
    }
    LayoutGraph g(links.begin(), links.end(), n);
    std::vector<Point> position(n);
    auto positionMap =
        boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
    boost::minstd_rand random(kSeed + static_cast<unsigned>(n));
    Topology topology(random, kSpacing * std::sqrt(static_cast<double>(n)));
    boost::random_graph_layout(g, positionMap, topology);
    std::vector<Point> start = position;
    boost::fruchterman_reingold_force_directed_layout(
        g, positionMap, topology,
        boost::force_pairs(CellForcePairs(topology, position, n))
            .cooling(boost::linear_cooling<double>(iterationsFor(n))));
    bool finite = std::all_of(position.begin(), position.end(), [](const Point& p) {
        return std::isfinite(p[0]) && std::isfinite(p[1]);
    });
    // Boost guards against coincident nodes, but a drawing must never hold NaN: fall back
    // to the (seeded) start when the forces ever produce one.
    if (!finite) position = start;
    double minX = position[0][0], minY = position[0][1];
    double maxX = minX, maxY = minY;
    for (const auto& p : position) {
        minX = std::min(minX, p[0]);
        minY = std::min(minY, p[1]);
        maxX = std::max(maxX, p[0]);
        maxY = std::max(maxY, p[1]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        out[nodes[i]] = {position[i][0] - minX, position[i][1] - minY};
    }
    return {maxX - minX, maxY - minY};
}

}  // namespace

std::vector<LayoutPoint> forceLayout(
    std::size_t nodeCount, std::span<const std::pair<std::uint32_t, std::uint32_t>> links) {
    std::vector<LayoutPoint> out(nodeCount);
    if (nodeCount == 0) return out;

    // Components by union-find; the lower root wins, so a component is named by its lowest
    // node whatever the order of the links.
    std::vector<std::uint32_t> parent(nodeCount);
    std::iota(parent.begin(), parent.end(), std::uint32_t{0});
    for (const auto& [a, b] : links) {
        if (a >= nodeCount || b >= nodeCount) continue;
        auto ra = findRoot(parent, a);
        auto rb = findRoot(parent, b);
        if (ra == rb) continue;
        if (ra < rb)
            parent[rb] = static_cast<std::uint32_t>(ra);
        else
            parent[ra] = static_cast<std::uint32_t>(rb);
    }
    std::vector<std::uint32_t> componentOf(nodeCount);
    std::vector<std::uint32_t> componentOfRoot(nodeCount, 0);
    std::vector<std::vector<std::uint32_t>> members;
    for (std::size_t v = 0; v < nodeCount; ++v) {
        auto root = findRoot(parent, v);
        if (root == v) {
            componentOfRoot[v] = static_cast<std::uint32_t>(members.size());
            members.emplace_back();
        }
        componentOf[v] = componentOfRoot[root];
        members[componentOf[v]].push_back(static_cast<std::uint32_t>(v));
    }

    // Each component's links in local indexes, loops and repeats dropped.
    std::vector<std::uint32_t> local(nodeCount);
    for (const auto& nodes : members) {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            local[nodes[i]] = static_cast<std::uint32_t>(i);
    }
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> componentLinks(
        members.size());
    for (const auto& [a, b] : links) {
        if (a >= nodeCount || b >= nodeCount || a == b) continue;
        auto la = local[a], lb = local[b];
        componentLinks[componentOf[a]].emplace_back(std::min(la, lb), std::max(la, lb));
    }
    for (auto& list : componentLinks) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }

    std::vector<LayoutPoint> sizes(members.size());
    double area = 0;
    for (std::size_t c = 0; c < members.size(); ++c) {
        sizes[c] = layoutComponent(members[c], componentLinks[c], out);
        area += (sizes[c].x + kGap) * (sizes[c].y + kGap);
    }

    // Shelf packing: largest components first, rows about as wide as the drawing is tall.
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return members[a].size() > members[b].size();
    });
    double rowWidth = std::max(std::sqrt(area), sizes[order.front()].x + kGap);
    double x = 0, y = 0, rowHeight = 0;
    for (auto c : order) {
        if (x > 0 && x + sizes[c].x > rowWidth) {
            x = 0;
            y += rowHeight + kGap;
            rowHeight = 0;
        }
        for (auto v : members[c]) {
            out[v].x += x;
            out[v].y += y;
        }
        x += sizes[c].x + kGap;
        rowHeight = std::max(rowHeight, sizes[c].y);
    }
    return out;
}

}  // namespace cg::exporters
