// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "export/provenance.hpp"
#include "export/selection.hpp"
#include "export/writer.hpp"
#include "graph/schema.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// The value kinds of exported attributes; each writer maps them to its own type names.
enum class AttributeType { String, Int, Long, Real, Boolean, StringList, Date };

/// An exported attribute: its name in every format and its value kind.
struct AttributeDef {
    std::string_view name;
    AttributeType type;
};

/// The node attributes, in the order writers emit them (`label` first for Gephi).
inline constexpr AttributeDef kNodeAttributes[] = {
    {"label", AttributeType::String},          {"entity_id", AttributeType::String},
    {"name", AttributeType::String},           {"type", AttributeType::String},
    {"confidence", AttributeType::Real},       {"source_count", AttributeType::Int},
    {"source_ids", AttributeType::StringList}, {"first_seen", AttributeType::String},
    {"last_seen", AttributeType::String},      {"disputed", AttributeType::Boolean},
};

/// The edge attributes, in the order writers emit them (`label` and `weight` first).
inline constexpr AttributeDef kEdgeAttributes[] = {
    {"label", AttributeType::String},      {"weight", AttributeType::Real},
    {"relation_id", AttributeType::Long},  {"type", AttributeType::String},
    {"confidence", AttributeType::Real},   {"support", AttributeType::Int},
    {"source_count", AttributeType::Int},  {"source_ids", AttributeType::StringList},
    {"first_seen", AttributeType::String}, {"last_seen", AttributeType::String},
    {"disputed", AttributeType::Boolean},  {"symmetric", AttributeType::Boolean},
    {"share_min", AttributeType::Real},    {"share_max", AttributeType::Real},
    {"valid_from", AttributeType::Date},   {"valid_to", AttributeType::Date},
};

/// Positions in kNodeAttributes, for writers that place some attributes specially.
enum NodeAttribute : std::size_t { kNodeLabel = 0, kNodeEntityId = 1 };
/// Positions in kEdgeAttributes, for writers that place some attributes specially.
enum EdgeAttribute : std::size_t { kEdgeLabel = 0, kEdgeWeight = 1, kEdgeType = 3 };

/// One node as written: the entity and where it comes from.
struct NodeRecord {
    graph::GraphView::Node node = 0;
    graph::EntityId entity = 0;
    std::string_view key;  ///< the entity's id text
    std::string_view name;
    const graph::EntityType* type = nullptr;
    float confidence = 0;   ///< highest confidence of an asserting claim naming it
    bool disputed = false;  ///< some claim naming it is a denial
    std::span<const std::uint32_t> sources;
    std::string_view firstSeen;
    std::string_view lastSeen;
};

/// One edge as written: the relation, its endpoints and where it comes from.
struct EdgeRecord {
    graph::GraphView::Edge edge = 0;
    graph::RelationId relation = 0;
    graph::EntityId sourceEntity = 0;
    graph::EntityId targetEntity = 0;
    std::string_view sourceKey;
    std::string_view targetKey;
    const graph::RelationType* type = nullptr;
    float confidence = 0;
    std::int32_t support = 0;
    bool disputed = false;
    bool symmetric = false;
    std::optional<std::pair<float, float>> share;
    std::int32_t validFrom = 0;  ///< yyyymmdd, 0 when open
    std::int32_t validTo = 0;
    std::span<const std::uint32_t> sources;
    std::string_view firstSeen;
    std::string_view lastSeen;
    std::span<const DayInterval> intervals;  ///< empty: no dates limit it
};

/// A view's selection together with its provenance, as every writer reads it: records in
/// index order, and their attributes in the order of kNodeAttributes / kEdgeAttributes.
class ExportedGraph {
  public:
    /// Selects from `input` and loads the provenance; throws StorageError, and QueryError
    /// when the view was built without labels.
    explicit ExportedGraph(const ExportInput& input);

    const graph::GraphView& view() const { return view_; }
    std::size_t nodeCount() const { return selection_.nodeCount(); }
    std::size_t edgeCount() const { return selection_.edgeCount(); }
    NodeRecord node(std::size_t i) const;
    EdgeRecord edge(std::size_t i) const;
    const std::string& sourceKey(std::uint32_t source) const {
        return provenance_.sourceKey(source);
    }

    /// Calls the visitor for each attribute of `r` that has a value, in kNodeAttributes
    /// order: text(i, view), integer(i, n), real(i, x), boolean(i, b), sources(i, list),
    /// day(i, yyyymmdd), with i the attribute's position.
    template <typename Visitor>
    static void visit(const NodeRecord& r, Visitor& v) {
        v.text(0, r.name);
        v.text(1, r.key);
        v.text(2, r.name);
        v.text(3, std::string_view(r.type->name));
        v.real(4, r.confidence);
        v.integer(5, static_cast<std::int64_t>(r.sources.size()));
        v.sources(6, r.sources);
        if (!r.firstSeen.empty()) v.text(7, r.firstSeen);
        if (!r.lastSeen.empty()) v.text(8, r.lastSeen);
        v.boolean(9, r.disputed);
    }

    /// The same for an edge, in kEdgeAttributes order.
    template <typename Visitor>
    static void visit(const EdgeRecord& r, Visitor& v) {
        v.text(0, std::string_view(r.type->label));
        v.real(1, r.confidence);
        v.integer(2, r.relation);
        v.text(3, std::string_view(r.type->name));
        v.real(4, r.confidence);
        v.integer(5, r.support);
        v.integer(6, static_cast<std::int64_t>(r.sources.size()));
        v.sources(7, r.sources);
        if (!r.firstSeen.empty()) v.text(8, r.firstSeen);
        if (!r.lastSeen.empty()) v.text(9, r.lastSeen);
        v.boolean(10, r.disputed);
        v.boolean(11, r.symmetric);
        if (r.share) {
            v.real(12, r.share->first);
            v.real(13, r.share->second);
        }
        if (r.validFrom != 0) v.day(14, r.validFrom);
        if (r.validTo != 0) v.day(15, r.validTo);
    }

  private:
    const graph::GraphView& view_;
    Selection selection_;
    Provenance provenance_;
};

/// The "#rrggbb" colour of an entity type as r, g, b; nothing when it has none or it is
/// malformed.
std::optional<std::array<int, 3>> rgbOf(const graph::EntityType& type);

}  // namespace cg::exporters
