// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

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
    /// False for an entity a walk may end at but not pass through (a place or a position,
    /// by default). Searches expand such a node only when it is where they start. O(1).
    bool passesThrough(Node v) const {
        return !((relations_.endOnlyTypes() >> view_->nodeType(v)) & 1u);
    }
    /// True when some entities are ends only, so that searches must check passesThrough().
    bool hasEndsOnly() const { return relations_.endOnlyTypes() != 0; }
    /// True when a walk may go along `e` from one end to the other, both ends being passed
    /// through or ended at: for whole-graph measures, which have no start or end, a relation
    /// touching an end-only entity links nothing.
    bool links(Edge e, Node a, Node b) const {
        return allows(e) && passesThrough(a) && passesThrough(b);
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

/// What a connection query follows: RelationSet::connections over `names`, or, when none are
/// named, over the relation types the view was built with (GraphView::relationFilter), so
/// that `--relations located_in` asks for places whichever way it is given. Throws
/// QueryError on an unknown relation type.
inline RelationSet connectionRelations(const GraphView& view, const std::vector<std::string>& names,
                                       bool viaPlaces) {
    const auto& chosen = names.empty() ? view.relationFilter() : names;
    return RelationSet::connections(view.schema(), chosen, viaPlaces);
}

/// The walk of a connection query over connectionRelations().
inline Walk connectionWalk(const GraphView& view, const std::vector<std::string>& names,
                           bool viaPlaces, bool directed) {
    return Walk(view, connectionRelations(view, names, viaPlaces), directed);
}

}  // namespace cg::queries
