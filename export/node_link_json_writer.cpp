// SPDX-License-Identifier: MIT
#include "export/node_link_json_writer.hpp"

#include "export/exported_graph.hpp"
#include "export/json_members.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

namespace cg::exporters {

void NodeLinkJsonWriter::write(const ExportInput& input, std::ostream& stream) {
    ExportedGraph graph(input);
    OutputBuffer out(stream);
    // One node or edge per line: diffs stay readable and line tools can cut the file.
    out.put(
        "{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"claimgraph\", "
        "\"selection\": ");
    out.put(selectionJson(graph.options()));
    out.put("},\n\"nodes\": [");
    JsonMembers nodeMembers(out, graph, graph.nodeAttributes());
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        out.put(i == 0 ? "\n{\"id\": " : ",\n{\"id\": ");
        putJsonString(out, r.key);
        ExportedGraph::visit(r, nodeMembers);
        out.put('}');
    }
    out.put("\n],\n\"edges\": [");
    JsonMembers edgeMembers(out, graph, graph.edgeAttributes());
    for (std::size_t i = 0; i < graph.edgeCount(); ++i) {
        EdgeRecord r = graph.edge(i);
        out.put(i == 0 ? "\n{\"source\": " : ",\n{\"source\": ");
        putJsonString(out, r.sourceKey);
        out.put(", \"target\": ");
        putJsonString(out, r.targetKey);
        out.put(", \"key\": \"e");
        out.putInt(r.relation);
        out.put('"');
        ExportedGraph::visit(r, edgeMembers);
        out.put('}');
    }
    out.put("\n]}\n");
    out.flush();
}

}  // namespace cg::exporters
