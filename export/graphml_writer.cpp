// SPDX-License-Identifier: MIT
#include "export/graphml_writer.hpp"

#include <array>
#include <iterator>
#include <string>

#include "export/exported_graph.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

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

// Writes <data> elements; the opening tags are built once, so a value costs one copy.
template <std::size_t N>
class DataWriter {
  public:
    DataWriter(OutputBuffer& out, const ExportedGraph& graph, std::string_view prefix,
               const AttributeDef (&defs)[N])
        : out_(out), graph_(graph) {
        for (std::size_t i = 0; i < N; ++i) {
            open_[i] = "<data key=\"" + std::string(prefix) + std::string(defs[i].name) + "\">";
        }
    }

    void text(std::size_t i, std::string_view value) {
        out_.put(open_[i]);
        putXml(out_, value, XmlContext::Text);
        out_.put("</data>");
    }
    void integer(std::size_t i, std::int64_t value) {
        out_.put(open_[i]);
        out_.putInt(value);
        out_.put("</data>");
    }
    void real(std::size_t i, float value) {
        out_.put(open_[i]);
        out_.putReal(value);
        out_.put("</data>");
    }
    void boolean(std::size_t i, bool value) {
        out_.put(open_[i]);
        out_.put(value ? "true" : "false");
        out_.put("</data>");
    }
    void sources(std::size_t i, std::span<const std::uint32_t> list) {
        out_.put(open_[i]);
        bool first = true;
        for (auto s : list) {
            if (!first) out_.put(';');
            first = false;
            putXml(out_, graph_.sourceKey(s), XmlContext::Text);
        }
        out_.put("</data>");
    }
    void day(std::size_t i, std::int32_t value) {
        out_.put(open_[i]);
        out_.putDay(value);
        out_.put("</data>");
    }

  private:
    OutputBuffer& out_;
    const ExportedGraph& graph_;
    std::array<std::string, N> open_;
};

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

    DataWriter nodeData(out, graph, "node_", kNodeAttributes);
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        out.put("    <node id=\"n");
        out.putInt(r.entity);
        out.put("\">");
        ExportedGraph::visit(r, nodeData);
        out.put("</node>\n");
    }
    DataWriter edgeData(out, graph, "edge_", kEdgeAttributes);
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
