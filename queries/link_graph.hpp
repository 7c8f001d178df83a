// SPDX-License-Identifier: MIT
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <utility>

#include "queries/walk.hpp"

namespace cg::queries {

/// A relation walked from `from` to `to`; `forward` when that is subject to object.
struct LinkEdge {
    Node from = 0;
    Node to = 0;
    Edge edge = 0;
    bool forward = true;

    friend bool operator==(const LinkEdge& a, const LinkEdge& b) {
        return a.edge == b.edge && a.from == b.from;
    }
    friend bool operator!=(const LinkEdge& a, const LinkEdge& b) { return !(a == b); }
};

/// The steps of a Walk as a Boost.Graph incidence and vertex-list graph, so Boost algorithms
/// (Dijkstra, connected and strong components) run on the view without copying it. `Tag` is
/// boost::undirected_tag for a walk that ignores direction, boost::directed_tag otherwise.
/// A node the walk does not pass through (Walk::passesThrough) has no steps out, unless it is
/// `origin`, where the search starts.
template <typename Tag>
class LinkGraph {
  public:
    explicit LinkGraph(const Walk& walk, Node origin = GraphView::kNoNode)
        : walk_(&walk), origin_(origin) {}
    const Walk& walk() const { return *walk_; }
    /// True when the search may step out of v.
    bool expands(Node v) const { return v == origin_ || walk_->passesThrough(v); }

  private:
    const Walk* walk_;
    Node origin_;
};

/// Iterates over the allowed steps leaving one node: its out-edges, then its in-edges walked
/// backwards when the walk (or the relation) is undirected.
class LinkEdgeIterator : public boost::iterator_facade<LinkEdgeIterator, LinkEdge,
                                                       boost::forward_traversal_tag, LinkEdge> {
  public:
    LinkEdgeIterator() = default;
    LinkEdgeIterator(const Walk* walk, Node v, bool atEnd) : walk_(walk), v_(v) {
        const GraphView& view = walk->view();
        auto [b, e] = view.outEdges(v);
        out_ = atEnd ? e : b;
        outEnd_ = e;
        auto [ib, ie] = view.inEdgeSlots(v);
        in_ = atEnd ? ie : ib;
        inEnd_ = ie;
        settle();
    }

  private:
    friend class boost::iterator_core_access;
    bool inAllowed(Edge e) const {
        return walk_->allows(e) && (!walk_->directed() || !walk_->view().directed(e));
    }
    Edge inEdge() const { return walk_->view().inEdgeAt(in_); }
    // Moves to the next allowed step at or after the current position.
    void settle() {
        while (out_ < outEnd_ && !walk_->allows(out_)) ++out_;
        if (out_ < outEnd_) return;
        while (in_ != inEnd_ && !inAllowed(inEdge())) ++in_;
    }
    LinkEdge dereference() const {
        const GraphView& view = walk_->view();
        if (out_ < outEnd_) return {v_, view.target(out_), out_, true};
        return {v_, view.inEdgeSource(in_), inEdge(), false};
    }
    bool equal(const LinkEdgeIterator& other) const {
        return out_ == other.out_ && in_ == other.in_;
    }
    void increment() {
        if (out_ < outEnd_) {
            ++out_;
        } else {
            ++in_;
        }
        settle();
    }

    const Walk* walk_ = nullptr;
    Node v_ = 0;
    Edge out_ = 0, outEnd_ = 0;
    std::uint32_t in_ = 0, inEnd_ = 0;
};

template <typename Tag>
std::pair<LinkEdgeIterator, LinkEdgeIterator> out_edges(Node v, const LinkGraph<Tag>& g) {
    return {LinkEdgeIterator(&g.walk(), v, !g.expands(v)), LinkEdgeIterator(&g.walk(), v, true)};
}
template <typename Tag>
std::size_t out_degree(Node v, const LinkGraph<Tag>& g) {
    auto [b, e] = out_edges(v, g);
    return static_cast<std::size_t>(std::distance(b, e));
}
template <typename Tag>
Node source(const LinkEdge& e, const LinkGraph<Tag>&) {
    return e.from;
}
template <typename Tag>
Node target(const LinkEdge& e, const LinkGraph<Tag>&) {
    return e.to;
}
template <typename Tag>
std::pair<boost::counting_iterator<Node>, boost::counting_iterator<Node>> vertices(
    const LinkGraph<Tag>& g) {
    return {boost::counting_iterator<Node>(0),
            boost::counting_iterator<Node>(g.walk().view().nodeCount())};
}
template <typename Tag>
Node num_vertices(const LinkGraph<Tag>& g) {
    return g.walk().view().nodeCount();
}
template <typename Tag>
boost::typed_identity_property_map<Node> get(boost::vertex_index_t, const LinkGraph<Tag>&) {
    return {};
}

}  // namespace cg::queries

namespace boost {

/// Boost.Graph traits of LinkGraph.
template <typename Tag>
struct graph_traits<cg::queries::LinkGraph<Tag>> {
    struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
    using vertex_descriptor = cg::queries::Node;
    using edge_descriptor = cg::queries::LinkEdge;
    using directed_category = Tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using out_edge_iterator = cg::queries::LinkEdgeIterator;
    using vertex_iterator = counting_iterator<cg::queries::Node>;
    using degree_size_type = std::size_t;
    using vertices_size_type = cg::queries::Node;
    using edges_size_type = cg::queries::Edge;
    static vertex_descriptor null_vertex() { return cg::graph::GraphView::kNoNode; }
};

/// The vertex index of a LinkGraph is the node number itself.
template <typename Tag>
struct property_map<cg::queries::LinkGraph<Tag>, vertex_index_t> {
    using type = typed_identity_property_map<cg::queries::Node>;
    using const_type = type;
};

}  // namespace boost
