// SPDX-License-Identifier: MIT
#pragma once

#include "export/writer.hpp"

namespace cg::exporters {

/// GraphML as Gephi, networkx and igraph read it, valid against the GraphML XSD: node ids
/// n<entity id> and edge ids e<relation id> (NMTOKENs), typed keys named `label` (nodes
/// and edges) and `weight` (edges) with ids that are none of Gephi's special names,
/// booleans as true/false, every edge directed from the view's source (undirected
/// relations in canonical order with `symmetric` true).
class GraphmlWriter : public GraphWriter {
  public:
    void write(const ExportInput& input, std::ostream& out) override;
};

}  // namespace cg::exporters
