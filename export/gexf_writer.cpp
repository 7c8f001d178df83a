// SPDX-License-Identifier: MIT
#include "export/gexf_writer.hpp"

#include <array>
#include <string>

#include "export/exported_graph.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"
#include "export/xml_values.hpp"

namespace cg::exporters {

namespace {

std::string_view gexfType(AttributeType type) {
    switch (type) {
        case AttributeType::Int:
            return "integer";
        case AttributeType::Long:
            return "long";
        case AttributeType::Real:
            return "double";
        case AttributeType::Boolean:
            return "boolean";
        case AttributeType::String:
        case AttributeType::StringList:
        case AttributeType::Date:
            return "string";
    }
    return "string";
}

constexpr XmlValueSyntax kAttvalue{"<attvalue for=\"", "\" value=\"", "\"/>",
                                   XmlContext::Attribute};

template <std::size_t N>
void putAttributes(OutputBuffer& out, std::string_view domain, const AttributeDef (&defs)[N],
                   const std::array<bool, N>& skip) {
    out.put("    <attributes class=\"");
    out.put(domain);
    out.put("\">\n");
    for (std::size_t i = 0; i < N; ++i) {
        if (skip[i]) continue;
        out.put("      <attribute id=\"");
        out.put(defs[i].name);
        out.put("\" title=\"");
        out.put(defs[i].name);
        out.put("\" type=\"");
        out.put(gexfType(defs[i].type));
        out.put("\"/>\n");
    }
    out.put("    </attributes>\n");
}

void putTime(OutputBuffer& out, const DayInterval& span) {
    if (span.from != 0) {
        out.put(" start=\"");
        out.putDay(span.from);
        out.put('"');
    }
    if (span.to != 0) {
        out.put(" end=\"");
        out.putDay(span.to);
        out.put('"');
    }
}

constexpr std::size_t kNodeCount = std::size(kNodeAttributes);
constexpr std::size_t kEdgeCount = std::size(kEdgeAttributes);

constexpr std::array<bool, kNodeCount> nodeSkips() {
    std::array<bool, kNodeCount> skip{};
    skip[kNodeLabel] = true;
    return skip;
}

constexpr std::array<bool, kEdgeCount> edgeSkips() {
    std::array<bool, kEdgeCount> skip{};
    skip[kEdgeLabel] = true;
    skip[kEdgeWeight] = true;
    return skip;
}

}  // namespace

void GexfWriter::write(const ExportInput& input, std::ostream& stream) {
    ExportedGraph graph(input);
    OutputBuffer out(stream);
    constexpr auto nodeSkip = nodeSkips();
    constexpr auto edgeSkip = edgeSkips();
    // No lastmodifieddate: the same input must give the same bytes. No xsi:schemaLocation:
    // the RELAX NG schema does not allow it and Gephi does not need it.
    out.put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        "version=\"1.3\">\n"
        "  <meta>\n"
        "    <creator>claimgraph</creator>\n"
        "    <description>entities and relations drawn from claims, with their "
        "sources</description>\n"
        "  </meta>\n"
        "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
        "idtype=\"string\">\n");
    putAttributes(out, "node", kNodeAttributes, nodeSkip);
    putAttributes(out, "edge", kEdgeAttributes, edgeSkip);

    // Colours are per type; compute each type's element once.
    const auto& types = graph.view().schema().entityTypes();
    std::vector<std::string> colours(types.size());
    for (std::size_t t = 0; t < types.size(); ++t) {
        if (auto rgb = rgbOf(types[t])) {
            colours[t] = "<viz:color r=\"" + std::to_string((*rgb)[0]) + "\" g=\"" +
                         std::to_string((*rgb)[1]) + "\" b=\"" + std::to_string((*rgb)[2]) + "\"/>";
        }
    }

    XmlValues nodeValues(out, graph, kAttvalue, "", kNodeAttributes, nodeSkip);
    out.put("    <nodes count=\"");
    out.putInt(static_cast<std::int64_t>(graph.nodeCount()));
    out.put("\">\n");
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        out.put("      <node id=\"n");
        out.putInt(r.entity);
        out.put("\" label=\"");
        putXml(out, r.name, XmlContext::Attribute);
        out.put("\"><attvalues>");
        ExportedGraph::visit(r, nodeValues);
        out.put("</attvalues>");
        out.put(colours[graph.view().nodeType(r.node)]);
        out.put("</node>\n");
    }
    out.put("    </nodes>\n");

    XmlValues edgeValues(out, graph, kAttvalue, "", kEdgeAttributes, edgeSkip);
    out.put("    <edges count=\"");
    out.putInt(static_cast<std::int64_t>(graph.edgeCount()));
    out.put("\">\n");
    for (std::size_t i = 0; i < graph.edgeCount(); ++i) {
        EdgeRecord r = graph.edge(i);
        out.put("      <edge id=\"e");
        out.putInt(r.relation);
        out.put("\" source=\"n");
        out.putInt(r.sourceEntity);
        out.put("\" target=\"n");
        out.putInt(r.targetEntity);
        out.put("\" label=\"");
        putXml(out, r.type->label, XmlContext::Attribute);
        out.put("\" kind=\"");
        putXml(out, r.type->name, XmlContext::Attribute);
        out.put("\" weight=\"");
        out.putReal(r.confidence);
        out.put('"');
        // One interval goes on the edge itself; an interrupted relation gets spells.
        if (r.intervals.size() == 1) putTime(out, r.intervals.front());
        out.put("><attvalues>");
        ExportedGraph::visit(r, edgeValues);
        out.put("</attvalues>");
        if (r.intervals.size() > 1) {
            out.put("<spells>");
            for (const auto& span : r.intervals) {
                out.put("<spell");
                putTime(out, span);
                out.put("/>");
            }
            out.put("</spells>");
        }
        out.put("</edge>\n");
    }
    out.put("    </edges>\n  </graph>\n</gexf>\n");
    out.flush();
}

}  // namespace cg::exporters
