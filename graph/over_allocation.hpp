// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace cg::graph {

class GraphView;

/// Owners of one entity whose minimum shares, held at the same time, add up to more than 100%:
/// at least one of the figures is wrong, or some holdings are counted twice.
struct OverAllocation {
    std::uint32_t entity = 0;  ///< the view's node of the owned entity
    double sum = 0;            ///< the largest total of minimum shares at one time, in percent
    /// The `owns` relations in that total (one per owner: its largest minimum share then),
    /// largest share first.
    std::vector<std::uint32_t> edges;
};

/// Whether the direct owners of `entity` (its `owns` relations with a share) are
/// over-allocated: for each moment, each owner counts with the largest lower bound among its
/// relations valid then (open dates run without end), and the largest such total above 100
/// is reported. With a view built `asOf` a day, that day's owners. O(k) for k owners when
/// their minimum shares cannot exceed 100 even all at once, O(k²) otherwise.
std::optional<OverAllocation> overAllocation(const GraphView& view, std::uint32_t entity);

/// overAllocation() of every entity of the view, in node order. O(n + m) plus the O(k²)
/// checks of entities whose owners' shares add up to more than 100 when dates are ignored.
std::vector<OverAllocation> overAllocations(const GraphView& view);

}  // namespace cg::graph
