// SPDX-License-Identifier: MIT
#include "export/exported_graph.hpp"

#include <tuple>

#include "graph/error.hpp"

namespace cg::exporters {

namespace {

const Selection& checked(const Selection& selection, const graph::GraphView& view) {
    if (selection.nodeCount() > 0 && !view.hasLabels()) {
        throw QueryError(
            "export: the view was built without labels (ViewFilter::labels), so "
            "nodes have no ids or names to write");
    }
    return selection;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Provenance loadProvenance(const ExportInput& input, const Selection& selection) {
    if (input.provenance) {
        return Provenance::load(input.store, *input.provenance, input.view, selection);
    }
    auto claims = input.store.readClaimProvenance();
    return Provenance::load(input.store, claims, input.view, selection);
}

}  // namespace

ExportedGraph::ExportedGraph(const ExportInput& input)
    : view_(input.view),
      selection_(input.view, input.subgraph),
      provenance_(loadProvenance(input, checked(selection_, input.view))) {}

NodeRecord ExportedGraph::node(std::size_t i) const {
    NodeRecord r;
    r.node = selection_.node(i);
    r.entity = view_.entityId(r.node);
    r.key = view_.key(r.node);
    r.name = view_.name(r.node);
    r.type = &view_.schema().entityType(view_.nodeType(r.node));
    r.confidence = provenance_.nodeConfidence(i);
    r.disputed = provenance_.nodeDenied(i);
    r.sources = provenance_.nodeSources(i);
    std::tie(r.firstSeen, r.lastSeen) = provenance_.seen(r.sources);
    return r;
}

EdgeRecord ExportedGraph::edge(std::size_t i) const {
    EdgeRecord r;
    r.edge = selection_.edge(i);
    r.relation = view_.relationId(r.edge);
    auto source = view_.source(r.edge);
    auto target = view_.target(r.edge);
    r.sourceEntity = view_.entityId(source);
    r.targetEntity = view_.entityId(target);
    r.sourceKey = view_.key(source);
    r.targetKey = view_.key(target);
    r.type = &view_.relationTypeOf(r.edge);
    r.confidence = view_.confidence(r.edge);
    r.support = view_.supportCount(r.edge);
    r.disputed = view_.disputed(r.edge);
    r.symmetric = !view_.directed(r.edge);
    r.share = view_.share(r.edge);
    r.validFrom = view_.validFrom(r.edge);
    r.validTo = view_.validTo(r.edge);
    r.sources = provenance_.edgeSources(i);
    std::tie(r.firstSeen, r.lastSeen) = provenance_.seen(r.sources);
    r.intervals = provenance_.edgeIntervals(i);
    return r;
}

std::optional<std::array<int, 3>> rgbOf(const graph::EntityType& type) {
    const std::string& c = type.color;
    if (c.size() != 7 || c[0] != '#') return std::nullopt;
    std::array<int, 3> rgb{};
    for (std::size_t k = 0; k < 3; ++k) {
        int hi = hexDigit(c[1 + 2 * k]);
        int lo = hexDigit(c[2 + 2 * k]);
        if (hi < 0 || lo < 0) return std::nullopt;
        rgb[k] = hi * 16 + lo;
    }
    return rgb;
}

}  // namespace cg::exporters
