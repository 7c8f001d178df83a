// SPDX-License-Identifier: MIT
// The report's small drawing of an entity's neighbourhood (docs/report.md, "Neighbourhood").
#pragma once

#include <cstddef>

#include "export/report_document.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"

namespace cg::cli {

/// At most this many entities, the entity included, are drawn.
inline constexpr std::size_t kDiagramNodes = 24;

/// The entities within `hops` of `entity` along the connection queries' relations
/// (queries::connectionWalk, as `query neighbours` walks them), on a view that keeps
/// relations only denied, since the report shows denials. At most `maxNodes` are drawn, the
/// entity included, chosen deterministically: nearer first, then by the confidence of the
/// relation that reached them (higher first), its number of asserting claims (more first),
/// name and id; the others are counted by type as left out. Every connection relation among
/// the drawn entities is drawn (disputed and denied ones marked), placed by
/// exporters::forceLayout. An entity the view lacks gives an empty diagram. O(sum of the
/// degrees within `hops`) after building the view.
exporters::ReportDiagram assembleDiagram(graph::Store& store, const graph::Schema& schema,
                                         graph::EntityId entity, int hops,
                                         std::size_t maxNodes = kDiagramNodes);

}  // namespace cg::cli
