// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <string>

#include "export/report_document.hpp"

namespace cg::exporters {

/// Writes the diagram as an inline SVG element: nodes at their laid-out places scaled to
/// the page's width, filled with their type's colour (the entity ringed), relations as lines
/// with arrows when directed (dashed when disputed, dotted when only denied) and their
/// labels, a legend of the types and line styles shown; every text from the data escaped.
/// Writes nothing for an empty diagram. O(nodes + edges).
void writeDiagramSvg(const ReportDiagram& diagram, std::ostream& out);

/// What the diagram shows, as one unescaped sentence or two: how far it reaches, how many
/// entities it draws and how many of each type it leaves out, and how stances are drawn.
std::string describeDiagram(const ReportDiagram& diagram);

}  // namespace cg::exporters
