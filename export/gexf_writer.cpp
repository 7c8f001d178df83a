// SPDX-License-Identifier: MIT
#include "export/gexf_writer.hpp"

#include <array>
#include <string>
#include <vector>

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
        case AttributeType::TextList:
        case AttributeType::Json:
        case AttributeType::Date:
            return "string";
    }
    return "string";
}

constexpr XmlValueSyntax kAttvalue{"<attvalue for=\"", "\" value=\"", "\"/>",
                                   XmlContext::Attribute};

void putAttributes(OutputBuffer& out, std::string_view domain,
                   const std::vector<AttributeDef>& defs, const std::vector<bool>& skip) {
    out.put("    <attributes class=\"");
    out.put(domain);
    out.put("\">\n");
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (i < skip.size() && skip[i]) continue;
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

std::vector<bool> nodeSkips() {
    std::vector<bool> skip(std::size(kNodeAttributes), false);
    skip[kNodeLabel] = true;
    return skip;
}

std::vector<bool> edgeSkips() {
    std::vector<bool> skip(std::size(kEdgeAttributes), false);
    skip[kEdgeLabel] = true;
    skip[kEdgeWeight] = true;
    return skip;
}

}  // namespace

void GexfWriter::write(const ExportInput& input, std::ostream& stream) {
    ExportedGraph graph(input);
    OutputBuffer out(stream);
    const auto nodeSkip = nodeSkips();
    const auto edgeSkip = edgeSkips();
    // No lastmodifieddate: the same input must give the same bytes. No xsi:schemaLocation:
    // the RELAX NG schema does not allow it and Gephi does not need it.
    out.put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        "version=\"1.3\">\n"
        "  <meta>\n"
        "    <creator>claimgraph</creator>\n"
        "    <description>entities and relations drawn from claims, with their "
        "sources; selection: ");
    putXml(out, selectionJson(graph.options()), XmlContext::Text);
    out.put(
        "</description>\n"
        "  </meta>\n"
        "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
        "idtype=\"string\">\n");
    putAttributes(out, "node", graph.nodeAttributes(), nodeSkip);
    putAttributes(out, "edge", graph.edgeAttributes(), edgeSkip);

    // Colours are per type; compute each type's element once.
    const auto& types = graph.view().schema().entityTypes();
    std::vector<std::string> colours(types.size());
    for (std::size_t t = 0; t < types.size(); ++t) {
        if (auto rgb = rgbOf(types[t])) {
            colours[t] = "<viz:color r=\"" + std::to_string((*rgb)[0]) + "\" g=\"" +
                         std::to_string((*rgb)[1]) + "\" b=\"" + std::to_string((*rgb)[2]) + "\"/>";
        }
    }

    XmlValues nodeValues(out, graph, kAttvalue, "", graph.nodeAttributes(), nodeSkip);
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

    XmlValues edgeValues(out, graph, kAttvalue, "", graph.edgeAttributes(), edgeSkip);
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
