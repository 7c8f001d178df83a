// SPDX-License-Identifier: MIT
#pragma once

#include <bit>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "graph/date.hpp"
#include "graph/model.hpp"
#include "graph/ownership_facts.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// Which part of the store a view holds.
struct ViewFilter {
    std::vector<std::string> entityTypes;    ///< empty: all; a type includes its subtypes
    std::vector<std::string> relationTypes;  ///< empty: all
    /// Only relations whose validity shares a day with this period (a partial date is its
    /// whole month or year: PartialDate::period).
    std::optional<DayPeriod> asOf;
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
///
/// Memory, without labels: about 9 bytes per node (type and the two CSR row starts; entity ids
/// only when they are not consecutive) and 20 to 22 per relation: 12 for the CSR (target,
/// and each in-edge's source and edge), 4 for the relation id (as an offset), 1 each for type
/// and flags, 2 for the confidence (a code into the table of distinct values), and a bit per
/// relation for each of shares, valid dates and a support count other than one, plus a
/// 2-byte code for each value present. Every value reads back exactly as the store gave it.
class GraphView {
  public:
    using Node = std::uint32_t;
    using Edge = std::uint32_t;
    static constexpr Node kNoNode = std::numeric_limits<Node>::max();

    /// Loads canonical entities and relations matching `filter`. Throws QueryError when the
    /// filter names an unknown entity or relation type.
    static GraphView build(Store& store, const Schema& schema, const ViewFilter& filter = {});
    /// Throws QueryError when `filter` names an unknown entity or relation type, as build()
    /// would, without reading the store.
    static void checkFilter(const Schema& schema, const ViewFilter& filter);

    std::uint32_t nodeCount() const { return static_cast<std::uint32_t>(nodeTypes_.size()); }
    std::uint32_t edgeCount() const { return static_cast<std::uint32_t>(flags_.size()); }
    const Csr& csr() const { return csr_; }
    const Schema& schema() const { return *schema_; }
    /// The relation types the view was built with (ViewFilter::relationTypes; empty: all), so
    /// that a connection query follows what the view was asked for.
    const std::vector<std::string>& relationFilter() const { return relationFilter_; }

    EntityId entityId(Node v) const {
        return entityIds_.empty() ? firstEntity_ + static_cast<EntityId>(v) : entityIds_[v];
    }
    EntityTypeId nodeType(Node v) const { return nodeTypes_[v]; }
    /// The entity's id text ("person/sar-kheng"); empty when built without labels.
    const std::string& key(Node v) const { return keys_[v]; }
    const std::string& name(Node v) const { return names_[v]; }
    bool hasLabels() const { return !keys_.empty(); }
    /// The node of an entity, or kNoNode when the view does not hold it; O(1) when the view's
    /// entity ids are consecutive, O(log n) otherwise.
    Node node(EntityId id) const;

    /// The subject's node: found from the CSR row starts, between the sources of the two
    /// nearest multiples of 64 edges, so O(log) of the nodes those 64 edges span.
    Node source(Edge e) const;
    Node target(Edge e) const { return csr_.m_forward.m_column[e]; }
    RelationId relationId(Edge e) const {
        return wideRelationIds_.empty() ? firstRelation_ + relationOffsets_[e]
                                        : wideRelationIds_[e];
    }
    /// Index into schema().relationTypes().
    std::uint8_t relationType(Edge e) const { return relationTypes_[e]; }
    const RelationType& relationTypeOf(Edge e) const {
        return schema_->relationTypes()[relationTypes_[e]];
    }
    bool directed(Edge e) const { return flags_[e] & kDirected; }
    bool disputed(Edge e) const { return flags_[e] & kDisputed; }
    /// Declared an indirect interest: it sums up ownership held through other entities.
    bool indirect(Edge e) const { return flags_[e] & kIndirect; }
    /// How many edges are indirect (0 lets the ownership walk skip looking for them).
    std::uint32_t indirectCount() const { return indirectCount_; }
    float confidence(Edge e) const { return confidence_[e]; }
    /// Share interval in percent; nothing when no claim gave a share.
    std::optional<std::pair<float, float>> share(Edge e) const { return shares_.find(e); }
    /// yyyymmdd bounds; 0 when open.
    std::int32_t validFrom(Edge e) const {
        auto d = validity_.find(e);
        return d ? d->first : 0;
    }
    std::int32_t validTo(Edge e) const {
        auto d = validity_.find(e);
        return d ? d->second : 0;
    }
    /// The number of claims asserting the relation.
    std::int32_t supportCount(Edge e) const { return support_.find(e).value_or(1); }

    /// Nominee arrangements and denied interests, for the ownership queries.
    const OwnershipFacts& ownershipFacts() const { return ownership_; }

    /// The out-edges of v as a contiguous range of edge indices.
    std::pair<Edge, Edge> outEdges(Node v) const {
        return {csr_.m_forward.m_rowstart[v], csr_.m_forward.m_rowstart[v + 1]};
    }
    /// The number of relations leaving v (as subject); O(1).
    std::uint32_t outDegree(Node v) const {
        return csr_.m_forward.m_rowstart[v + 1] - csr_.m_forward.m_rowstart[v];
    }
    /// The number of relations arriving at v (as object); O(1).
    std::uint32_t inDegree(Node v) const {
        return csr_.m_backward.m_rowstart[v + 1] - csr_.m_backward.m_rowstart[v];
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
    /// The in-edges of v (edge indices, in edge order).
    template <typename Fn>
    void forEachInEdge(Node v, Fn&& fn) const {
        auto [b, e] = inEdgeSlots(v);
        for (auto slot = b; slot < e; ++slot) fn(inEdgeAt(slot));
    }
    /// Every edge touching v, either way, with the node at its other end.
    template <typename Fn>
    void forEachIncident(Node v, Fn&& fn) const {
        auto [ob, oe] = outEdges(v);
        for (Edge e = ob; e < oe; ++e) fn(e, target(e));
        auto [ib, ie] = inEdgeSlots(v);
        for (auto slot = ib; slot < ie; ++slot) fn(inEdgeAt(slot), inEdgeSource(slot));
    }

    /// Bytes held by the view's arrays (capacity, not size), for benchmarks and the memory
    /// budget.
    std::size_t memoryBytes() const;

  private:
    static constexpr std::uint8_t kDirected = 1;
    static constexpr std::uint8_t kDisputed = 2;
    static constexpr std::uint8_t kIndirect = 4;

    // A value per item, kept as a 2-byte code into the table of its distinct values when there
    // are at most 65,536 of them (confidences, share intervals and dates repeat a lot), and
    // as the values themselves otherwise. Exact either way.
    template <typename T>
    class CodedValues {
      public:
        void assign(const std::vector<T>& values);
        T operator[](std::size_t i) const { return plain_.empty() ? table_[codes_[i]] : plain_[i]; }
        std::size_t memoryBytes() const {
            return table_.capacity() * sizeof(T) + codes_.capacity() * sizeof(std::uint16_t) +
                   plain_.capacity() * sizeof(T);
        }

      private:
        std::vector<T> table_;
        std::vector<std::uint16_t> codes_;
        std::vector<T> plain_;
    };

    // Values that only some edges have (shares, valid dates, support other than one): a bit
    // per edge says which, a count every 64 edges and a popcount find the value in O(1), for
    // about 0.2 bytes per edge plus the values present (coded).
    template <typename T>
    class SparseColumn {
      public:
        /// Appends the next edge's value, or its absence; edges come in order. finish() ends.
        void push(const std::optional<T>& value) {
            if (size_ % 64 == 0) {
                bits_.push_back(0);
                rank_.push_back(static_cast<std::uint32_t>(pending_.size()));
            }
            if (value) {
                bits_.back() |= std::uint64_t{1} << (size_ % 64);
                pending_.push_back(*value);
            }
            ++size_;
        }
        void finish() {
            values_.assign(pending_);
            pending_ = std::vector<T>();
            bits_.shrink_to_fit();
            rank_.shrink_to_fit();
        }
        std::optional<T> find(Edge e) const {
            std::uint64_t word = bits_[e / 64];
            std::uint64_t bit = std::uint64_t{1} << (e % 64);
            if (!(word & bit)) return std::nullopt;
            return values_[rank_[e / 64] +
                           static_cast<std::uint32_t>(std::popcount(word & (bit - 1)))];
        }
        std::size_t memoryBytes() const {
            return bits_.capacity() * sizeof(std::uint64_t) +
                   rank_.capacity() * sizeof(std::uint32_t) + values_.memoryBytes();
        }

      private:
        std::vector<std::uint64_t> bits_;
        std::vector<std::uint32_t> rank_;
        std::vector<T> pending_;
        CodedValues<T> values_;
        std::size_t size_ = 0;
    };

    const Schema* schema_ = nullptr;
    std::vector<std::string> relationFilter_;
    EntityId firstEntity_ = 0;         // entity of node 0 when the ids are consecutive
    std::vector<EntityId> entityIds_;  // per node, only when they are not
    std::vector<EntityTypeId> nodeTypes_;
    std::vector<std::string> keys_;
    std::vector<std::string> names_;

    std::vector<Node> blockSource_;  // the source of edges 0, 64, 128, ...: see source()
    RelationId firstRelation_ = 0;
    std::vector<std::uint32_t> relationOffsets_;  // relation id - firstRelation_, or
    std::vector<RelationId> wideRelationIds_;     // the ids, when they span 2^32 or more
    std::vector<std::uint8_t> relationTypes_;
    std::vector<std::uint8_t> flags_;
    CodedValues<float> confidence_;
    SparseColumn<std::pair<float, float>> shares_;
    SparseColumn<std::pair<std::int32_t, std::int32_t>> validity_;
    SparseColumn<std::int32_t> support_;  // absent: 1
    std::uint32_t indirectCount_ = 0;
    OwnershipFacts ownership_;
    Csr csr_;
};

}  // namespace cg::graph
