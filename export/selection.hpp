// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

#include "graph/subgraph.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// The nodes and edges an export writes, in index order: the whole view, or a query
/// result's subgraph together with the endpoints of its edges.
class Selection {
  public:
    using Node = graph::GraphView::Node;
    using Edge = graph::GraphView::Edge;

    /// Selects the whole view, or only `subgraph` when given (copied and normalised, so an
    /// edge never points at a node that is not written).
    explicit Selection(const graph::GraphView& view, const graph::Subgraph* subgraph = nullptr)
        : whole_(subgraph == nullptr), nodeCount_(view.nodeCount()), edgeCount_(view.edgeCount()) {
        if (whole_) return;
        graph::Subgraph part = *subgraph;
        part.normalize(view);
        nodes_ = std::move(part.nodes);
        edges_ = std::move(part.edges);
        nodeCount_ = nodes_.size();
        edgeCount_ = edges_.size();
    }

    std::size_t nodeCount() const { return nodeCount_; }
    std::size_t edgeCount() const { return edgeCount_; }
    /// The i-th selected node (ascending).
    Node node(std::size_t i) const { return whole_ ? static_cast<Node>(i) : nodes_[i]; }
    /// The i-th selected edge (ascending).
    Edge edge(std::size_t i) const { return whole_ ? static_cast<Edge>(i) : edges_[i]; }

  private:
    bool whole_;
    std::size_t nodeCount_;
    std::size_t edgeCount_;
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
};

}  // namespace cg::exporters
