// SPDX-License-Identifier: MIT
#include "export/writer_factory.hpp"

#include "export/cytoscape_json_writer.hpp"
#include "export/ftm_writer.hpp"
#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/html_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/node_link_json_writer.hpp"
#include "graph/error.hpp"

namespace cg::exporters {

const std::vector<std::string>& formatNames() {
    static const std::vector<std::string> names{"graphml", "gexf", "json", "cytoscape",
                                                "neo4j",   "ftm",  "html"};
    return names;
}

std::string formatList() {
    std::string list;
    for (const auto& name : formatNames()) {
        if (!list.empty()) list += ", ";
        list += name;
    }
    return list;
}

std::unique_ptr<GraphWriter> makeWriter(const std::string& format) {
    if (format == "graphml") return std::make_unique<GraphmlWriter>();
    if (format == "gexf") return std::make_unique<GexfWriter>();
    if (format == "json") return std::make_unique<NodeLinkJsonWriter>();
    if (format == "cytoscape") return std::make_unique<CytoscapeJsonWriter>();
    if (format == "neo4j") return std::make_unique<Neo4jCsvWriter>();
    if (format == "ftm") return std::make_unique<FtmWriter>();
    if (format == "html") return std::make_unique<HtmlWriter>();
    throw InputError("--format: unknown export format '" + format + "' (expected " + formatList() +
                     ")");
}

}  // namespace cg::exporters
