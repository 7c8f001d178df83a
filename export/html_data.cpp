// SPDX-License-Identifier: MIT
#include "export/html_data.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <sstream>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/layout.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

namespace cg::exporters {

namespace {

constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

// Small JSON helpers over the output buffer; the caller writes the separators.
void key(OutputBuffer& out, std::string_view name) {
    out.put('"');
    out.put(name);
    out.put("\":");
}

void text(OutputBuffer& out, std::string_view name, std::string_view value) {
    key(out, name);
    putJsonString(out, value);
}

void textOrNull(OutputBuffer& out, std::string_view name, std::string_view value) {
    key(out, name);
    if (value.empty())
        out.put("null");
    else
        putJsonString(out, value);
}

void real(OutputBuffer& out, std::string_view name, double value) {
    key(out, name);
    if (std::isfinite(value))
        out.putReal(value);
    else
        out.put("null");
}

// The view keeps confidences as floats: written as floats, 0.95 stays "0.95".
void real(OutputBuffer& out, std::string_view name, float value) {
    key(out, name);
    if (std::isfinite(value))
        out.putReal(value);
    else
        out.put("null");
}

void dayOrNull(OutputBuffer& out, std::string_view name, std::int32_t day) {
    key(out, name);
    if (day == 0) {
        out.put("null");
        return;
    }
    out.put('"');
    out.putDay(day);
    out.put('"');
}

void boolean(OutputBuffer& out, std::string_view name, bool value) {
    key(out, name);
    out.put(value ? "true" : "false");
}

// An entity's identifiers and properties as [key, value] pairs, sorted (as the facts come).
void putFacts(OutputBuffer& out, const Provenance& provenance,
              std::span<const graph::EntityFact> facts) {
    for (auto kind : {graph::EntityFact::Kind::Identifier, graph::EntityFact::Kind::Property}) {
        key(out, kind == graph::EntityFact::Kind::Identifier ? "identifiers" : "properties");
        out.put('[');
        bool first = true;
        for (const auto& f : facts) {
            if (f.kind != kind) continue;
            if (!first) out.put(',');
            first = false;
            out.put('[');
            putJsonString(out, provenance.text(f.key));
            out.put(',');
            putJsonString(out, provenance.text(f.value));
            out.put(']');
        }
        out.put(']');
        if (kind == graph::EntityFact::Kind::Identifier) out.put(',');
    }
}

// A coordinate to a hundredth: enough for the screen, and the page stays small.
double rounded(double x) { return std::round(x * 100) / 100; }

void putTypes(OutputBuffer& out, const graph::Schema& schema) {
    key(out, "entity_types");
    out.put('[');
    const auto& types = schema.entityTypes();
    for (std::size_t t = 0; t < types.size(); ++t) {
        if (t > 0) out.put(',');
        out.put('{');
        text(out, "name", types[t].name);
        out.put(',');
        text(out, "label", types[t].label.empty() ? types[t].name : types[t].label);
        out.put(',');
        textOrNull(out, "color", rgbOf(types[t]) ? std::string_view(types[t].color) : "");
        out.put('}');
    }
    out.put("],");
    key(out, "relation_types");
    out.put('[');
    const auto& relations = schema.relationTypes();
    for (std::size_t r = 0; r < relations.size(); ++r) {
        if (r > 0) out.put(',');
        out.put('{');
        text(out, "name", relations[r].name);
        out.put(',');
        text(out, "label", relations[r].label.empty() ? relations[r].name : relations[r].label);
        out.put(',');
        textOrNull(out, "inverse_label", relations[r].inverseLabel);
        out.put(',');
        boolean(out, "directed", relations[r].directed);
        out.put(',');
        text(out, "kind", graph::relationKindName(relations[r].kind));
        out.put('}');
    }
    out.put("],");
}

// The query's figures, with entities and routes as indexes into the page's nodes and edges
// (null, or left out of a route, when the selection does not hold them).
void putFigures(OutputBuffer& out, const ViewFigures& figures,
                const std::vector<std::uint32_t>& nodePosition,
                const std::vector<std::uint32_t>& edgePosition) {
    key(out, "figures");
    out.put('{');
    text(out, "query", figures.query);
    out.put(',');
    key(out, "columns");
    out.put('[');
    for (std::size_t c = 0; c < figures.columns.size(); ++c) {
        if (c > 0) out.put(',');
        putJsonString(out, figures.columns[c]);
    }
    out.put("],");
    key(out, "rows");
    out.put('[');
    for (std::size_t r = 0; r < figures.rows.size(); ++r) {
        if (r > 0) out.put(',');
        out.put('[');
        for (std::size_t c = 0; c < figures.rows[r].size(); ++c) {
            const ViewFigureCell& cell = figures.rows[r][c];
            if (c > 0) out.put(',');
            out.put('{');
            text(out, "text", cell.text);
            out.put(',');
            key(out, "node");
            if (cell.node < nodePosition.size() && nodePosition[cell.node] != kAbsent)
                out.putInt(nodePosition[cell.node]);
            else
                out.put("null");
            out.put(',');
            key(out, "route");
            out.put('[');
            bool first = true;
            for (auto e : cell.route) {
                if (e >= edgePosition.size() || edgePosition[e] == kAbsent) continue;
                if (!first) out.put(',');
                first = false;
                out.putInt(edgePosition[e]);
            }
            out.put("]}");
        }
        out.put(']');
    }
    out.put("],");
    key(out, "notes");
    out.put('[');
    for (std::size_t n = 0; n < figures.notes.size(); ++n) {
        if (n > 0) out.put(',');
        putJsonString(out, figures.notes[n]);
    }
    out.put("]},");
}

}  // namespace

std::string viewDataJson(const ExportInput& input, const HtmlViewOptions& options) {
    // Evidence comes from the one place every export reads it (ExportedGraph's Provenance,
    // from graph::readClaimProvenance), never from a second reading of the claims.
    ExportedGraph graph(input);
    const graph::GraphView& view = graph.view();
    const Provenance& provenance = graph.provenance();
    EvidenceLevel level = graph.options().evidence;
    std::size_t nodeCount = graph.nodeCount();
    std::size_t edgeCount = graph.edgeCount();

    // Selection positions by view node, and each edge's ends as positions.
    std::vector<std::uint32_t> positionOf(view.nodeCount(), kAbsent);
    for (std::size_t i = 0; i < nodeCount; ++i) {
        positionOf[graph.node(i).node] = static_cast<std::uint32_t>(i);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends(edgeCount);
    std::vector<std::uint32_t> degree(nodeCount, 0);
    for (std::size_t i = 0; i < edgeCount; ++i) {
        auto e = graph.edge(i).edge;
        ends[i] = {positionOf[view.source(e)], positionOf[view.target(e)]};
        ++degree[ends[i].first];
        ++degree[ends[i].second];
    }
    auto positions = forceLayout(nodeCount, ends);

    // The sources the claims cite, listed once: provenance indexes are in key order, so the
    // map's order is the page's.
    std::map<std::uint32_t, std::uint32_t> pageSource;
    for (std::size_t i = 0; i < edgeCount; ++i) {
        for (const auto& c : provenance.edgeClaims(i)) {
            auto index = provenance.sourceIndex(c.source);
            if (index != Provenance::kNoSource) pageSource.emplace(index, 0);
        }
    }
    std::uint32_t next = 0;
    for (auto& [index, position] : pageSource) position = next++;

    std::ostringstream stream;
    {
        OutputBuffer out(stream);
        out.put('{');
        text(out, "format", "claimgraph-view");
        out.put(',');
        key(out, "version");
        out.putInt(1);
        out.put(',');
        text(out, "title", options.title);
        out.put(',');
        textOrNull(out, "focus", options.focus);
        out.put(',');
        text(out, "evidence", evidenceLevelName(level));
        out.put(',');
        bool sized = !options.sizeBy.empty() && options.sizeScores.size() == view.nodeCount();
        textOrNull(out, "size_by", sized ? options.sizeBy : std::string());
        out.put(',');
        if (options.figures) {
            std::vector<std::uint32_t> edgePosition(view.edgeCount(), kAbsent);
            for (std::size_t i = 0; i < edgeCount; ++i)
                edgePosition[graph.edge(i).edge] = static_cast<std::uint32_t>(i);
            putFigures(out, *options.figures, positionOf, edgePosition);
        } else {
            key(out, "figures");
            out.put("null,");
        }
        putTypes(out, view.schema());

        key(out, "sources");
        out.put('[');
        for (const auto& [index, position] : pageSource) {
            if (position > 0) out.put(',');
            out.put('{');
            text(out, "id", provenance.sourceKey(index));
            out.put(',');
            textOrNull(out, "title", provenance.sourceTitle(index));
            out.put(',');
            textOrNull(out, "publisher", provenance.sourcePublisher(index));
            out.put(',');
            textOrNull(out, "url", provenance.sourceUrl(index));
            out.put(',');
            textOrNull(out, "published", provenance.sourcePublished(index));
            out.put('}');
        }
        out.put("],");

        key(out, "nodes");
        out.put('[');
        for (std::size_t i = 0; i < nodeCount; ++i) {
            NodeRecord r = graph.node(i);
            if (i > 0) out.put(',');
            out.put('{');
            text(out, "id", r.key);
            out.put(',');
            key(out, "entity_id");
            out.putInt(r.entity);
            out.put(',');
            text(out, "name", r.name);
            out.put(',');
            key(out, "type");
            out.putInt(view.nodeType(r.node));
            out.put(',');
            real(out, "x", rounded(positions[i].x));
            out.put(',');
            real(out, "y", rounded(positions[i].y));
            out.put(',');
            key(out, "degree");
            out.putInt(degree[i]);
            out.put(',');
            if (sized) {
                real(out, "size_score", options.sizeScores[r.node]);
                out.put(',');
            }
            real(out, "confidence", r.confidence);
            out.put(',');
            boolean(out, "disputed", r.disputed);
            out.put(',');
            key(out, "aliases");
            out.put('[');
            for (std::size_t a = 0; a < r.aliases.size(); ++a) {
                if (a > 0) out.put(',');
                putJsonString(out, r.aliases[a]);
            }
            out.put("],");
            putFacts(out, provenance, provenance.nodeFacts(i));
            out.put('}');
        }
        out.put("],");

        key(out, "edges");
        out.put('[');
        for (std::size_t i = 0; i < edgeCount; ++i) {
            EdgeRecord r = graph.edge(i);
            if (i > 0) out.put(',');
            out.put('{');
            key(out, "id");
            out.putInt(r.relation);
            out.put(',');
            key(out, "source");
            out.putInt(ends[i].first);
            out.put(',');
            key(out, "target");
            out.putInt(ends[i].second);
            out.put(',');
            key(out, "type");
            out.putInt(view.relationType(r.edge));
            out.put(',');
            boolean(out, "directed", !r.symmetric);
            out.put(',');
            real(out, "confidence", r.confidence);
            out.put(',');
            key(out, "support");
            out.putInt(r.support);
            out.put(',');
            boolean(out, "disputed", r.disputed);
            out.put(',');
            text(out, "stance", r.stance);
            out.put(',');
            key(out, "share");
            if (r.share) {
                out.put('[');
                out.putReal(r.share->first);
                out.put(',');
                out.putReal(r.share->second);
                out.put(']');
            } else {
                out.put("null");
            }
            out.put(',');
            dayOrNull(out, "valid_from", r.validFrom);
            out.put(',');
            dayOrNull(out, "valid_to", r.validTo);
            out.put(',');
            // At summary level only the strongest claim's quote goes out (EdgeRecord::quotes).
            std::string_view summaryQuote = r.quotes.empty() ? "" : r.quotes.front();
            key(out, "claims");
            out.put('[');
            bool first = true;
            for (const auto& c : provenance.edgeClaims(i)) {
                if (!first) out.put(',');
                first = false;
                out.put('{');
                text(out, "id", provenance.text(c.key));
                out.put(',');
                key(out, "source");
                auto index = provenance.sourceIndex(c.source);
                if (index == Provenance::kNoSource)
                    out.put("null");
                else
                    out.putInt(pageSource[index]);
                out.put(',');
                text(out, "stance", c.denies ? "denies" : "asserts");
                out.put(',');
                real(out, "confidence", c.confidence);
                out.put(',');
                auto quote = provenance.text(c.quote);
                bool shown = level == EvidenceLevel::Full ||
                             (level == EvidenceLevel::Summary && quote == summaryQuote);
                if (shown && level == EvidenceLevel::Summary) summaryQuote = {};
                textOrNull(out, "quote", shown ? quote : "");
                out.put(',');
                textOrNull(out, "valid_from", provenance.text(c.validFrom));
                out.put(',');
                textOrNull(out, "valid_to", provenance.text(c.validTo));
                out.put(',');
                key(out, "attributes");
                out.put('[');
                bool firstAttribute = true;
                for (const auto& a : provenance.attributes(c)) {
                    if (!firstAttribute) out.put(',');
                    firstAttribute = false;
                    out.put('[');
                    putJsonString(
                        out, graph::kClaimAttributeNames[static_cast<std::size_t>(a.attribute)]);
                    out.put(',');
                    putJsonString(out, provenance.text(a.value));
                    out.put(']');
                }
                out.put("]}");
            }
            out.put("]}");
        }
        out.put("]}");
        out.flush();
    }
    return stream.str();
}

std::string htmlSafeJson(const std::string& json) {
    std::string out;
    out.reserve(json.size() + json.size() / 16);
    for (char c : json) {
        switch (c) {
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace cg::exporters
