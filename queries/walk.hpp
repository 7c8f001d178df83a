// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

#include "graph/view.hpp"
#include "queries/relation_set.hpp"

namespace cg::queries {

using graph::GraphView;
using Node = GraphView::Node;
using Edge = GraphView::Edge;

/// How a query moves through a view: along which relation types, and whether it follows their
/// direction. Undirected relations (family_of, associate_of) are walked both ways even when
/// direction is followed.
class Walk {
  public:
    Walk(const GraphView& view, RelationSet relations, bool directed)
        : view_(&view), relations_(relations), directed_(directed) {}

    const GraphView& view() const { return *view_; }
    bool directed() const { return directed_; }
    bool allows(Edge e) const {
        return relations_.all() || relations_.contains(view_->relationType(e));
    }

    /// Calls fn(edge, next, forward) for every allowed step leaving v; `forward` is true when
    /// the step goes from the relation's subject to its object. O(degree of v), reading only
    /// v's own rows of the graph (and, with a relation filter, the types of its edges).
    template <typename Fn>
    void forEachStep(Node v, Fn&& fn) const {
        auto [b, e] = view_->outEdges(v);
        for (Edge x = b; x < e; ++x) {
            if (allows(x)) fn(x, view_->target(x), true);
        }
        auto [ib, ie] = view_->inEdgeSlots(v);
        for (auto slot = ib; slot < ie; ++slot) {
            Edge x = view_->inEdgeAt(slot);
            if (allows(x) && (!directed_ || !view_->directed(x)))
                fn(x, view_->inEdgeSource(slot), false);
        }
    }

    /// The number of relations touching v, either way (an upper bound on its steps); O(1).
    std::uint32_t degree(Node v) const { return view_->outDegree(v) + view_->inDegree(v); }

    /// Calls fn(edge, previous, forward) for every allowed step arriving at v, so that a walk
    /// can be traced backwards from its end. O(degree of v).
    template <typename Fn>
    void forEachStepInto(Node v, Fn&& fn) const {
        auto [b, e] = view_->outEdges(v);
        for (Edge x = b; x < e; ++x) {
            if (allows(x) && (!directed_ || !view_->directed(x))) fn(x, view_->target(x), false);
        }
        auto [ib, ie] = view_->inEdgeSlots(v);
        for (auto slot = ib; slot < ie; ++slot) {
            Edge x = view_->inEdgeAt(slot);
            if (allows(x)) fn(x, view_->inEdgeSource(slot), true);
        }
    }

    /// The node a step along `e` reaches.
    Node stepEnd(Edge e, bool forward) const {
        return forward ? view_->target(e) : view_->source(e);
    }

  private:
    const GraphView* view_;
    RelationSet relations_;
    bool directed_;
};

}  // namespace cg::queries
