// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "queries/memory_budget.hpp"
#include "queries/query_kind.hpp"
#include "queries/result.hpp"
#include "queries/walk.hpp"

namespace cg::queries {

/// Parameters of the k-hop neighbourhood of an entity.
struct NeighbourhoodParams {
    graph::EntityId entity = 0;
    std::vector<std::string> relations;  ///< relation types to walk; empty: the connection
                                         ///< default (RelationSet::connections)
    bool viaPlaces = false;              ///< follow location relations, through places and posts
    int hops = 2;                        ///< how far from the entity
    std::size_t cap = 50;                ///< at most this many new neighbours per node; 0: no cap
    bool directed = false;               ///< follow relations from subject to object only
    bool allEdges = false;               ///< subgraph: every relation among the nodes found
    /// Bytes the search and its answer may take; past it the answer stops and is partial.
    std::size_t maxMemory = MemoryBudget::kDefaultBytes;
};

/// One entity of a neighbourhood: how far it is, the relation it was reached by, and how many
/// of its own new neighbours the cap left out.
struct Neighbour {
    Node node = 0;
    std::uint32_t hops = 0;
    Step via{};  ///< from the parent; meaningless for the centre (hops 0)
    std::uint32_t leftOut = 0;
};

/// The entities within `hops` of `centre`, breadth-first, the centre first. From each node at
/// most `cap` new neighbours are taken, the most credible first (ties to the lower edge
/// index), so that hubs do not swamp the answer. O(sum of the degrees of the nodes expanded),
/// with per-thread marks reset in O(1). With a `budget`, each neighbour found (its entry, the
/// row and the subgraph entries it will become: neighbourEntryBytes) and the candidates of
/// each node expanded are counted against it; the search stops at the first neighbour that
/// does not fit, after the most credible of its node's that do (budget->exceeded() then says so).
std::vector<Neighbour> neighbourhoodOf(const Walk& walk, Node centre, int hops, std::size_t cap,
                                       MemoryBudget* budget = nullptr);

/// What one neighbour costs an answer: its entry, its row (entity, type, hops, via, left out)
/// with the route of its via cell, and its node and relation in the subgraph. O(1).
std::size_t neighbourEntryBytes();

/// The k-hop neighbourhood of an entity: one row per entity (entity, type, hops, via, left
/// out), and the subgraph of the relations that reached them (or, with allEdges, of every
/// allowed relation among them), within `maxMemory` (past it, partial). Throws QueryError on an
/// unknown relation type.
QueryResult neighbourhood(const GraphView& view, const NeighbourhoodParams& params);

/// The `neighbours` kind: the entities within a few hops of one (neighbourhood).
KindDef neighboursKind();

}  // namespace cg::queries
