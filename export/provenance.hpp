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
    /// The provenance of `selection`, from the claims' provenance (which must outlive the
    /// result: claims and facts are read from it) and the store's sources; throws StorageError.
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
    /// A source's title and link; empty when the source gives none.
    const std::string& sourceTitle(std::uint32_t source) const { return sourceTitles_[source]; }
    const std::string& sourceUrl(std::uint32_t source) const { return sourceUrls_[source]; }
    const std::string& sourcePublisher(std::uint32_t source) const {
        return sourcePublishers_[source];
    }
    /// A source's publication date (ISO, maybe partial); empty when it gives none.
    const std::string& sourcePublished(std::uint32_t source) const {
        return sourcePublished_[source];
    }
    /// The index (as in nodeSources) of the source with store id `id`; kNoSource when unknown.
    std::uint32_t sourceIndex(std::uint32_t id) const {
        return id < indexOfSource_.size() ? indexOfSource_[id] : kNoSource;
    }
    static constexpr std::uint32_t kNoSource = 0xFFFFFFFFu;

    /// The claims of the i-th selected edge in claim id order, and the names, identifiers and
    /// properties of the i-th selected node: empty unless the claims' provenance was read with
    /// the ProvenanceOptions of exportProvenanceOptions().
    std::span<const graph::ClaimRecord> edgeClaims(std::size_t i) const {
        return claims_->relationClaims(edges_[i].relation);
    }
    std::span<const graph::EntityFact> nodeFacts(std::size_t i) const {
        return claims_->entityFacts(nodes_[i].entity);
    }
    /// The attribute values a claim gives.
    std::span<const graph::AttributeValue> attributes(const graph::ClaimRecord& claim) const {
        return claims_->attributes(claim);
    }
    /// The text of a claim, attribute or fact.
    std::string_view text(graph::TextRef ref) const { return claims_->text(ref); }
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
        graph::EntityId entity = 0;
        Range sources;
        float confidence = 0;
        bool denied = false;
    };
    struct EdgeFacts {
        graph::RelationId relation = 0;
        Range sources;
        Range intervals;
    };

    std::span<const std::uint32_t> sourcesOf(const Range& r) const {
        return {sourceRefs_.data() + r.begin, r.count};
    }
    Range addSources(std::span<const std::uint32_t> ids);

    std::vector<std::string> sourceKeys_;             // by index, sorted by key
    std::vector<std::string> sourcePublished_;        // by index
    std::vector<std::string> sourceTitles_;           // by index
    std::vector<std::string> sourceUrls_;             // by index
    std::vector<std::string> sourcePublishers_;       // by index
    const graph::ClaimProvenance* claims_ = nullptr;  // outlives this (see load)
    std::vector<std::uint32_t> indexOfSource_;        // by source id
    std::vector<std::uint32_t> sourceRefs_;           // the source lists of every node and edge
    std::vector<DayInterval> intervals_;
    std::vector<NodeFacts> nodes_;
    std::vector<EdgeFacts> edges_;
};

}  // namespace cg::exporters
