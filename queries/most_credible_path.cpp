// SPDX-License-Identifier: MIT
#include "queries/most_credible_path.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <limits>

#include "queries/link_graph.hpp"
#include "queries/memory_budget.hpp"
#include "queries/node_marks.hpp"
#include "queries/route.hpp"

namespace cg::queries {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A read-write property map over NodeMarks: unmarked nodes read as `fallback`, so Dijkstra
// can run without an O(n) initialisation.
template <typename T>
struct MarkMap {
    using key_type = Node;
    using value_type = T;
    using reference = T;
    using category = boost::read_write_property_map_tag;
    NodeMarks<T>* marks;
    T fallback;
};
template <typename T>
T get(const MarkMap<T>& m, Node v) {
    return m.marks->valueOr(v, m.fallback);
}
template <typename T>
void put(const MarkMap<T>& m, Node v, const T& value) {
    m.marks->set(v, value);
}

struct EdgeCost {
    using key_type = LinkEdge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
    const GraphView* view;
};
double get(const EdgeCost& m, const LinkEdge& e) {
    float c = m.view->confidence(e.edge);
    return c > 0 ? -std::log(static_cast<double>(c)) : kInfinity;
}

struct Search {
    NodeMarks<double> dist;
    NodeMarks<boost::default_color_type> color;
    NodeMarks<LinkEdge> parent;
};

Search& threadSearch() {
    thread_local Search search;
    return search;
}

struct Reached {};

// Records the relation that last improved each node, and stops once the target is settled.
struct Recorder : boost::default_dijkstra_visitor {
    NodeMarks<LinkEdge>* parent;
    Node target;
    template <typename G>
    void edge_relaxed(const LinkEdge& e, const G&) const {
        parent->set(e.to, e);
    }
    template <typename G>
    void examine_vertex(Node v, const G&) const {
        if (v == target) throw Reached{};
    }
};

template <typename Tag>
bool runDijkstra(const Walk& walk, Node from, Node to, Search& s) {
    LinkGraph<Tag> g(walk, from);
    put(MarkMap<double>{&s.dist, kInfinity}, from, 0.0);
    try {
        boost::dijkstra_shortest_paths_no_init(
            g, from, boost::dummy_property_map(), MarkMap<double>{&s.dist, kInfinity},
            EdgeCost{&walk.view()}, boost::typed_identity_property_map<Node>(), std::less<double>(),
            boost::closed_plus<double>(kInfinity), 0.0, Recorder{{}, &s.parent, to},
            MarkMap<boost::default_color_type>{&s.color, boost::white_color});
    } catch (const Reached&) {
        return true;
    }
    return false;
}

}  // namespace

std::optional<PathCell> mostCredibleRoute(const Walk& walk, Node from, Node to) {
    const GraphView& view = walk.view();
    if (from == to) return PathCell{from, {}};
    Search& s = threadSearch();
    s.dist.reset(view.nodeCount());
    s.color.reset(view.nodeCount());
    s.parent.reset(view.nodeCount());
    bool reached = walk.directed() ? runDijkstra<boost::directed_tag>(walk, from, to, s)
                                   : runDijkstra<boost::undirected_tag>(walk, from, to, s);
    if (!reached || !(s.dist.valueOr(to, kInfinity) < kInfinity)) return std::nullopt;
    PathCell route{from, {}};
    for (Node v = to; v != from;) {
        const LinkEdge& e = s.parent.get(v);
        route.steps.push_back({e.edge, e.forward});
        v = e.from;
    }
    std::reverse(route.steps.begin(), route.steps.end());
    return route;
}

QueryResult mostCrediblePath(const GraphView& view, const PathParams& params) {
    Walk walk = connectionWalk(view, params.relations, params.viaPlaces, params.directed);
    QueryResult empty;
    empty.kind = "path";
    auto from = nodeOrNote(view, params.from, "start", empty);
    auto to = nodeOrNote(view, params.to, "end", empty);
    if (!from || !to) return empty;
    // Dijkstra's marks and heap: a distance, a colour, a parent and a heap slot per entity.
    MemoryBudget budget(params.maxMemory);
    if (!takeWorkingMemory(budget, view, 48, 0, empty)) return empty;
    auto route = mostCredibleRoute(walk, *from, *to);
    if (!route) {
        empty.table.columns = {"path", "hops", "confidence", "route"};
        empty.notes.push_back("no path");
        return empty;
    }
    return pathsResult("path", view, {*route});
}

}  // namespace cg::queries
