// SPDX-License-Identifier: MIT
#include "queries/components.hpp"

#include <algorithm>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <numeric>

#include "queries/link_graph.hpp"

namespace cg::queries {

std::vector<std::uint32_t> componentOf(const GraphView& view, const RelationSet& relations,
                                       bool strong) {
    std::uint32_t n = view.nodeCount();
    std::vector<std::uint32_t> raw(n, 0);
    if (n == 0) return raw;
    auto map =
        boost::make_iterator_property_map(raw.begin(), boost::typed_identity_property_map<Node>());
    std::uint32_t count = 0;
    if (strong) {
        Walk walk(view, relations, true);
        count = static_cast<std::uint32_t>(
            boost::strong_components(LinkGraph<boost::directed_tag>(walk), map));
    } else {
        Walk walk(view, relations, false);
        count = static_cast<std::uint32_t>(
            boost::connected_components(LinkGraph<boost::undirected_tag>(walk), map));
    }
    // Renumber: largest first, then by the lowest node, so the numbers do not depend on the
    // order in which Boost happened to find the components.
    std::vector<std::uint32_t> size(count, 0), lowest(count, n);
    for (Node v = 0; v < n; ++v) {
        ++size[raw[v]];
        lowest[raw[v]] = std::min(lowest[raw[v]], v);
    }
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return size[a] != size[b] ? size[a] > size[b] : lowest[a] < lowest[b];
    });
    std::vector<std::uint32_t> number(count);
    for (std::uint32_t i = 0; i < count; ++i) number[order[i]] = i;
    for (auto& c : raw) c = number[c];
    return raw;
}

QueryResult components(const GraphView& view, const ComponentParams& params) {
    RelationSet relations = RelationSet::named(view.schema(), params.relations);
    auto component = componentOf(view, relations, params.strong);
    QueryResult result;
    result.kind = "components";
    result.table.columns = {"component", "size", "members"};
    std::uint32_t count = 0;
    for (auto c : component) count = std::max(count, c + 1);
    std::vector<std::vector<Node>> members(count);
    for (Node v = 0; v < view.nodeCount(); ++v) members[component[v]].push_back(v);

    std::size_t listed = 0, small = 0;
    std::vector<char> inListed(count, 0);
    for (std::uint32_t c = 0; c < count; ++c) {
        if (members[c].size() < params.minSize) {
            ++small;
            continue;
        }
        if (params.top > 0 && listed == params.top) continue;
        ++listed;
        inListed[c] = 1;
        std::string names;
        for (std::size_t i = 0; i < members[c].size() && i < params.membersShown; ++i) {
            names += (i ? ", " : "") + cellText(view, entityCell(members[c][i]));
        }
        if (members[c].size() > params.membersShown) names += ", …";
        result.table.rows.push_back({integerCell(c + 1),
                                     integerCell(static_cast<std::int64_t>(members[c].size())),
                                     textCell(names)});
        result.subgraph.nodes.insert(result.subgraph.nodes.end(), members[c].begin(),
                                     members[c].end());
    }
    Walk walk(view, relations, params.strong);
    for (Node v = 0; v < view.nodeCount(); ++v) {
        if (!inListed[component[v]]) continue;
        auto [b, e] = view.outEdges(v);
        for (Edge x = b; x < e; ++x) {
            if (walk.allows(x) && component[view.target(x)] == component[v])
                result.subgraph.edges.push_back(x);
        }
    }
    result.subgraph.normalize(view);
    result.notes.push_back(std::to_string(count) + (params.strong ? " strongly" : " weakly") +
                           " connected components; " + std::to_string(small) + " of fewer than " +
                           std::to_string(params.minSize) + " entities not listed");
    if (count - small > listed) {
        result.notes.push_back("only the " + std::to_string(listed) +
                               " largest components are listed (--top)");
    }
    return result;
}

}  // namespace cg::queries
