// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/selection.hpp"
#include "graph/claim_provenance.hpp"
#include "graph/store.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// A run of days, each end yyyymmdd or 0 when open: the store's type for a claim's valid
/// dates, so that they merge without conversion.
using DayInterval = graph::DayInterval;

/// Where each selected node and edge (indexed by position in the selection) comes from: its
/// sources as indexes into the store's sources sorted by key, for nodes the best confidence
/// and whether a claim denies, for edges the disjoint intervals in which its claims say it
/// held; memory is proportional to the selection.
class Provenance {
  public:
    /// The provenance of `selection`, from the claims' provenance and the store's sources;
    /// throws StorageError.
    static Provenance load(graph::Store& store, const graph::ClaimProvenance& claims,
                           const graph::GraphView& view, const Selection& selection);

    std::span<const std::uint32_t> nodeSources(std::size_t i) const {
        return sourcesOf(nodes_[i].sources);
    }
    float nodeConfidence(std::size_t i) const { return nodes_[i].confidence; }
    bool nodeDenied(std::size_t i) const { return nodes_[i].denied; }

    std::span<const std::uint32_t> edgeSources(std::size_t i) const {
        return sourcesOf(edges_[i].sources);
    }
    /// Disjoint, ascending intervals of the edge's asserting claims; empty when some claim
    /// gives no dates at all, so that as far as is known the relation holds at any time.
    std::span<const DayInterval> edgeIntervals(std::size_t i) const {
        const Range& r = edges_[i].intervals;
        return {intervals_.data() + r.begin, r.count};
    }

    /// The id text of a source.
    const std::string& sourceKey(std::uint32_t source) const { return sourceKeys_[source]; }
    /// The earliest and latest publication dates among `sources`; empty when none is dated.
    std::pair<std::string_view, std::string_view> seen(
        std::span<const std::uint32_t> sources) const;

    /// Merges intervals (yyyymmdd, 0 open) into disjoint ascending ones, joining adjoining
    /// days; returns nothing when one of them is open at both ends.
    static std::vector<DayInterval> mergeIntervals(std::vector<DayInterval> intervals);

  private:
    struct Range {
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    struct NodeFacts {
        Range sources;
        float confidence = 0;
        bool denied = false;
    };
    struct EdgeFacts {
        Range sources;
        Range intervals;
    };

    std::span<const std::uint32_t> sourcesOf(const Range& r) const {
        return {sourceRefs_.data() + r.begin, r.count};
    }
    Range addSources(std::span<const std::uint32_t> ids);

    std::vector<std::string> sourceKeys_;       // by index, sorted by key
    std::vector<std::string> sourcePublished_;  // by index
    std::vector<std::uint32_t> indexOfSource_;  // by source id
    std::vector<std::uint32_t> sourceRefs_;     // the source lists of every node and edge
    std::vector<DayInterval> intervals_;
    std::vector<NodeFacts> nodes_;
    std::vector<EdgeFacts> edges_;
};

}  // namespace cg::exporters
