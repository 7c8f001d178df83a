// SPDX-License-Identifier: MIT
#pragma once

#include <bit>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// Which part of the store a view holds.
struct ViewFilter {
    std::vector<std::string> entityTypes;    ///< empty: all; a type includes its subtypes
    std::vector<std::string> relationTypes;  ///< empty: all
    std::optional<int> asOf;                 ///< yyyymmdd: only relations valid on that day
    double minConfidence = 0;          ///< relations whose derived confidence is below are left out
    std::vector<std::string> sources;  ///< empty: all; else relations supported by one of them
    bool includeDenied = false;        ///< keep relations that only have denying claims
    bool labels = true;                ///< load entity ids and names (off saves memory)
};

/// The Boost graph type behind the view: compressed sparse row, 32-bit vertex and edge
/// indices, with in-edges so that algorithms can walk relations backwards.
using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                               boost::no_property, boost::no_property,
                                               std::uint32_t, std::uint32_t>;

/// A read-only, compressed view of the graph for queries and exports. Nodes are numbered
/// 0..n-1 in entity id order, edges 0..m-1 in (source node, relation id) order, which is
/// also Boost's edge index. Undirected relations appear once, from the lower entity id;
/// `directed(e)` tells them apart. Built from the store by build(); never mutated after.
class GraphView {
  public:
    using Node = std::uint32_t;
    using Edge = std::uint32_t;
    static constexpr Node kNoNode = std::numeric_limits<Node>::max();

    /// Loads canonical entities and relations matching `filter`. Throws QueryError when the
    /// filter names an unknown entity or relation type.
    static GraphView build(Store& store, const Schema& schema, const ViewFilter& filter = {});

    std::uint32_t nodeCount() const { return static_cast<std::uint32_t>(entityIds_.size()); }
    std::uint32_t edgeCount() const { return static_cast<std::uint32_t>(relationIds_.size()); }
    const Csr& csr() const { return csr_; }
    const Schema& schema() const { return *schema_; }

    EntityId entityId(Node v) const { return entityIds_[v]; }
    EntityTypeId nodeType(Node v) const { return nodeTypes_[v]; }
    /// The entity's id text ("person/sar-kheng"); empty when built without labels.
    const std::string& key(Node v) const { return keys_[v]; }
    const std::string& name(Node v) const { return names_[v]; }
    bool hasLabels() const { return !keys_.empty(); }
    /// The node of an entity, or kNoNode when the view does not hold it.
    Node node(EntityId id) const;

    Node source(Edge e) const { return sources_[e]; }
    Node target(Edge e) const { return csr_.m_forward.m_column[e]; }
    RelationId relationId(Edge e) const { return relationIds_[e]; }
    /// Index into schema().relationTypes().
    std::uint8_t relationType(Edge e) const { return relationTypes_[e]; }
    const RelationType& relationTypeOf(Edge e) const {
        return schema_->relationTypes()[relationTypes_[e]];
    }
    bool directed(Edge e) const { return flags_[e] & kDirected; }
    bool disputed(Edge e) const { return flags_[e] & kDisputed; }
    float confidence(Edge e) const { return confidence_[e]; }
    /// Share interval in percent; nothing when no claim gave a share.
    std::optional<std::pair<float, float>> share(Edge e) const;
    /// yyyymmdd bounds; 0 when open.
    std::int32_t validFrom(Edge e) const {
        const auto* d = validity_.find(e);
        return d ? d->first : 0;
    }
    std::int32_t validTo(Edge e) const {
        const auto* d = validity_.find(e);
        return d ? d->second : 0;
    }
    std::int32_t supportCount(Edge e) const { return support_[e]; }

    /// The out-edges of v as a contiguous range of edge indices.
    std::pair<Edge, Edge> outEdges(Node v) const;
    /// The number of relations leaving v (as subject); O(1).
    std::uint32_t outDegree(Node v) const {
        return static_cast<std::uint32_t>(boost::out_degree(v, csr_));
    }
    /// The number of relations arriving at v (as object); O(1).
    std::uint32_t inDegree(Node v) const {
        return static_cast<std::uint32_t>(boost::in_degree(v, csr_));
    }
    /// The in-edges of v as a range of slots [first, last) for inEdgeAt(); O(1).
    std::pair<std::uint32_t, std::uint32_t> inEdgeSlots(Node v) const {
        return {csr_.m_backward.m_rowstart[v], csr_.m_backward.m_rowstart[v + 1]};
    }
    /// The edge in an in-edge slot; the slots of a node hold its in-edges in edge order.
    Edge inEdgeAt(std::uint32_t slot) const {
        return static_cast<Edge>(
            boost::get(boost::edge_index, csr_, *Csr::in_edge_iterator(csr_, slot)));
    }
    /// The subject of the relation in an in-edge slot, read from the slot itself: walking a
    /// node's in-edges this way touches contiguous memory only.
    Node inEdgeSource(std::uint32_t slot) const { return csr_.m_backward.m_column[slot]; }
    /// The in-edges of v (edge indices, in the order Boost stores them).
    template <typename Fn>
    void forEachInEdge(Node v, Fn&& fn) const {
        auto [b, e] = boost::in_edges(v, csr_);
        for (; b != e; ++b) fn(static_cast<Edge>(boost::get(boost::edge_index, csr_, *b)));
    }
    /// Every edge touching v, either way, with the node at its other end.
    template <typename Fn>
    void forEachIncident(Node v, Fn&& fn) const {
        auto [ob, oe] = outEdges(v);
        for (Edge e = ob; e < oe; ++e) fn(e, target(e));
        forEachInEdge(v, [&](Edge e) { fn(e, sources_[e]); });
    }

    /// Approximate bytes held, for benchmarks.
    std::size_t memoryBytes() const;

  private:
    static constexpr std::uint8_t kDirected = 1;
    static constexpr std::uint8_t kDisputed = 2;

    // Values that only some edges have (shares, valid dates): a bit per edge says which, a
    // count every 64 edges and a popcount find the value in O(1), for about 0.2 bytes per
    // edge plus the values present.
    template <typename T>
    class SparseColumn {
      public:
        void reserve(std::size_t edges) {
            bits_.reserve(edges / 64 + 1);
            rank_.reserve(edges / 64 + 1);
        }
        /// Appends the next edge's value, or its absence; edges come in order.
        void push(const std::optional<T>& value) {
            if (size_ % 64 == 0) {
                bits_.push_back(0);
                rank_.push_back(static_cast<std::uint32_t>(values_.size()));
            }
            if (value) {
                bits_.back() |= std::uint64_t{1} << (size_ % 64);
                values_.push_back(*value);
            }
            ++size_;
        }
        const T* find(Edge e) const {
            std::uint64_t word = bits_[e / 64];
            std::uint64_t bit = std::uint64_t{1} << (e % 64);
            if (!(word & bit)) return nullptr;
            return &values_[rank_[e / 64] +
                            static_cast<std::uint32_t>(std::popcount(word & (bit - 1)))];
        }
        std::size_t memoryBytes() const {
            return bits_.size() * sizeof(std::uint64_t) + rank_.size() * sizeof(std::uint32_t) +
                   values_.size() * sizeof(T);
        }

      private:
        std::vector<std::uint64_t> bits_;
        std::vector<std::uint32_t> rank_;
        std::vector<T> values_;
        std::size_t size_ = 0;
    };

    const Schema* schema_ = nullptr;
    std::vector<EntityId> entityIds_;
    std::vector<EntityTypeId> nodeTypes_;
    std::vector<std::string> keys_;
    std::vector<std::string> names_;
    std::vector<Node> nodeOfEntity_;  // indexed by entity id, kNoNode when absent

    std::vector<Node> sources_;  // targets live in the CSR's own column
    std::vector<RelationId> relationIds_;
    std::vector<std::uint8_t> relationTypes_;
    std::vector<std::uint8_t> flags_;
    std::vector<float> confidence_;
    SparseColumn<std::pair<float, float>> shares_;
    SparseColumn<std::pair<std::int32_t, std::int32_t>> validity_;
    std::vector<std::int32_t> support_;
    Csr csr_;
};

}  // namespace cg::graph
