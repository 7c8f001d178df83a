// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace cg::exporters {

/// A node's place in a drawing; units are arbitrary (about 10 between linked nodes).
struct LayoutPoint {
    double x = 0;
    double y = 0;
};

/// Positions for nodes 0..nodeCount-1 joined by `links` (pairs of node indexes; direction,
/// repeats and loops do not matter): each connected component laid out by Boost's
/// fruchterman_reingold_force_directed_layout from a seeded random start, then the
/// components packed in rows, largest first (ties by lowest node). The same input always
/// gives the same positions. Takes O(iterations (n + m)) time per component, with fewer
/// iterations for large components; throws nothing but std::bad_alloc.
std::vector<LayoutPoint> forceLayout(
    std::size_t nodeCount, std::span<const std::pair<std::uint32_t, std::uint32_t>> links);

}  // namespace cg::exporters
