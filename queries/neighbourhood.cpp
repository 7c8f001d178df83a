// SPDX-License-Identifier: MIT
#include "queries/neighbourhood.hpp"

#include <algorithm>

#include "queries/node_marks.hpp"

namespace cg::queries {

namespace {

struct Candidate {
    float confidence;
    Edge edge;
    Node node;
    bool forward;
};

struct Search {
    NodeMarks<bool> seen;
    NodeMarks<std::uint32_t> candidateOf;  // index into candidates, per neighbour
    std::vector<Candidate> candidates;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

bool better(const Candidate& a, const Candidate& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.edge < b.edge;
}

}  // namespace

std::vector<Neighbour> neighbourhoodOf(const Walk& walk, Node centre, int hops, std::size_t cap) {
    const GraphView& view = walk.view();
    Search& s = threadSearch();
    s.seen.reset(view.nodeCount());
    std::vector<Neighbour> found{{centre, 0, {}, 0}};
    s.seen.set(centre, true);
    std::size_t levelStart = 0;
    for (std::uint32_t level = 0; level < static_cast<std::uint32_t>(std::max(hops, 0)); ++level) {
        std::size_t levelEnd = found.size();
        if (levelStart == levelEnd) break;
        for (std::size_t i = levelStart; i < levelEnd; ++i) {
            Node u = found[i].node;
            // One candidate per new neighbour: its most credible relation with u.
            s.candidates.clear();
            s.candidateOf.reset(view.nodeCount());
            walk.forEachStep(u, [&](Edge e, Node w, bool forward) {
                if (s.seen.has(w)) return;
                Candidate c{view.confidence(e), e, w, forward};
                if (!s.candidateOf.has(w)) {
                    s.candidateOf.set(w, static_cast<std::uint32_t>(s.candidates.size()));
                    s.candidates.push_back(c);
                } else if (better(c, s.candidates[s.candidateOf.get(w)])) {
                    s.candidates[s.candidateOf.get(w)] = c;
                }
            });
            std::size_t take = s.candidates.size();
            if (cap > 0 && take > cap) {
                take = cap;
                std::nth_element(s.candidates.begin(),
                                 s.candidates.begin() + static_cast<std::ptrdiff_t>(take),
                                 s.candidates.end(), better);
            }
            std::sort(s.candidates.begin(),
                      s.candidates.begin() + static_cast<std::ptrdiff_t>(take), better);
            // Neighbours left out stay unseen, so that another node may still bring them in.
            for (std::size_t j = 0; j < take; ++j) {
                const Candidate& c = s.candidates[j];
                s.seen.set(c.node, true);
                found.push_back({c.node, level + 1, {c.edge, c.forward}, 0});
            }
            found[i].leftOut = static_cast<std::uint32_t>(s.candidates.size() - take);
        }
        levelStart = levelEnd;
    }
    return found;
}

QueryResult neighbourhood(const GraphView& view, const NeighbourhoodParams& params) {
    Walk walk(view, RelationSet::named(view.schema(), params.relations), params.directed);
    QueryResult result;
    result.kind = "neighbours";
    result.table.columns = {"entity", "type", "hops", "via", "left out"};
    auto centre = nodeOrNote(view, params.entity, "centre", result);
    if (!centre) return result;
    auto found = neighbourhoodOf(walk, *centre, params.hops, params.cap);
    std::uint32_t capped = 0;
    for (const auto& n : found) {
        Cell via;
        if (n.hops > 0) {
            Node parent = n.via.forward ? view.source(n.via.edge) : view.target(n.via.edge);
            via = PathCell{parent, {n.via}};
            result.subgraph.edges.push_back(n.via.edge);
        }
        if (n.leftOut > 0) ++capped;
        result.table.rows.push_back({entityCell(n.node),
                                     textCell(view.schema().entityType(view.nodeType(n.node)).name),
                                     integerCell(n.hops), std::move(via), integerCell(n.leftOut)});
        result.subgraph.nodes.push_back(n.node);
    }
    if (params.allEdges) {
        // Every allowed relation among the nodes found, walked from each node's out-edges so
        // that each relation is seen once.
        Search& s = threadSearch();
        s.seen.reset(view.nodeCount());
        for (const auto& n : found) s.seen.set(n.node, true);
        for (const auto& n : found) {
            auto [b, e] = view.outEdges(n.node);
            for (Edge x = b; x < e; ++x) {
                if (walk.allows(x) && s.seen.has(view.target(x)))
                    result.subgraph.edges.push_back(x);
            }
        }
    }
    result.subgraph.normalize(view);
    if (capped > 0) {
        result.notes.push_back(std::to_string(capped) + " entities had more than " +
                               std::to_string(params.cap) + " new neighbours; the most credible " +
                               std::to_string(params.cap) + " were kept (see 'left out')");
    }
    return result;
}

}  // namespace cg::queries
