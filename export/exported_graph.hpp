// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "export/attributes.hpp"
#include "export/export_options.hpp"
#include "export/provenance.hpp"
#include "export/query_figures.hpp"
#include "export/selection.hpp"
#include "export/writer.hpp"
#include "graph/schema.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// A list of texts as writers read it (valid until the next node() or edge() call).
using TextList = std::span<const std::string_view>;

/// One node as written: the entity, where it comes from and what is known of it.
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
    std::string_view color;       ///< "#rrggbb" of its type; empty when it has none
    TextList names;               ///< every name it is known by, sorted
    TextList aliases;             ///< the names other than `name`
    TextList identifiers;         ///< "scheme:value", sorted
    std::string_view properties;  ///< a JSON object: property name -> array of values
    std::span<const QueryFigures::Entry> figures;  ///< what the exported query computed
};

/// One edge as written: the relation, its endpoints and its evidence.
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
    EvidenceLevel evidence = EvidenceLevel::Full;
    std::string_view stance;   ///< "asserted", "disputed" (some claim denies) or "denied"
    std::int32_t dispute = 0;  ///< number of denying claims
    /// The distinct values of each of graph::kClaimAttributeNames among its asserting claims
    /// (among the denying ones for a relation that is only denied), in claim order.
    std::array<TextList, graph::kClaimAttributeCount> attributes;
    TextList claimIds;        ///< in claim id order
    TextList sourceTitles;    ///< one per source, in `sources` order ("" when none)
    TextList sourceUrls;      ///< likewise
    TextList quotes;          ///< full: every non-empty quote; summary: the strongest claim's
    std::string_view claims;  ///< JSON array of {claim_id, source_id, stance, confidence, quote}
    std::span<const QueryFigures::Entry> figures;  ///< what the exported query computed
};

/// A text, or nothing when it is empty (the attribute is then left out).
constexpr std::optional<std::string_view> nonEmpty(std::string_view text) {
    return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
}
/// The values claims give for the K-th of graph::kClaimAttributeNames; nothing when none does.
template <std::size_t K>
constexpr std::optional<TextList> claimAttribute(const EdgeRecord& r) {
    static_assert(K < graph::kClaimAttributeCount);
    return r.attributes[K].empty() ? std::nullopt : std::optional<TextList>(r.attributes[K]);
}
/// `list`, except at EvidenceLevel::None, which leaves titles, links and quotes out.
constexpr std::optional<TextList> withEvidence(const EdgeRecord& r, TextList list) {
    return r.evidence != EvidenceLevel::None ? std::optional<TextList>(list) : std::nullopt;
}

/// A JSON object or array carried as text (JSON formats write it as is, the others as text).
struct JsonText {
    std::string_view text;
};
/// A date as yyyymmdd.
struct Day {
    std::int32_t yyyymmdd;
};

/// One exported attribute: its name in every format, its value kind, and how a record gives
/// its value (an empty optional when the record has none, and the attribute is left out).
/// The getter's C++ type picks the writer's call: text, integer, real, boolean, sources (ids
/// of sources), day, list (TextList) or json.
template <typename Get>
struct Column {
    std::string_view name;
    AttributeType type;
    Get get;
};
template <typename Get>
Column(std::string_view, AttributeType, Get) -> Column<Get>;

/// The node attributes, in the order writers emit them (`label` first for Gephi). To add
/// one: a row here, and the record field it reads.
inline constexpr std::tuple kNodeColumns{
    Column{"label", AttributeType::String, [](const NodeRecord& r) { return r.name; }},
    Column{"entity_id", AttributeType::String, [](const NodeRecord& r) { return r.key; }},
    Column{"name", AttributeType::String, [](const NodeRecord& r) { return r.name; }},
    Column{"type", AttributeType::String,
           [](const NodeRecord& r) { return std::string_view(r.type->name); }},
    Column{"confidence", AttributeType::Real, [](const NodeRecord& r) { return r.confidence; }},
    Column{"source_count", AttributeType::Int,
           [](const NodeRecord& r) { return static_cast<std::int64_t>(r.sources.size()); }},
    Column{"source_ids", AttributeType::StringList, [](const NodeRecord& r) { return r.sources; }},
    Column{"first_seen", AttributeType::String,
           [](const NodeRecord& r) { return nonEmpty(r.firstSeen); }},
    Column{"last_seen", AttributeType::String,
           [](const NodeRecord& r) { return nonEmpty(r.lastSeen); }},
    Column{"disputed", AttributeType::Boolean, [](const NodeRecord& r) { return r.disputed; }},
    Column{"color", AttributeType::String, [](const NodeRecord& r) { return nonEmpty(r.color); }},
    Column{"names", AttributeType::TextList, [](const NodeRecord& r) { return r.names; }},
    Column{"aliases", AttributeType::TextList, [](const NodeRecord& r) { return r.aliases; }},
    Column{"identifiers", AttributeType::TextList,
           [](const NodeRecord& r) { return r.identifiers; }},
    Column{"properties", AttributeType::Json,
           [](const NodeRecord& r) { return JsonText{r.properties}; }},
};

/// The edge attributes, in the order writers emit them (`label` and `weight` first for
/// Gephi). Attributes no claim gives are left out; so are titles, links, quotes and claims at
/// EvidenceLevel::None.
inline constexpr std::tuple kEdgeColumns{
    Column{"label", AttributeType::String,
           [](const EdgeRecord& r) { return std::string_view(r.type->label); }},
    Column{"weight", AttributeType::Real, [](const EdgeRecord& r) { return r.confidence; }},
    Column{"relation_id", AttributeType::Long, [](const EdgeRecord& r) { return r.relation; }},
    Column{"type", AttributeType::String,
           [](const EdgeRecord& r) { return std::string_view(r.type->name); }},
    Column{"confidence", AttributeType::Real, [](const EdgeRecord& r) { return r.confidence; }},
    Column{"support", AttributeType::Int, [](const EdgeRecord& r) { return r.support; }},
    Column{"source_count", AttributeType::Int,
           [](const EdgeRecord& r) { return static_cast<std::int64_t>(r.sources.size()); }},
    Column{"source_ids", AttributeType::StringList, [](const EdgeRecord& r) { return r.sources; }},
    Column{"first_seen", AttributeType::String,
           [](const EdgeRecord& r) { return nonEmpty(r.firstSeen); }},
    Column{"last_seen", AttributeType::String,
           [](const EdgeRecord& r) { return nonEmpty(r.lastSeen); }},
    Column{"disputed", AttributeType::Boolean, [](const EdgeRecord& r) { return r.disputed; }},
    Column{"symmetric", AttributeType::Boolean, [](const EdgeRecord& r) { return r.symmetric; }},
    Column{"share_min", AttributeType::Real,
           [](const EdgeRecord& r) {
               return r.share ? std::optional<float>(r.share->first) : std::nullopt;
           }},
    Column{"share_max", AttributeType::Real,
           [](const EdgeRecord& r) {
               return r.share ? std::optional<float>(r.share->second) : std::nullopt;
           }},
    Column{"valid_from", AttributeType::Date,
           [](const EdgeRecord& r) {
               return r.validFrom != 0 ? std::optional<Day>(Day{r.validFrom}) : std::nullopt;
           }},
    Column{"valid_to", AttributeType::Date,
           [](const EdgeRecord& r) {
               return r.validTo != 0 ? std::optional<Day>(Day{r.validTo}) : std::nullopt;
           }},
    Column{"stance", AttributeType::String, [](const EdgeRecord& r) { return r.stance; }},
    Column{"dispute", AttributeType::Int, [](const EdgeRecord& r) { return r.dispute; }},
    Column{graph::kClaimAttributeNames[0], AttributeType::TextList, claimAttribute<0>},
    Column{graph::kClaimAttributeNames[1], AttributeType::TextList, claimAttribute<1>},
    Column{graph::kClaimAttributeNames[2], AttributeType::TextList, claimAttribute<2>},
    Column{graph::kClaimAttributeNames[3], AttributeType::TextList, claimAttribute<3>},
    Column{graph::kClaimAttributeNames[4], AttributeType::TextList, claimAttribute<4>},
    Column{graph::kClaimAttributeNames[5], AttributeType::TextList, claimAttribute<5>},
    Column{"claim_ids", AttributeType::StringList, [](const EdgeRecord& r) { return r.claimIds; }},
    Column{"source_titles", AttributeType::TextList,
           [](const EdgeRecord& r) { return withEvidence(r, r.sourceTitles); }},
    Column{"source_urls", AttributeType::TextList,
           [](const EdgeRecord& r) { return withEvidence(r, r.sourceUrls); }},
    Column{"quotes", AttributeType::TextList,
           [](const EdgeRecord& r) { return withEvidence(r, r.quotes); }},
    Column{"claims", AttributeType::Json,
           [](const EdgeRecord& r) {
               return r.evidence != EvidenceLevel::None
                          ? std::optional<JsonText>(JsonText{r.claims})
                          : std::nullopt;
           }},
    Column{"relation_kind", AttributeType::String,
           [](const EdgeRecord& r) { return graph::relationKindName(r.type->kind); }},
};

/// The names and kinds of a column table, as writers declare them.
template <typename Columns>
constexpr auto attributeDefs(const Columns& columns) {
    return std::apply(
        [](const auto&... c) {
            return std::array<AttributeDef, sizeof...(c)>{AttributeDef{c.name, c.type}...};
        },
        columns);
}
inline constexpr auto kNodeAttributes = attributeDefs(kNodeColumns);
inline constexpr auto kEdgeAttributes = attributeDefs(kEdgeColumns);

/// The position of the attribute `name` in `defs`; a name that is not there does not compile.
template <std::size_t N>
consteval std::size_t attributeIndex(const std::array<AttributeDef, N>& defs,
                                     std::string_view name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (defs[i].name == name) return i;
    }
    throw "no exported attribute of that name";
}
/// Positions of attributes that some writers place specially.
inline constexpr std::size_t kNodeLabel = attributeIndex(kNodeAttributes, "label");
inline constexpr std::size_t kNodeEntityId = attributeIndex(kNodeAttributes, "entity_id");
inline constexpr std::size_t kNodeColor = attributeIndex(kNodeAttributes, "color");
inline constexpr std::size_t kEdgeLabel = attributeIndex(kEdgeAttributes, "label");
inline constexpr std::size_t kEdgeWeight = attributeIndex(kEdgeAttributes, "weight");
inline constexpr std::size_t kEdgeType = attributeIndex(kEdgeAttributes, "type");
inline constexpr std::size_t kEdgeStance = attributeIndex(kEdgeAttributes, "stance");
inline constexpr std::size_t kEdgeRole = attributeIndex(kEdgeAttributes, "role");
inline constexpr std::size_t kEdgeClaimIds = attributeIndex(kEdgeAttributes, "claim_ids");

/// A view's selection together with its provenance, as every writer reads it: records in
/// index order, and their attributes in the order of kNodeAttributes / kEdgeAttributes.
class ExportedGraph {
  public:
    /// Selects from `input` and loads the provenance and evidence (reading the claims'
    /// provenance unless the input holds one read with exportProvenanceOptions()); throws
    /// StorageError, and QueryError when the view was built without labels.
    explicit ExportedGraph(const ExportInput& input);
    ExportedGraph(const ExportedGraph&) = delete;
    ExportedGraph& operator=(const ExportedGraph&) = delete;

    const graph::GraphView& view() const { return view_; }
    std::size_t nodeCount() const { return selection_.nodeCount(); }
    std::size_t edgeCount() const { return selection_.edgeCount(); }
    /// The i-th node or edge; its lists stay valid until the next call of the same kind.
    NodeRecord node(std::size_t i) const;
    EdgeRecord edge(std::size_t i) const;
    const std::string& sourceKey(std::uint32_t source) const {
        return provenance_.sourceKey(source);
    }

    /// Calls the visitor for each attribute of `r` that has a value, in kNodeColumns order:
    /// text(i, view), integer(i, n), real(i, x), boolean(i, b), sources(i, list),
    /// day(i, yyyymmdd), list(i, texts), json(i, text), with i the attribute's position; then
    /// the query's figures.
    template <typename Visitor>
    static void visit(const NodeRecord& r, Visitor& v) {
        visitColumns(kNodeColumns, r, v);
        visitFigures(std::size(kNodeAttributes), r.figures, v);
    }

    /// The same for an edge, in kEdgeColumns order.
    template <typename Visitor>
    static void visit(const EdgeRecord& r, Visitor& v) {
        visitColumns(kEdgeColumns, r, v);
        visitFigures(std::size(kEdgeAttributes), r.figures, v);
    }

    /// Every node attribute a writer declares: kNodeAttributes, then the query's figures.
    const std::vector<AttributeDef>& nodeAttributes() const { return nodeAttributes_; }
    /// Every edge attribute a writer declares: kEdgeAttributes, then the query's figures.
    const std::vector<AttributeDef>& edgeAttributes() const { return edgeAttributes_; }

    /// What the export records about itself (its selection), and the query's figures.
    const ExportOptions& options() const { return options_; }
    /// The text of a claim, attribute or fact (see Provenance).
    const Provenance& provenance() const { return provenance_; }

  private:
    void reportProgress(std::size_t done) const;

    template <typename Columns, typename Record, typename Visitor>
    static void visitColumns(const Columns& columns, const Record& r, Visitor& v) {
        std::apply(
            [&](const auto&... column) {
                std::size_t i = 0;
                (emit(v, i++, column.get(r)), ...);
            },
            columns);
    }
    template <typename Visitor, typename T>
    static void emit(Visitor& v, std::size_t i, const std::optional<T>& value) {
        if (value) emit(v, i, *value);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, std::string_view text) {
        v.text(i, text);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, JsonText json) {
        v.json(i, json.text);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, Day day) {
        v.day(i, day.yyyymmdd);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, bool b) {
        v.boolean(i, b);
    }
    template <typename Visitor, std::integral N>
    requires(!std::same_as<N, bool>) static void emit(Visitor& v, std::size_t i, N n) {
        v.integer(i, n);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, float x) {
        v.real(i, x);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, std::span<const std::uint32_t> sources) {
        v.sources(i, sources);
    }
    template <typename Visitor>
    static void emit(Visitor& v, std::size_t i, TextList list) {
        v.list(i, list);
    }
    template <typename Visitor>
    static void visitFigures(std::size_t first, std::span<const QueryFigures::Entry> figures,
                             Visitor& v) {
        for (const auto& e : figures) {
            std::size_t i = first + e.attribute;
            if (const auto* n = std::get_if<std::int64_t>(&e.value)) {
                v.integer(i, *n);
            } else if (const auto* x = std::get_if<double>(&e.value)) {
                v.real(i, *x);
            } else if (const auto* b = std::get_if<bool>(&e.value)) {
                v.boolean(i, *b);
            } else if (const auto* t = std::get_if<std::string>(&e.value)) {
                if (e.type == AttributeType::Json)
                    v.json(i, *t);
                else
                    v.text(i, *t);
            }
        }
    }

    // Reused for every record, so that writing one allocates nothing once they have grown.
    struct NodeScratch {
        std::vector<std::string_view> names;
        std::vector<std::string_view> aliases;
        std::vector<std::string> identifierText;
        std::vector<std::string_view> identifiers;
        std::string properties;
    };
    struct EdgeScratch {
        std::array<std::vector<std::string_view>, graph::kClaimAttributeCount> attributes;
        std::vector<std::string_view> claimIds;
        std::vector<std::string_view> titles;
        std::vector<std::string_view> urls;
        std::vector<std::string_view> quotes;
        std::string claims;
    };

    const graph::GraphView& view_;
    ExportOptions options_;
    std::vector<AttributeDef> nodeAttributes_;
    std::vector<AttributeDef> edgeAttributes_;
    Selection selection_;
    std::optional<graph::ClaimProvenance> ownClaims_;  // when the input gave none (or less)
    Provenance provenance_;
    mutable NodeScratch nodeScratch_;
    mutable EdgeScratch edgeScratch_;
};

/// The "#rrggbb" colour of an entity type as r, g, b; nothing when it has none or it is
/// malformed.
std::optional<std::array<int, 3>> rgbOf(const graph::EntityType& type);

}  // namespace cg::exporters
