// SPDX-License-Identifier: MIT
#pragma once

#include "export/writer.hpp"

namespace cg::exporters {

/// networkx 3.x node-link JSON (`directed`, `multigraph`, `graph`, `nodes`, `edges` with
/// `key`), as `networkx.node_link_graph` reads it by default: node ids are entity ids,
/// edge keys e<relation id>, every attribute a member, source ids an array.
class NodeLinkJsonWriter : public GraphWriter {
  public:
    void write(const ExportInput& input, std::ostream& out) override;
};

}  // namespace cg::exporters
