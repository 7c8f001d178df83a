// SPDX-License-Identifier: MIT
#include "graph/view.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "graph/error.hpp"

namespace cg::graph {

GraphView::Node GraphView::node(EntityId id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= nodeOfEntity_.size()) return kNoNode;
    return nodeOfEntity_[static_cast<std::size_t>(id)];
}

std::optional<std::pair<float, float>> GraphView::share(Edge e) const {
    const auto* s = shares_.find(e);
    if (!s) return std::nullopt;
    return *s;
}

std::pair<GraphView::Edge, GraphView::Edge> GraphView::outEdges(Node v) const {
    // Edges are numbered in source order, so a node's out-edges are one contiguous run.
    auto [b, e] = boost::out_edges(v, csr_);
    if (b == e) return {0, 0};
    Edge first = static_cast<Edge>(boost::get(boost::edge_index, csr_, *b));
    return {first, first + static_cast<Edge>(std::distance(b, e))};
}

std::size_t GraphView::memoryBytes() const {
    std::size_t n = entityIds_.size();
    std::size_t m = relationIds_.size();
    std::size_t bytes =
        n * (sizeof(EntityId) + sizeof(EntityTypeId)) + nodeOfEntity_.size() * sizeof(Node);
    for (const auto& s : keys_) bytes += sizeof(std::string) + (s.size() > 15 ? s.size() : 0);
    for (const auto& s : names_) bytes += sizeof(std::string) + (s.size() > 15 ? s.size() : 0);
    // Per edge: source, relation id, type, flags, confidence, support; shares and dates only
    // where present.
    bytes += m * (sizeof(Node) + sizeof(RelationId) + 2 + sizeof(float) + sizeof(std::int32_t));
    bytes += shares_.memoryBytes() + validity_.memoryBytes();
    // Boost CSR: row starts and targets forwards, row starts, sources and edge refs backwards.
    bytes += 2 * (n + 1) * sizeof(std::uint32_t) + 3 * m * sizeof(std::uint32_t);
    return bytes;
}

GraphView GraphView::build(Store& store, const Schema& schema, const ViewFilter& filter) {
    GraphView view;
    view.schema_ = &schema;

    std::uint64_t typeMask = ~0ull;
    if (!filter.entityTypes.empty()) {
        typeMask = 0;
        for (const auto& name : filter.entityTypes) {
            auto t = schema.entityTypeId(name);
            if (!t)
                throw QueryError("unknown entity type '" + name + "' (expected " +
                                 schema.entityTypeList() + ")");
            for (const auto& et : schema.entityTypes()) {
                auto id = *schema.entityTypeId(et.name);
                if (schema.isA(id, *t)) typeMask |= 1ull << id;
            }
        }
        typeMask |= 1ull << schema.rootType();  // stubs of unknown type stay reachable
    }
    std::vector<bool> relationAllowed(schema.relationTypes().size(), filter.relationTypes.empty());
    for (const auto& name : filter.relationTypes) {
        const RelationType* rt = schema.relationType(name);
        if (!rt)
            throw QueryError("unknown relation type '" + name + "' (expected " +
                             schema.relationTypeList() + ")");
        relationAllowed[static_cast<std::size_t>(rt - schema.relationTypes().data())] = true;
    }

    store.forEachCanonicalEntity(
        [&](EntityId id, const std::string& key, const std::string& type, const std::string& name) {
            auto t = schema.entityTypeId(type);
            EntityTypeId tid = t ? *t : schema.rootType();
            if (!((typeMask >> tid) & 1u)) return;
            if (static_cast<std::size_t>(id) >= view.nodeOfEntity_.size()) {
                view.nodeOfEntity_.resize(static_cast<std::size_t>(id) + 1, kNoNode);
            }
            view.nodeOfEntity_[static_cast<std::size_t>(id)] =
                static_cast<Node>(view.entityIds_.size());
            view.entityIds_.push_back(id);
            view.nodeTypes_.push_back(tid);
            if (filter.labels) {
                view.keys_.push_back(key);
                view.names_.push_back(name);
            }
        });

    std::vector<RelationId> bySource;
    if (!filter.sources.empty()) bySource = store.relationsSupportedBy(filter.sources);

    struct Pending {
        Node src, dst;
        RelationId id;
        std::uint8_t type, flags;
        float conf, smin, smax;
        std::int32_t from, to, support;
    };
    std::vector<Pending> edges;
    store.forEachRelation([&](const RelationRow& r) {
        if (r.support == 0 && !filter.includeDenied) return;
        if (r.confidence < filter.minConfidence) return;
        const RelationType* rt = schema.relationType(r.type);
        if (!rt) return;
        auto typeIndex = static_cast<std::size_t>(rt - schema.relationTypes().data());
        if (!relationAllowed[typeIndex]) return;
        if (filter.asOf) {
            if (r.validFrom && *r.validFrom > *filter.asOf) return;
            if (r.validTo && *r.validTo < *filter.asOf) return;
        }
        if (!filter.sources.empty() && !std::binary_search(bySource.begin(), bySource.end(), r.id))
            return;
        Node s = view.node(r.src);
        Node d = view.node(r.dst);
        if (s == kNoNode || d == kNoNode) return;
        std::uint8_t flags = (r.directed ? kDirected : 0) | (r.dispute > 0 ? kDisputed : 0);
        float nan = std::numeric_limits<float>::quiet_NaN();
        edges.push_back(
            {s, d, r.id, static_cast<std::uint8_t>(typeIndex), flags,
             static_cast<float>(r.confidence), r.shareMin ? static_cast<float>(*r.shareMin) : nan,
             r.shareMax ? static_cast<float>(*r.shareMax) : nan, r.validFrom.value_or(0),
             r.validTo.value_or(0), static_cast<std::int32_t>(r.support)});
    });
    // Relations arrive in id order; a stable sort by source keeps that order within a node.
    std::stable_sort(edges.begin(), edges.end(),
                     [](const Pending& a, const Pending& b) { return a.src < b.src; });
    std::size_t m = edges.size();
    view.sources_.resize(m);
    view.relationIds_.resize(m);
    view.relationTypes_.resize(m);
    view.flags_.resize(m);
    view.confidence_.resize(m);
    view.shares_.reserve(m);
    view.validity_.reserve(m);
    view.support_.resize(m);
    std::vector<std::pair<Node, Node>> pairs(m);
    for (std::size_t i = 0; i < m; ++i) {
        const auto& p = edges[i];
        view.sources_[i] = p.src;
        view.relationIds_[i] = p.id;
        view.relationTypes_[i] = p.type;
        view.flags_[i] = p.flags;
        view.confidence_[i] = p.conf;
        view.shares_.push(std::isnan(p.smin) ? std::nullopt
                                             : std::make_optional(std::make_pair(p.smin, p.smax)));
        view.validity_.push(p.from || p.to ? std::make_optional(std::make_pair(p.from, p.to))
                                           : std::nullopt);
        view.support_[i] = p.support;
        pairs[i] = {p.src, p.dst};
    }
    edges.clear();
    edges.shrink_to_fit();
    // The multi-pass constructor places edges by a stable counting sort on the source, so
    // with input already in source order Boost's edge index equals our edge number.
    view.csr_ =
        Csr(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), view.nodeCount());
    return view;
}

}  // namespace cg::graph
