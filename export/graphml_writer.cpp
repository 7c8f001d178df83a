// SPDX-License-Identifier: MIT
#include "export/graphml_writer.hpp"

#include <array>
#include <iterator>
#include <string>

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
        case AttributeType::Date:
            return "string";
    }
    return "string";
}

constexpr XmlValueSyntax kData{"<data key=\"", "\">", "</data>", XmlContext::Text};

template <std::size_t N>
void putKeys(OutputBuffer& out, std::string_view domain, std::string_view prefix,
             const AttributeDef (&defs)[N]) {
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
    putKeys(out, "node", "node_", kNodeAttributes);
    putKeys(out, "edge", "edge_", kEdgeAttributes);
    out.put("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n");

    XmlValues nodeData(out, graph, kData, "node_", kNodeAttributes);
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        out.put("    <node id=\"n");
        out.putInt(r.entity);
        out.put("\">");
        ExportedGraph::visit(r, nodeData);
        out.put("</node>\n");
    }
    XmlValues edgeData(out, graph, kData, "edge_", kEdgeAttributes);
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
