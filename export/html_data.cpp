// SPDX-License-Identifier: MIT
#include "export/html_data.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/layout.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

namespace cg::exporters {

namespace {

constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

// What the page shows of an entity besides its main name.
struct EntityFacts {
    std::vector<std::string> aliases;
    std::vector<std::pair<std::string, std::string>> identifiers;
    std::vector<std::pair<std::string, std::string>> properties;
};

template <typename T>
void sortUnique(std::vector<T>& items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
}

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

void pairs(OutputBuffer& out, std::string_view name,
           const std::vector<std::pair<std::string, std::string>>& items) {
    key(out, name);
    out.put('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out.put(',');
        out.put('[');
        putJsonString(out, items[i].first);
        out.put(',');
        putJsonString(out, items[i].second);
        out.put(']');
    }
    out.put(']');
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
        out.put('}');
    }
    out.put("],");
}

}  // namespace

std::string viewDataJson(const ExportInput& input, const HtmlViewOptions& options) {
    ExportedGraph graph(input);
    const graph::GraphView& view = graph.view();
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

    std::vector<EntityFacts> facts(nodeCount);
    input.store.forEachEntityFact([&](graph::EntityId entity, graph::Store::FactKind kind,
                                      const std::string& name, const std::string& value) {
        auto node = view.node(entity);
        if (node == graph::GraphView::kNoNode || positionOf[node] == kAbsent) return;
        EntityFacts& f = facts[positionOf[node]];
        switch (kind) {
            case graph::Store::FactKind::Name:
                if (value != view.name(node)) f.aliases.push_back(value);
                break;
            case graph::Store::FactKind::Identifier:
                f.identifiers.emplace_back(name, value);
                break;
            case graph::Store::FactKind::Property:
                f.properties.emplace_back(name, value);
                break;
        }
    });
    for (auto& f : facts) {
        sortUnique(f.aliases);
        sortUnique(f.identifiers);
        sortUnique(f.properties);
    }

    // The claims of each edge, and the sources they cite (listed once, in key order).
    std::vector<std::vector<graph::ClaimRow>> claims(edgeCount);
    std::map<std::string, std::uint32_t> sourceIndex;
    for (std::size_t i = 0; i < edgeCount; ++i) {
        claims[i] = input.store.claimsOfRelation(graph.edge(i).relation);
        for (const auto& c : claims[i]) sourceIndex.emplace(c.sourceKey, 0);
    }
    std::vector<graph::Source> sources;
    input.store.forEachSource([&](graph::SourceId, const graph::Source& source) {
        auto it = sourceIndex.find(source.key);
        if (it == sourceIndex.end()) return;
        it->second = static_cast<std::uint32_t>(sources.size());
        sources.push_back(source);
    });

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
        putTypes(out, view.schema());

        key(out, "sources");
        out.put('[');
        for (std::size_t s = 0; s < sources.size(); ++s) {
            if (s > 0) out.put(',');
            out.put('{');
            text(out, "id", sources[s].key);
            out.put(',');
            textOrNull(out, "title", sources[s].title);
            out.put(',');
            textOrNull(out, "publisher", sources[s].publisher);
            out.put(',');
            textOrNull(out, "url", sources[s].url);
            out.put(',');
            textOrNull(out, "published", sources[s].published);
            out.put(',');
            textOrNull(out, "kind", sources[s].kind);
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
            real(out, "confidence", r.confidence);
            out.put(',');
            boolean(out, "disputed", r.disputed);
            out.put(',');
            key(out, "aliases");
            out.put('[');
            for (std::size_t a = 0; a < facts[i].aliases.size(); ++a) {
                if (a > 0) out.put(',');
                putJsonString(out, facts[i].aliases[a]);
            }
            out.put("],");
            pairs(out, "identifiers", facts[i].identifiers);
            out.put(',');
            pairs(out, "properties", facts[i].properties);
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
            key(out, "claims");
            out.put('[');
            for (std::size_t c = 0; c < claims[i].size(); ++c) {
                const graph::ClaimRow& claim = claims[i][c];
                if (c > 0) out.put(',');
                out.put('{');
                text(out, "id", claim.key);
                out.put(',');
                key(out, "source");
                out.putInt(sourceIndex[claim.sourceKey]);
                out.put(',');
                text(out, "stance", claim.stance == graph::Stance::Denies ? "denies" : "asserts");
                out.put(',');
                real(out, "confidence", claim.confidence);
                out.put(',');
                textOrNull(out, "quote", claim.quote);
                out.put(',');
                textOrNull(out, "valid_from", claim.validFrom);
                out.put(',');
                textOrNull(out, "valid_to", claim.validTo);
                out.put(',');
                textOrNull(out, "attributes", claim.attributesJson);
                out.put('}');
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
