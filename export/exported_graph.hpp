// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

/// The node attributes, in the order writers emit them (`label` first for Gephi).
inline constexpr AttributeDef kNodeAttributes[] = {
    {"label", AttributeType::String},          {"entity_id", AttributeType::String},
    {"name", AttributeType::String},           {"type", AttributeType::String},
    {"confidence", AttributeType::Real},       {"source_count", AttributeType::Int},
    {"source_ids", AttributeType::StringList}, {"first_seen", AttributeType::String},
    {"last_seen", AttributeType::String},      {"disputed", AttributeType::Boolean},
    {"color", AttributeType::String},          {"names", AttributeType::TextList},
    {"aliases", AttributeType::TextList},      {"identifiers", AttributeType::TextList},
    {"properties", AttributeType::Json},
};

/// The edge attributes, in the order writers emit them (`label` and `weight` first).
inline constexpr AttributeDef kEdgeAttributes[] = {
    {"label", AttributeType::String},         {"weight", AttributeType::Real},
    {"relation_id", AttributeType::Long},     {"type", AttributeType::String},
    {"confidence", AttributeType::Real},      {"support", AttributeType::Int},
    {"source_count", AttributeType::Int},     {"source_ids", AttributeType::StringList},
    {"first_seen", AttributeType::String},    {"last_seen", AttributeType::String},
    {"disputed", AttributeType::Boolean},     {"symmetric", AttributeType::Boolean},
    {"share_min", AttributeType::Real},       {"share_max", AttributeType::Real},
    {"valid_from", AttributeType::Date},      {"valid_to", AttributeType::Date},
    {"stance", AttributeType::String},        {"dispute", AttributeType::Int},
    {"role", AttributeType::TextList},        {"relationship", AttributeType::TextList},
    {"note", AttributeType::TextList},        {"amount", AttributeType::TextList},
    {"currency", AttributeType::TextList},    {"purpose", AttributeType::TextList},
    {"claim_ids", AttributeType::StringList}, {"source_titles", AttributeType::TextList},
    {"source_urls", AttributeType::TextList}, {"quotes", AttributeType::TextList},
    {"claims", AttributeType::Json},          {"relation_kind", AttributeType::String},
};

/// Positions in kNodeAttributes, for writers that place some attributes specially.
enum NodeAttribute : std::size_t { kNodeLabel = 0, kNodeEntityId = 1, kNodeColor = 10 };
/// Positions in kEdgeAttributes, for writers that place some attributes specially.
enum EdgeAttribute : std::size_t {
    kEdgeLabel = 0,
    kEdgeWeight = 1,
    kEdgeType = 3,
    kEdgeStance = 16,
    kEdgeRole = 18,
    kEdgeClaimIds = 24,
};

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

    /// Calls the visitor for each attribute of `r` that has a value, in kNodeAttributes
    /// order: text(i, view), integer(i, n), real(i, x), boolean(i, b), sources(i, list),
    /// day(i, yyyymmdd), list(i, texts), json(i, text), with i the attribute's position.
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
        if (!r.color.empty()) v.text(10, r.color);
        v.list(11, r.names);
        v.list(12, r.aliases);
        v.list(13, r.identifiers);
        v.json(14, r.properties);
        visitFigures(std::size(kNodeAttributes), r.figures, v);
    }

    /// The same for an edge, in kEdgeAttributes order. Attributes no claim gives are left
    /// out; so are titles, links, quotes and claims at EvidenceLevel::None.
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
        v.text(16, r.stance);
        v.integer(17, r.dispute);
        for (std::size_t a = 0; a < r.attributes.size(); ++a) {
            if (!r.attributes[a].empty()) v.list(18 + a, r.attributes[a]);
        }
        v.list(24, r.claimIds);
        if (r.evidence != EvidenceLevel::None) {
            v.list(25, r.sourceTitles);
            v.list(26, r.sourceUrls);
            v.list(27, r.quotes);
            v.json(28, r.claims);
        }
        v.text(29, graph::relationKindName(r.type->kind));
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
