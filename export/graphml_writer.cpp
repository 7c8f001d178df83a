// SPDX-License-Identifier: MIT
#include "export/graphml_writer.hpp"

#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"
#include "export/xml_values.hpp"

namespace cg::exporters {

namespace {

std::string_view graphmlType(AttributeType type) {
    switch (type) {
        case AttributeType::Int:
            return "int";
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

constexpr XmlValueSyntax kData{"<data key=\"", "\">", "</data>", XmlContext::Text};

void putKeys(OutputBuffer& out, std::string_view domain, std::string_view prefix,
             const std::vector<AttributeDef>& defs) {
    for (const auto& def : defs) {
        out.put("  <key id=\"");
        out.put(prefix);
        out.put(def.name);
        out.put("\" for=\"");
        out.put(domain);
        out.put("\" attr.name=\"");
        out.put(def.name);
        out.put("\" attr.type=\"");
        out.put(graphmlType(def.type));
        out.put("\"/>\n");
    }
}

}  // namespace

void GraphmlWriter::write(const ExportInput& input, std::ostream& stream) {
    ExportedGraph graph(input);
    OutputBuffer out(stream);
    out.put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    // Key ids carry a node_/edge_ prefix: Gephi gives meaning to ids such as "label",
    // "weight", "r", "g", "b", "x", "y" and "size", so ours must never be one of them.
    putKeys(out, "node", "node_", graph.nodeAttributes());
    // The type's colour again as the r, g, b integers Gephi's GraphML import turns into the
    // node colour (the same colour GEXF gives in viz:color); yEd maps `color` itself.
    out.put(
        "  <key id=\"node_r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
        "  <key id=\"node_g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
        "  <key id=\"node_b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n");
    putKeys(out, "edge", "edge_", graph.edgeAttributes());
    out.put(
        "  <key id=\"graph_selection\" for=\"graph\" attr.name=\"selection\" "
        "attr.type=\"string\"/>\n");
    out.put("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n    <desc>");
    // What the file holds, for people (desc) and programs (the graph's `selection`).
    putXml(out, "claimgraph export; " + selectionText(graph.options()), XmlContext::Text);
    out.put("</desc>\n    <data key=\"graph_selection\">");
    putXml(out, selectionJson(graph.options()), XmlContext::Text);
    out.put("</data>\n");

    const auto& types = graph.view().schema().entityTypes();
    std::vector<std::string> colours(types.size());
    for (std::size_t t = 0; t < types.size(); ++t) {
        if (auto rgb = rgbOf(types[t])) {
            colours[t] = "<data key=\"node_r\">" + std::to_string((*rgb)[0]) +
                         "</data><data key=\"node_g\">" + std::to_string((*rgb)[1]) +
                         "</data><data key=\"node_b\">" + std::to_string((*rgb)[2]) + "</data>";
        }
    }
    XmlValues nodeData(out, graph, kData, "node_", graph.nodeAttributes());
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        out.put("    <node id=\"n");
        out.putInt(r.entity);
        out.put("\">");
        ExportedGraph::visit(r, nodeData);
        out.put(colours[graph.view().nodeType(r.node)]);
        out.put("</node>\n");
    }
    XmlValues edgeData(out, graph, kData, "edge_", graph.edgeAttributes());
    for (std::size_t i = 0; i < graph.edgeCount(); ++i) {
        EdgeRecord r = graph.edge(i);
        out.put("    <edge id=\"e");
        out.putInt(r.relation);
        out.put("\" source=\"n");
        out.putInt(r.sourceEntity);
        out.put("\" target=\"n");
        out.putInt(r.targetEntity);
        out.put("\">");
        ExportedGraph::visit(r, edgeData);
        out.put("</edge>\n");
    }
    out.put("  </graph>\n</graphml>\n");
    out.flush();
}

}  // namespace cg::exporters
