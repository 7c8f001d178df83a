// SPDX-License-Identifier: MIT
// The report's small drawing of an entity's neighbourhood (docs/report.md, "Neighbourhood").
#pragma once

#include <cstddef>

#include "export/report_document.hpp"
#include "graph/view.hpp"

namespace cg::cli {

/// At most this many entities, the entity included, are drawn.
inline constexpr std::size_t kDiagramNodes = 24;

/// The entities within `hops` of `entity` along the connection queries' relations
/// (queries::connectionWalk, as `query neighbours` walks them) in `view`, which the report
/// builds with ViewFilter::includeDenied since it shows denials. At most `maxNodes` are
/// drawn, the entity included, chosen deterministically: nearer first, then by the
/// confidence of the relation that reached them (higher first), its number of asserting
/// claims (more first), name and node; the others are counted by type as left out. Every
/// connection relation among the drawn entities is drawn (disputed ones and those only
/// denied marked), placed by exporters::forceLayout. An entity the view lacks gives an empty
/// diagram. O(sum of the degrees within `hops`).
exporters::ReportDiagram assembleDiagram(const graph::GraphView& view, graph::EntityId entity,
                                         int hops, std::size_t maxNodes = kDiagramNodes);

}  // namespace cg::cli
