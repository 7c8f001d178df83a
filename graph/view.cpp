// SPDX-License-Identifier: MIT
#include "graph/view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <numeric>
#include <type_traits>
#include <unordered_map>

#include "graph/error.hpp"

namespace cg::graph {

GraphView::Node GraphView::node(EntityId id) const {
    if (entityIds_.empty()) {
        if (id < firstEntity_ || id - firstEntity_ >= static_cast<EntityId>(nodeCount()))
            return kNoNode;
        return static_cast<Node>(id - firstEntity_);
    }
    auto it = std::lower_bound(entityIds_.begin(), entityIds_.end(), id);
    if (it == entityIds_.end() || *it != id) return kNoNode;
    return static_cast<Node>(it - entityIds_.begin());
}

GraphView::Node GraphView::source(Edge e) const {
    // The source is the last node whose row starts at or before e. It lies between the
    // sources of the multiples of 64 around e, usually a handful of nodes apart.
    const auto& rowstart = csr_.m_forward.m_rowstart;
    std::size_t block = e / 64;
    Node low = blockSource_[block];
    Node high = block + 1 < blockSource_.size() ? blockSource_[block + 1] : nodeCount() - 1;
    auto it = std::upper_bound(rowstart.begin() + low + 1, rowstart.begin() + high + 1, e);
    return static_cast<Node>(it - rowstart.begin() - 1);
}

namespace {

// The bits of a value of up to 8 bytes, as a hash key that keeps every value distinct
// (0.0 and -0.0 included).
template <typename T>
std::uint64_t bitsOf(const T& value) {
    static_assert(sizeof(T) <= sizeof(std::uint32_t) && std::is_trivially_copyable_v<T>);
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof(T));
    return bits;
}

template <typename A, typename B>
std::uint64_t bitsOf(const std::pair<A, B>& value) {
    return bitsOf(value.first) << 32 | bitsOf(value.second);
}

}  // namespace

template <typename T>
void GraphView::CodedValues<T>::assign(const std::vector<T>& values) {
    constexpr std::size_t kMaxCodes = std::size_t{1} << 16;
    table_.clear();
    codes_.clear();
    plain_.clear();
    std::unordered_map<std::uint64_t, std::uint16_t> codeOf;
    codes_.reserve(values.size());
    for (const T& v : values) {
        auto [it, added] = codeOf.try_emplace(bitsOf(v), static_cast<std::uint16_t>(table_.size()));
        if (added) {
            if (table_.size() == kMaxCodes) {
                // Too many distinct values for 2-byte codes: keep the values themselves.
                table_ = std::vector<T>();
                codes_ = std::vector<std::uint16_t>();
                plain_ = values;
                return;
            }
            table_.push_back(v);
        }
        codes_.push_back(it->second);
    }
    table_.shrink_to_fit();
}

std::size_t GraphView::memoryBytes() const {
    std::size_t bytes =
        entityIds_.capacity() * sizeof(EntityId) + nodeTypes_.capacity() * sizeof(EntityTypeId);
    for (const auto& s : keys_) bytes += sizeof(std::string) + (s.size() > 15 ? s.size() : 0);
    for (const auto& s : names_) bytes += sizeof(std::string) + (s.size() > 15 ? s.size() : 0);
    bytes += blockSource_.capacity() * sizeof(Node) +
             relationOffsets_.capacity() * sizeof(std::uint32_t) +
             wideRelationIds_.capacity() * sizeof(RelationId) + relationTypes_.capacity() +
             flags_.capacity() + confidence_.memoryBytes() + shares_.memoryBytes() +
             validity_.memoryBytes() + support_.memoryBytes() + ownership_.memoryBytes();
    // Boost CSR: row starts and targets forwards; row starts, sources and edges backwards.
    bytes += (csr_.m_forward.m_rowstart.capacity() + csr_.m_forward.m_column.capacity() +
              csr_.m_backward.m_rowstart.capacity() + csr_.m_backward.m_column.capacity()) *
                 sizeof(std::uint32_t) +
             static_cast<std::size_t>(edgeCount()) * sizeof(Edge);
    return bytes;
}

void GraphView::checkFilter(const Schema& schema, const ViewFilter& filter) {
    for (const auto& name : filter.entityTypes) {
        if (!schema.entityTypeId(name))
            throw QueryError("unknown entity type '" + name + "' (expected " +
                             schema.entityTypeList() + ")");
    }
    for (const auto& name : filter.relationTypes) {
        if (!schema.relationType(name))
            throw QueryError("unknown relation type '" + name + "' (expected " +
                             schema.relationTypeList() + ")");
    }
}

GraphView GraphView::build(Store& store, const Schema& schema, const ViewFilter& filter) {
    checkFilter(schema, filter);
    GraphView view;
    view.schema_ = &schema;
    view.relationFilter_ = filter.relationTypes;

    std::uint64_t typeMask = ~0ull;
    if (!filter.entityTypes.empty()) {
        typeMask = 0;
        for (const auto& name : filter.entityTypes) {
            auto t = *schema.entityTypeId(name);
            for (const auto& et : schema.entityTypes()) {
                auto id = *schema.entityTypeId(et.name);
                if (schema.isA(id, t)) typeMask |= 1ull << id;
            }
        }
        typeMask |= 1ull << schema.rootType();  // stubs of unknown type stay reachable
    }
    std::vector<bool> relationAllowed(schema.relationTypes().size(), filter.relationTypes.empty());
    for (const auto& name : filter.relationTypes) {
        const RelationType* rt = schema.relationType(name);
        relationAllowed[static_cast<std::size_t>(rt - schema.relationTypes().data())] = true;
    }

    // Entities arrive in id order; the id-to-node table is only needed while building.
    std::vector<Node> nodeOfEntity;
    store.forEachCanonicalEntity(
        [&](EntityId id, const std::string& key, const std::string& type, const std::string& name) {
            auto t = schema.entityTypeId(type);
            EntityTypeId tid = t ? *t : schema.rootType();
            if (!((typeMask >> tid) & 1u)) return;
            if (static_cast<std::size_t>(id) >= nodeOfEntity.size()) {
                nodeOfEntity.resize(static_cast<std::size_t>(id) + 1, kNoNode);
            }
            nodeOfEntity[static_cast<std::size_t>(id)] = static_cast<Node>(view.entityIds_.size());
            view.entityIds_.push_back(id);
            view.nodeTypes_.push_back(tid);
            if (filter.labels) {
                view.keys_.push_back(key);
                view.names_.push_back(name);
            }
        });
    auto nodeOf = [&](EntityId id) {
        return id >= 0 && static_cast<std::size_t>(id) < nodeOfEntity.size()
                   ? nodeOfEntity[static_cast<std::size_t>(id)]
                   : kNoNode;
    };

    std::vector<RelationId> bySource;
    if (!filter.sources.empty()) bySource = store.relationsSupportedBy(filter.sources);

    struct Pending {
        Node src, dst;
        RelationId id;
        std::uint8_t type, flags;
        float conf, smin, smax;
        std::int32_t from, to, support;
    };
    // The relation types the ownership queries read more about (see OwnershipFacts): one
    // comparison per relation here, and claims read only for the few that match.
    auto typeIndexOf = [&](const char* name) {
        const RelationType* rt = schema.relationType(name);
        return rt ? static_cast<std::size_t>(rt - schema.relationTypes().data()) : SIZE_MAX;
    };
    const std::size_t representsType = typeIndexOf("represents");
    const std::size_t interestTypes[] = {typeIndexOf("owns"), typeIndexOf("controls"),
                                         typeIndexOf("linked_to")};
    bool anyRepresents = false;
    std::vector<DeniedInterest> denied;

    std::vector<Pending> edges;
    store.forEachRelationEdge([&](const RelationRow& r) {
        if (r.support == 0 && !filter.includeDenied && r.dispute == 0) return;
        const RelationType* rt = schema.relationType(r.type);
        if (!rt) return;
        auto typeIndex = static_cast<std::size_t>(rt - schema.relationTypes().data());
        if (!relationAllowed[typeIndex]) return;
        if (filter.asOf && !filter.asOf->overlaps(r.validFrom.value_or(0), r.validTo.value_or(0)))
            return;
        if (r.dispute > 0 && std::find(std::begin(interestTypes), std::end(interestTypes),
                                       typeIndex) != std::end(interestTypes)) {
            Node s = nodeOf(r.src), d = nodeOf(r.dst);
            if (s != kNoNode && d != kNoNode)
                denied.push_back({r.id, s, d, r.type, r.directed, r.support > 0, {}});
        }
        if (r.support == 0 && !filter.includeDenied) return;
        if (r.confidence < filter.minConfidence) return;
        if (!filter.sources.empty() && !std::binary_search(bySource.begin(), bySource.end(), r.id))
            return;
        Node s = nodeOf(r.src);
        Node d = nodeOf(r.dst);
        if (s == kNoNode || d == kNoNode) return;
        std::uint8_t flags = (r.directed ? kDirected : 0) | (r.dispute > 0 ? kDisputed : 0) |
                             (r.indirect ? kIndirect : 0);
        if (r.indirect) ++view.indirectCount_;
        anyRepresents = anyRepresents || typeIndex == representsType;
        float nan = std::numeric_limits<float>::quiet_NaN();
        edges.push_back(
            {s, d, r.id, static_cast<std::uint8_t>(typeIndex), flags,
             static_cast<float>(r.confidence), r.shareMin ? static_cast<float>(*r.shareMin) : nan,
             r.shareMax ? static_cast<float>(*r.shareMax) : nan, r.validFrom.value_or(0),
             r.validTo.value_or(0), static_cast<std::int32_t>(r.support)});
    });
    nodeOfEntity = std::vector<Node>();  // (= {} would keep the capacity)
    std::uint32_t n = view.nodeCount();
    // Consecutive entity ids (a store without merges) need no table at all.
    if (n > 0 && view.entityIds_.back() - view.entityIds_.front() == static_cast<EntityId>(n - 1)) {
        view.firstEntity_ = view.entityIds_.front();
        view.entityIds_ = std::vector<EntityId>();
    } else {
        view.entityIds_.shrink_to_fit();
    }
    view.nodeTypes_.shrink_to_fit();

    // Relations arrive in id order; a counting sort by source (stable, O(n + m)) keeps that
    // order within a node.
    {
        std::vector<std::size_t> start(std::size_t{n} + 1, 0);
        for (const auto& p : edges) ++start[p.src + 1];
        for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
        std::vector<Pending> sorted(edges.size());
        for (const auto& p : edges) sorted[start[p.src]++] = p;
        edges = std::move(sorted);
    }
    std::size_t m = edges.size();
    RelationId lowest = std::numeric_limits<RelationId>::max(), highest = 0;
    for (const auto& p : edges) {
        lowest = std::min(lowest, p.id);
        highest = std::max(highest, p.id);
    }
    bool narrowIds = m == 0 || highest - lowest <= std::numeric_limits<std::uint32_t>::max();
    view.firstRelation_ = m == 0 ? 0 : lowest;
    if (narrowIds) {
        view.relationOffsets_.resize(m);
    } else {
        view.wideRelationIds_.resize(m);
    }
    view.relationTypes_.resize(m);
    view.flags_.resize(m);
    view.blockSource_.reserve(m / 64 + 1);
    std::vector<float> confidence(m);
    std::vector<std::pair<Node, Node>> pairs(m);
    for (std::size_t i = 0; i < m; ++i) {
        const auto& p = edges[i];
        if (i % 64 == 0) view.blockSource_.push_back(p.src);
        if (narrowIds) {
            view.relationOffsets_[i] = static_cast<std::uint32_t>(p.id - lowest);
        } else {
            view.wideRelationIds_[i] = p.id;
        }
        view.relationTypes_[i] = p.type;
        view.flags_[i] = p.flags;
        confidence[i] = p.conf;
        view.shares_.push(std::isnan(p.smin) ? std::nullopt
                                             : std::make_optional(std::make_pair(p.smin, p.smax)));
        view.validity_.push(p.from || p.to ? std::make_optional(std::make_pair(p.from, p.to))
                                           : std::nullopt);
        view.support_.push(p.support == 1 ? std::nullopt : std::make_optional(p.support));
        pairs[i] = {p.src, p.dst};
    }
    edges.clear();
    edges.shrink_to_fit();
    view.confidence_.assign(confidence);
    view.shares_.finish();
    view.validity_.finish();
    view.support_.finish();
    // The multi-pass constructor places edges by a stable counting sort on the source, so
    // with input already in source order Boost's edge index equals our edge number.
    view.csr_ = Csr(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), n);

    if (anyRepresents || !denied.empty()) {
        std::vector<std::uint32_t> representsEdges;
        for (Edge e = 0; anyRepresents && e < view.edgeCount(); ++e) {
            if (view.relationTypes_[e] == representsType) representsEdges.push_back(e);
        }
        view.ownership_ = OwnershipFacts::load(store, view, representsEdges, std::move(denied));
    }
    return view;
}

}  // namespace cg::graph
