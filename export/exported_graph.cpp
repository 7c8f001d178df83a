// SPDX-License-Identifier: MIT
#include "export/exported_graph.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

#include "export/text_escape.hpp"
#include "graph/error.hpp"
#include "graph/provenance_scan.hpp"

namespace cg::exporters {

namespace {

const Selection& checked(const Selection& selection, const graph::GraphView& view) {
    if (selection.nodeCount() > 0 && !view.hasLabels()) {
        throw QueryError(
            "export: the view was built without labels (ViewFilter::labels), so "
            "nodes have no ids or names to write");
    }
    return selection;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The claims' provenance to read, when the input holds none with what `level` needs.
std::optional<graph::ClaimProvenance> readIfNeeded(const ExportInput& input, EvidenceLevel level) {
    auto need = exportProvenanceOptions(level);
    if (input.provenance) {
        const auto& have = input.provenance->options();
        if ((have.claims || !need.claims) && (have.quotes || !need.quotes) &&
            (have.entityFacts || !need.entityFacts))
            return std::nullopt;
    }
    return graph::readClaimProvenance(input.store, need);
}

// Appends the shortest decimal that reads back as `value`, with a decimal point.
void appendReal(std::string& out, float value) {
    char text[32];
    auto result = std::to_chars(text, text + sizeof text, value);
    std::string_view digits(text, static_cast<std::size_t>(result.ptr - text));
    out.append(digits);
    if (digits.find_first_of(".eEn") == std::string_view::npos) out.append(".0");
}

void addDistinct(std::vector<std::string_view>& list, std::string_view value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

ExportedGraph::ExportedGraph(const ExportInput& input)
    : view_(input.view),
      options_(input.options ? *input.options : ExportOptions{}),
      selection_(input.view, input.subgraph),
      ownClaims_(readIfNeeded(input, options_.evidence)),
      provenance_(Provenance::load(input.store, ownClaims_ ? *ownClaims_ : *input.provenance,
                                   input.view, checked(selection_, input.view))) {
    nodeAttributes_.assign(std::begin(kNodeAttributes), std::end(kNodeAttributes));
    edgeAttributes_.assign(std::begin(kEdgeAttributes), std::end(kEdgeAttributes));
    if (options_.figures) {
        const auto& nodes = options_.figures->nodeDefs();
        const auto& edges = options_.figures->edgeDefs();
        nodeAttributes_.insert(nodeAttributes_.end(), nodes.begin(), nodes.end());
        edgeAttributes_.insert(edgeAttributes_.end(), edges.begin(), edges.end());
    }
}

void ExportedGraph::reportProgress(std::size_t done) const {
    // Every 4096 records: a bar redraws at most ten times a second anyway.
    if (options_.progress && done % 4096 == 0) options_.progress(done, nodeCount() + edgeCount());
}

NodeRecord ExportedGraph::node(std::size_t i) const {
    reportProgress(i);
    NodeRecord r;
    r.node = selection_.node(i);
    r.entity = view_.entityId(r.node);
    r.key = view_.key(r.node);
    r.name = view_.name(r.node);
    r.type = &view_.schema().entityType(view_.nodeType(r.node));
    r.confidence = provenance_.nodeConfidence(i);
    r.disputed = provenance_.nodeDenied(i);
    r.sources = provenance_.nodeSources(i);
    std::tie(r.firstSeen, r.lastSeen) = provenance_.seen(r.sources);
    if (rgbOf(*r.type)) r.color = r.type->color;

    NodeScratch& s = nodeScratch_;
    s.names.clear();
    s.aliases.clear();
    s.identifiers.clear();
    s.properties.assign("{");
    std::size_t identifiers = 0;
    std::string_view property;
    bool anyProperty = false;
    // Facts come sorted by kind, key and value, so each property's values are together.
    for (const auto& f : provenance_.nodeFacts(i)) {
        auto key = provenance_.text(f.key);
        auto value = provenance_.text(f.value);
        switch (f.kind) {
            case graph::EntityFact::Kind::Name:
                s.names.push_back(value);
                if (value != r.name) s.aliases.push_back(value);
                break;
            case graph::EntityFact::Kind::Identifier:
                if (identifiers == s.identifierText.size()) s.identifierText.emplace_back();
                s.identifierText[identifiers].assign(key).append(":").append(value);
                ++identifiers;
                break;
            case graph::EntityFact::Kind::Property:
                if (!anyProperty || key != property) {
                    if (anyProperty) s.properties.append("], ");
                    appendJsonString(s.properties, key);
                    s.properties.append(": [");
                    property = key;
                    anyProperty = true;
                } else {
                    s.properties.append(", ");
                }
                appendJsonString(s.properties, value);
                break;
        }
    }
    if (anyProperty) s.properties.append("]");
    s.properties.append("}");
    for (std::size_t k = 0; k < identifiers; ++k) s.identifiers.push_back(s.identifierText[k]);
    r.names = s.names;
    r.aliases = s.aliases;
    r.identifiers = s.identifiers;
    r.properties = s.properties;
    if (options_.figures) r.figures = options_.figures->node(r.node);
    return r;
}

EdgeRecord ExportedGraph::edge(std::size_t i) const {
    reportProgress(nodeCount() + i);
    EdgeRecord r;
    r.edge = selection_.edge(i);
    r.relation = view_.relationId(r.edge);
    auto source = view_.source(r.edge);
    auto target = view_.target(r.edge);
    r.sourceEntity = view_.entityId(source);
    r.targetEntity = view_.entityId(target);
    r.sourceKey = view_.key(source);
    r.targetKey = view_.key(target);
    r.type = &view_.relationTypeOf(r.edge);
    r.confidence = view_.confidence(r.edge);
    r.support = view_.supportCount(r.edge);
    r.disputed = view_.disputed(r.edge);
    r.symmetric = !view_.directed(r.edge);
    r.share = view_.share(r.edge);
    r.validFrom = view_.validFrom(r.edge);
    r.validTo = view_.validTo(r.edge);
    r.sources = provenance_.edgeSources(i);
    std::tie(r.firstSeen, r.lastSeen) = provenance_.seen(r.sources);
    r.intervals = provenance_.edgeIntervals(i);
    r.evidence = options_.evidence;
    if (options_.figures) r.figures = options_.figures->edge(r.edge);
    r.stance = r.support == 0 ? "denied" : (r.disputed ? "disputed" : "asserted");

    EdgeScratch& s = edgeScratch_;
    for (auto& list : s.attributes) list.clear();
    s.claimIds.clear();
    s.titles.clear();
    s.urls.clear();
    s.quotes.clear();
    s.claims.clear();
    auto claims = provenance_.edgeClaims(i);
    bool asserted = std::any_of(claims.begin(), claims.end(),
                                [](const graph::ClaimRecord& c) { return !c.denies; });
    // The strongest claim: the most confident asserting one (the first of equals), or the
    // most confident denial of a relation that is only denied.
    const graph::ClaimRecord* strongest = nullptr;
    for (const auto& c : claims) {
        if (c.denies) ++r.dispute;
        s.claimIds.push_back(provenance_.text(c.key));
        if (c.denies == asserted) continue;
        if (!strongest || c.confidence > strongest->confidence) strongest = &c;
        for (const auto& a : provenance_.attributes(c)) {
            addDistinct(s.attributes[static_cast<std::size_t>(a.attribute)],
                        provenance_.text(a.value));
        }
    }
    for (std::size_t a = 0; a < s.attributes.size(); ++a) r.attributes[a] = s.attributes[a];
    r.claimIds = s.claimIds;
    if (r.evidence == EvidenceLevel::None) return r;

    for (auto index : r.sources) {
        s.titles.push_back(provenance_.sourceTitle(index));
        s.urls.push_back(provenance_.sourceUrl(index));
    }
    bool full = r.evidence == EvidenceLevel::Full;
    s.claims.push_back('[');
    for (const auto& c : claims) {
        auto quote = provenance_.text(c.quote);
        bool withQuote = !quote.empty() && (full || &c == strongest);
        if (withQuote) addDistinct(s.quotes, quote);
        if (s.claims.size() > 1) s.claims.append(", ");
        s.claims.append("{\"claim_id\": ");
        appendJsonString(s.claims, provenance_.text(c.key));
        s.claims.append(", \"source_id\": ");
        auto index = provenance_.sourceIndex(c.source);
        if (index == Provenance::kNoSource)
            s.claims.append("null");
        else
            appendJsonString(s.claims, provenance_.sourceKey(index));
        s.claims.append(c.denies ? ", \"stance\": \"denies\"" : ", \"stance\": \"asserts\"");
        s.claims.append(", \"confidence\": ");
        appendReal(s.claims, c.confidence);
        if (withQuote) {
            s.claims.append(", \"quote\": ");
            appendJsonString(s.claims, quote);
        }
        s.claims.push_back('}');
    }
    s.claims.push_back(']');
    r.sourceTitles = s.titles;
    r.sourceUrls = s.urls;
    r.quotes = s.quotes;
    r.claims = s.claims;
    return r;
}

std::optional<std::array<int, 3>> rgbOf(const graph::EntityType& type) {
    const std::string& c = type.color;
    if (c.size() != 7 || c[0] != '#') return std::nullopt;
    std::array<int, 3> rgb{};
    for (std::size_t k = 0; k < 3; ++k) {
        int hi = hexDigit(c[1 + 2 * k]);
        int lo = hexDigit(c[2 + 2 * k]);
        if (hi < 0 || lo < 0) return std::nullopt;
        rgb[k] = hi * 16 + lo;
    }
    return rgb;
}

}  // namespace cg::exporters
