// SPDX-License-Identifier: MIT
#include "export/export_graph.hpp"

#include "export/selection.hpp"
#include "export/writer_factory.hpp"
#include "graph/error.hpp"

namespace cg::exporters {

ExportSummary exportGraph(const ExportInput& input, const std::string& format,
                          const std::string& out, std::ostream& stream) {
    auto writer = makeWriter(format);
    return exportGraph(input, *writer, format, out, stream);
}

ExportSummary exportGraph(const ExportInput& input, GraphWriter& writer, const std::string& format,
                          const std::string& out, std::ostream& stream) {
    bool toStream = out.empty() || out == "-";
    if (toStream && writer.writesDirectory()) {
        throw InputError("--out: the " + format +
                         " format writes a directory of files, not one "
                         "stream; give --out DIR");
    }
    ExportSummary summary;
    summary.format = format;
    Selection selection(input.view, input.subgraph);
    summary.nodes = selection.nodeCount();
    summary.edges = selection.edgeCount();
    if (toStream) {
        writer.write(input, stream);
    } else {
        summary.files = writer.writeTo(input, out);
    }
    return summary;
}

}  // namespace cg::exporters
