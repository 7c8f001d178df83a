// SPDX-License-Identifier: MIT
#include "cli/report_diagram.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/layout.hpp"
#include "graph/view.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::cli {

namespace {

using graph::GraphView;

// The order in which neighbours earn a place in the drawing: nearer first, then by the
// relation that reached them (more credible, then more asserting claims), then by name and
// node, so that the choice never depends on the order the search met them in.
auto drawOrder(const GraphView& view, const queries::Neighbour& n) {
    return std::make_tuple(n.hops, -view.confidence(n.via.edge), -view.supportCount(n.via.edge),
                           std::cref(view.name(n.node)), n.node);
}

std::string edgeLabel(const GraphView& view, GraphView::Edge e) {
    const graph::RelationType& type = view.relationTypeOf(e);
    std::string label = type.label.empty() ? type.name : type.label;
    if (auto share = view.share(e)) {
        label += " " + queries::shareText(queries::decimal(share->first),
                                          queries::decimal(share->second));
    }
    return label;
}

}  // namespace

exporters::ReportDiagram assembleDiagram(const GraphView& view, graph::EntityId entity, int hops,
                                         std::size_t maxNodes) {
    exporters::ReportDiagram diagram;
    diagram.hops = hops;
    const graph::Schema& schema = view.schema();
    GraphView::Node centre = view.node(entity);
    if (centre == GraphView::kNoNode) return diagram;
    queries::Walk walk = queries::connectionWalk(view, {}, false, false);

    // Uncapped, so that what is left out is counted exactly; the drawing's cap comes after.
    std::vector<queries::Neighbour> found = queries::neighbourhoodOf(walk, centre, hops, 0);
    std::sort(found.begin() + 1, found.end(), [&](const auto& a, const auto& b) {
        return drawOrder(view, a) < drawOrder(view, b);
    });
    // Sorted nearer first, every entity drawn at distance d + 1 has its parent among those
    // drawn at distance d, so the drawing stays connected.
    std::size_t drawn = std::min(found.size(), std::max<std::size_t>(maxNodes, 1));
    std::map<std::string, std::size_t> leftByType;
    for (std::size_t i = drawn; i < found.size(); ++i)
        ++leftByType[schema.entityType(view.nodeType(found[i].node)).name];
    diagram.leftOut = found.size() - drawn;
    for (const auto& [type, n] : leftByType) {
        diagram.leftOutTypes +=
            (diagram.leftOutTypes.empty() ? "" : ", ") + std::to_string(n) + " " + type;
    }

    std::map<GraphView::Node, std::size_t> index;
    for (std::size_t i = 0; i < drawn; ++i) {
        GraphView::Node v = found[i].node;
        index[v] = i;
        const graph::EntityType& type = schema.entityType(view.nodeType(v));
        diagram.nodes.push_back({view.name(v), type.name,
                                 exporters::rgbOf(type) ? type.color : std::string(), 0, 0,
                                 i == 0});
    }
    // Every connection relation among the drawn entities, in edge order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    for (std::size_t i = 0; i < drawn; ++i) {
        auto [b, e] = view.outEdges(found[i].node);
        for (GraphView::Edge x = b; x < e; ++x) {
            auto to = index.find(view.target(x));
            if (!walk.allows(x) || to == index.end()) continue;
            bool denied = view.supportCount(x) == 0;
            diagram.edges.push_back({i, to->second, edgeLabel(view, x), view.directed(x),
                                     view.disputed(x) && !denied, denied});
            links.emplace_back(static_cast<std::uint32_t>(i),
                               static_cast<std::uint32_t>(to->second));
        }
    }
    std::vector<exporters::LayoutPoint> at = exporters::forceLayout(diagram.nodes.size(), links);
    for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
        diagram.nodes[i].x = at[i].x;
        diagram.nodes[i].y = at[i].y;
    }
    return diagram;
}

}  // namespace cg::cli
