// SPDX-License-Identifier: MIT
#pragma once

#include "export/writer.hpp"

namespace cg::exporters {

/// Cytoscape.js elements JSON (`elements.nodes[].data`, `elements.edges[].data`, with the
/// entity or relation type as `classes` for styling), laid out so that networkx's
/// `cytoscape_graph` reads it too (`directed`, `multigraph`, node `value`, edge `key`).
class CytoscapeJsonWriter : public GraphWriter {
  public:
    void write(const ExportInput& input, std::ostream& out) override;
};

}  // namespace cg::exporters
