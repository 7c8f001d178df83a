// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "queries/ownership.hpp"

namespace cg::queries {

/// Control of an entity that holds a share, credited to its controller apart from equity.
/// Tracing owners: `other` controls (through `controls` relations without a share, one or
/// more) an owner `via` of the traced entity, and `min`/`max` is that owner's figure.
/// Tracing holdings: the traced entity controls `via`, which holds `other`, and `min`/`max` is
/// `via`'s figure of `other`. When one row stands for several controlled entities, their
/// chains are summed, each counted once (a chain through another of them is that one's).
struct ControlledInterest {
    Node other = 0;  ///< the controller (owners) or the holding (holdings)
    Node via = 0;    ///< the controlled entity with the largest figure
    double min = 0;  ///< percent, clamped to 100
    double max = 0;
    bool unknown = false;       ///< a chain behind it has a link of unknown share
    std::vector<Node> alsoVia;  ///< the other controlled entities summed in, if any
    PathCell route;             ///< controller -controls-> via, then via's largest chain
    std::uint32_t hops = 0;     ///< control links plus via's shortest chain, at most maxDepth
    /// Owners: nothing owns or controls the controller; holdings: the holding owns nothing.
    bool ultimate = true;
};

/// The controlled interests behind a trace, largest upper bound first (ties by node). Owners:
/// the controllers of every owner in the trace, found up `controls` relations without a share
/// (transitively, each once); holdings: the holdings of every entity the traced entity
/// controls that way (a trace down from each). Control links count as hops: nothing further
/// than maxDepth is credited. O(controlled entities x their chains).
std::vector<ControlledInterest> controlledInterests(const GraphView& view,
                                                    const OwnershipTrace& trace,
                                                    const OwnershipParams& params);

}  // namespace cg::queries
