// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <vector>

#include "graph/view.hpp"

namespace cg::graph {

/// A part of a view: the nodes and edges a query result covers, each sorted and unique.
/// Exporters write it like a whole graph; every edge keeps its relation id, so its claims
/// can be explained.
struct Subgraph {
    std::vector<GraphView::Node> nodes;
    std::vector<GraphView::Edge> edges;

    /// Sorts and de-duplicates, and adds the endpoints of every edge to the nodes.
    void normalize(const GraphView& view) {
        for (auto e : edges) {
            nodes.push_back(view.source(e));
            nodes.push_back(view.target(e));
        }
        std::sort(nodes.begin(), nodes.end());
        nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
        std::sort(edges.begin(), edges.end());
        edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    }
};

}  // namespace cg::graph
