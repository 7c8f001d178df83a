// SPDX-License-Identifier: MIT
#pragma once

#include "export/writer.hpp"

namespace cg::exporters {

/// GEXF 1.3 for Gephi's timeline, valid against the GEXF RELAX NG schema: dynamic mode with
/// dates, start/end on dated edges and spells where the claims give disjoint intervals, the
/// relation type as edge `kind`, confidence as `weight`, node colours from the schema's
/// entity type colours, and every other attribute as typed attvalues.
class GexfWriter : public GraphWriter {
  public:
    void write(const ExportInput& input, std::ostream& out) override;
};

}  // namespace cg::exporters
