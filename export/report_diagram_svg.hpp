// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>

#include "export/report_document.hpp"

namespace cg::exporters {

/// Writes the diagram as an inline SVG element: nodes at their laid-out places scaled to
/// the page's width, relations as lines (dashed when disputed) with their labels, every text
/// escaped. O(nodes + edges).
void writeDiagramSvg(const ReportDiagram& diagram, std::ostream& out);

}  // namespace cg::exporters
