// SPDX-License-Identifier: MIT
// The report's ownership section: `query owners` and `query holdings` run as the CLI runs
// them, each chain's figure written out as the product of its links' shares, each owner's
// as the sum of its chains.
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "cli/claim_output.hpp"
#include "cli/report_assembly.hpp"
#include "cli/report_diagram.hpp"
#include "graph/view.hpp"
#include "queries/ownership.hpp"

namespace cg::cli {

namespace {

using graph::GraphView;
using queries::Cell;
using queries::QueryResult;

double number(const std::vector<Cell>& row, std::optional<std::size_t> column) {
    if (!column) return 0;
    const Cell& cell = row[*column];
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*i);
    return 0;
}

GraphView::Node node(const std::vector<Cell>& row, std::optional<std::size_t> column) {
    const auto* e = column ? std::get_if<queries::EntityCell>(&row[*column]) : nullptr;
    return e ? e->node : GraphView::kNoNode;
}

std::string text(const GraphView& view, const std::vector<Cell>& row,
                 std::optional<std::size_t> column) {
    return column ? queries::cellText(view, row[*column]) : std::string();
}

// One link's factor in a chain's product: its share, the full share a nominee passes on to
// the one it holds for, or the 0–100% an unknown share counts as.
std::string factor(const GraphView& view, GraphView::Edge e) {
    if (auto share = view.share(e))
        return queries::shareText(queries::decimal(share->first), queries::decimal(share->second));
    if (view.relationTypeOf(e).name == "represents") return "100% (held as nominee)";
    return "0–100% (share unknown)";
}

// The claims of each relation a chain runs along, read once per report.
class LinkClaims {
  public:
    explicit LinkClaims(graph::Store& store) : store_(store) {}
    const std::vector<graph::ClaimRow>& of(graph::RelationId relation) {
        auto at = claims_.find(relation);
        if (at == claims_.end())
            at = claims_.emplace(relation, store_.claimsOfRelation(relation)).first;
        return at->second;
    }

  private:
    graph::Store& store_;
    std::map<graph::RelationId, std::vector<graph::ClaimRow>> claims_;
};

exporters::ReportChain reportChain(LinkClaims& links, const GraphView& view,
                                   const QueryResult& result, const std::vector<Cell>& row,
                                   exporters::ReportSources& sources) {
    const auto& columns = result.detail;
    exporters::ReportChain chain;
    const auto* route = std::get_if<queries::PathCell>(&row[*columns.column("route")]);
    std::string product;
    std::set<int> cited;
    if (route) {
        chain.route = queries::routeText(view, *route, false);
        for (const auto& step : route->steps) {
            product += (product.empty() ? "" : " × ") + factor(view, step.edge);
            for (const auto& c : links.of(view.relationId(step.edge))) {
                if (c.stance == graph::Stance::Asserts) cited.insert(sources.cite(c.source));
                chain.claims.push_back(reportClaim(c, sources));
            }
        }
    }
    chain.sources.assign(cited.begin(), cited.end());
    std::string share = text(view, row, columns.column("share"));
    chain.counted = share.find("(a component: not added)") == std::string::npos;
    chain.arithmetic = product + " = " +
                       queries::shareText(number(row, columns.column("share min")),
                                          number(row, columns.column("share max")));
    if (!chain.counted) chain.arithmetic += " (a component: listed, not added)";
    return chain;
}

exporters::ReportOwnership reportOwnership(LinkClaims& links, const GraphView& view,
                                           const QueryResult& result, const char* title,
                                           exporters::ReportSources& sources) {
    exporters::ReportOwnership out;
    out.title = title;
    out.notes = result.notes;
    const auto& table = result.table;
    auto whoColumn = table.column(result.kind == "owners" ? "owner" : "holding");
    for (const auto& row : table.rows) {
        exporters::ReportOwnershipFigure figure;
        figure.other =
            text(view, row, whoColumn) + " (" + text(view, row, table.column("type")) + ")";
        figure.share = text(view, row, table.column("share"));
        figure.ultimate = text(view, row, table.column("ultimate")) == "yes";
        std::string via = text(view, row, table.column("via_control"));
        if (!via.empty())
            figure.control =
                "via " + via + ": " + text(view, row, table.column("controlled_share"));
        figure.deniedBy = text(view, row, table.column("denied_by"));
        // The detail rows of this figure: the chains the query lists for it.
        double sumMin = 0, sumMax = 0;
        std::vector<std::string> terms;
        const auto& detail = result.detail;
        auto detailWho = detail.column(result.kind == "owners" ? "owner" : "holding");
        for (const auto& chainRow : detail.rows) {
            if (node(chainRow, detailWho) != node(row, whoColumn)) continue;
            figure.chains.push_back(reportChain(links, view, result, chainRow, sources));
            if (!figure.chains.back().counted) continue;
            double lo = number(chainRow, detail.column("share min"));
            double hi = number(chainRow, detail.column("share max"));
            sumMin += lo;
            sumMax += hi;
            terms.push_back(queries::shareText(lo, hi));
        }
        double figMin = number(row, table.column("share min"));
        double figMax = number(row, table.column("share max"));
        auto chainsAdded = static_cast<std::size_t>(number(row, table.column("chains")));
        if (terms.size() > 1 && terms.size() == chainsAdded) {
            std::string sum;
            for (const auto& t : terms) sum += (sum.empty() ? "" : " + ") + t;
            sum += " = " + queries::shareText(sumMin, sumMax);
            if (std::abs(sumMin - figMin) > 1e-9 || std::abs(sumMax - figMax) > 1e-9)
                sum += ", clamped to " + queries::shareText(figMin, figMax);
            figure.sum = sum;
        }
        out.figures.push_back(std::move(figure));
    }
    return out;
}

}  // namespace

exporters::ReportDocument assembleReport(graph::Store& store, const graph::Schema& schema,
                                         graph::EntityId entity, const ReportOptions& options) {
    exporters::ReportSources sources;
    registerSources(store, sources);
    exporters::ReportDocument doc = assembleEvidence(store, schema, entity, sources);

    // One view for the diagram and the ownership queries: it keeps relations only denied for
    // the diagram, and the queries follow only asserted ones.
    graph::ViewFilter filter;
    filter.includeDenied = true;
    GraphView view = GraphView::build(store, schema, filter);
    if (options.hops > 0) doc.diagram = assembleDiagram(view, entity, options.hops);
    queries::OwnershipParams params;
    params.entity = entity;
    params.threshold = 0;  // a dossier lists every computed owner, however small
    params.assertedOnly = true;
    QueryResult owners = queries::owners(view, params);
    QueryResult holdings = queries::holdings(view, params);
    LinkClaims links(store);
    doc.ownership.push_back(reportOwnership(links, view, owners, "Owners", sources));
    doc.ownership.push_back(reportOwnership(links, view, holdings, "Holdings", sources));

    doc.sources = sources.cited();
    return doc;
}

}  // namespace cg::cli
