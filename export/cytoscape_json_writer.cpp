// SPDX-License-Identifier: MIT
#include "export/cytoscape_json_writer.hpp"

#include "export/exported_graph.hpp"
#include "export/json_members.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

namespace cg::exporters {

void CytoscapeJsonWriter::write(const ExportInput& input, std::ostream& stream) {
    ExportedGraph graph(input);
    OutputBuffer out(stream);
    out.put("{\"data\": {\"generator\": \"claimgraph\", \"selection\": ");
    out.put(selectionJson(graph.options()));
    out.put("}, \"directed\": true, \"multigraph\": true,\n\"elements\": {\"nodes\": [");
    JsonMembers nodeMembers(out, graph, graph.nodeAttributes());
    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        out.put(i == 0 ? "\n{\"data\": {\"id\": " : ",\n{\"data\": {\"id\": ");
        putJsonString(out, r.key);
        // networkx identifies a node by `value`; Cytoscape.js by `id`. Both are the entity id.
        out.put(", \"value\": ");
        putJsonString(out, r.key);
        ExportedGraph::visit(r, nodeMembers);
        out.put("}, \"classes\": ");
        putJsonString(out, r.type->name);
        out.put('}');
    }
    out.put("\n],\n\"edges\": [");
    JsonMembers edgeMembers(out, graph, graph.edgeAttributes());
    for (std::size_t i = 0; i < graph.edgeCount(); ++i) {
        EdgeRecord r = graph.edge(i);
        out.put(i == 0 ? "\n{\"data\": {\"id\": \"e" : ",\n{\"data\": {\"id\": \"e");
        out.putInt(r.relation);
        out.put("\", \"key\": \"e");
        out.putInt(r.relation);
        out.put("\", \"source\": ");
        putJsonString(out, r.sourceKey);
        out.put(", \"target\": ");
        putJsonString(out, r.targetKey);
        ExportedGraph::visit(r, edgeMembers);
        out.put("}, \"classes\": ");
        putJsonString(out, r.type->name);
        out.put('}');
    }
    out.put("\n]}}\n");
    out.flush();
}

}  // namespace cg::exporters
