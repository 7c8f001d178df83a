// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of `owners` (who ultimately owns X) and `holdings` (what P ultimately owns).
struct OwnershipParams {
    graph::EntityId entity = 0;
    double threshold = 25;  ///< percent: show an owner when the upper bound of its share reaches it
    int maxDepth = 10;      ///< longest chain followed, in hops
    /// Relation types that carry ownership: `owns` always counts, the others (`controls`)
    /// only when the relation has a share.
    std::vector<std::string> relations{"owns", "controls"};
    std::size_t maxChains = 100000;  ///< stop after this many chains (figures become partial)
    /// Bytes the trace and the answer may take (chains, rows, listed routes); past it the
    /// answer stops and is marked partial (MemoryBudget).
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
    std::size_t chainsPerOwner = 10;  ///< chains listed per owner in the detail table
    /// Follow only relations that some claim asserts (for views built with includeDenied).
    bool assertedOnly = false;
};

/// One chain of ownership between the traced entity and another one.
struct OwnershipChain {
    Node other = 0;        ///< the owner (owners) or the holding (holdings)
    double min = 0;        ///< product of the lower share bounds, in percent
    double max = 0;        ///< product of the upper share bounds, in percent
    bool unknown = false;  ///< a link has no share, counted as 0–100%
    /// Runs through the entities a declared indirect interest already sums up (it is one of
    /// that interest's components): listed to show where the interest comes from, never
    /// added to a figure.
    bool component = false;
    /// The chain this one extends by one link (an index into OwnershipTrace::chains), or
    /// kNoChain when it is a single link from the traced entity; chainRoute() spells it out.
    std::uint32_t parent = kNoChain;
    Edge edge = 0;           ///< the link this chain adds to its parent
    std::uint32_t hops = 1;  ///< links in the chain
    /// The link is a nominee's `represents` relation, walked against its direction: between
    /// a share held for someone else and that someone (see OwnershipFacts).
    bool nominee = false;
    static constexpr std::uint32_t kNoChain = 0xffffffffu;
};

/// The combined share of one owner or holding, over all its chains.
struct OwnershipFigure {
    Node other = 0;
    double min = 0;                     ///< sum of the chains' lower bounds, clamped to 100
    double max = 0;                     ///< sum of the chains' upper bounds, clamped to 100
    std::uint32_t chains = 0;           ///< chains added into the figure
    std::uint32_t unknownChains = 0;    ///< of those, chains with a link of unknown share
    std::uint32_t componentChains = 0;  ///< component chains, listed and not added
    std::uint32_t minHops = 0;          ///< length of its shortest chain
    bool ultimate = false;              ///< nothing owns it (owners) or it owns nothing (holdings)
    /// Owners: it holds a share of the chain as a nominee for someone the trace goes on to, so
    /// it is not ultimate.
    bool nominee = false;
    /// Indexes into OwnershipTrace::chains: added chains first (largest first), then
    /// component chains.
    std::vector<std::uint32_t> chainIds;
};

/// Every owner (or holding) reachable through ownership chains, before any threshold.
struct OwnershipTrace {
    Node entity = 0;                       ///< the entity traced
    bool upwards = true;                   ///< owners (true) or holdings
    std::vector<OwnershipFigure> figures;  ///< upper share bound first
    /// Every chain, each stored as its parent plus one link, so that a trace costs O(1) per
    /// chain however deep the chains run.
    std::vector<OwnershipChain> chains;
    bool cycleMet = false;      ///< a chain would have repeated an entity and stopped there
    bool depthCut = false;      ///< a chain went on past maxDepth
    bool chainsCapped = false;  ///< maxChains was reached
    bool memoryCapped = false;  ///< the chains would have taken more than maxMemory
};

/// Follows ownership from `entity` upwards (its owners) or downwards (its holdings) along
/// simple chains: every chain's share interval is the product of its links' intervals, and an
/// owner's figure is the sum over its chains, clamped to 100. A link without a share counts
/// as [0, 100] and marks the chain unknown. A share a nominee holds for someone else (an `owns`
/// relation with `"beneficial": false` from a nominee, see OwnershipFacts) is credited to
/// that someone through a link at the full share; the nominee is then not ultimate. A chain never
/// visits an entity twice, so cycles end the chain instead of looping. Depth-first over simple
/// paths: O(number of chains), bounded by maxDepth, maxChains and maxMemory (each chain is its
/// parent plus one link, kept in a figure). Throws QueryError when `relations` names a type the
/// schema does not know.
OwnershipTrace traceOwnership(const GraphView& view, Node entity, bool upwards,
                              const OwnershipParams& params);

/// The nominee a chain runs through (a share held for someone else), or nothing. O(hops).
std::optional<Node> chainNominee(const OwnershipTrace& trace, std::uint32_t id);

/// The route of chain `id` of a trace: from the upper entity down to the lower one, each step
/// forward. O(hops).
PathCell chainRoute(const OwnershipTrace& trace, std::uint32_t id);

/// Who ultimately owns an entity: one row per owner whose share can reach the threshold
/// (owner, type, share min, share max, share, chains, unknown chains, hops, ultimate), the
/// chains behind each figure in the detail table, and notes on what was cut or hidden.
QueryResult owners(const GraphView& view, const OwnershipParams& params);

/// What an entity ultimately owns: the same as owners(), walking down the chains.
QueryResult holdings(const GraphView& view, const OwnershipParams& params);

/// The `owners` kind (owners).
KindDef ownersKind();

/// The `holdings` kind (holdings).
KindDef holdingsKind();

}  // namespace cg::queries
