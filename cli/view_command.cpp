// SPDX-License-Identifier: MIT
// `claimgraph view ENTITY`: the HTML view (export/html_writer.hpp) of one entity's
// neighbourhood, its panel open.
#include <future>
#include <memory>
#include <string>

#include "cli/json_out.hpp"
#include "cli/registry.hpp"
#include "cli/view_figures.hpp"
#include "export/html_writer.hpp"
#include "graph/provenance_scan.hpp"
#include "graph/view.hpp"
#include "queries/centrality.hpp"
#include "queries/neighbourhood.hpp"
#include "resolve/entity_lookup.hpp"

namespace cg::cli {

namespace {

struct ViewCommandArgs {
    std::string entity;
    int hops = 2;
    std::size_t cap = 0;
    std::string out = "view.html";
    bool includeDenied = false;
    std::string sizeBy = "degree";
};

int runView(Context& ctx, const ViewCommandArgs& args) {
    auto& store = ctx.store();
    graph::EntityId id = resolve::findEntity(store, args.entity);
    auto provenance = std::async(std::launch::async, [path = store.path()] {
        graph::Store reader(path, false);
        return graph::readClaimProvenance(
            reader, exporters::exportProvenanceOptions(exporters::EvidenceLevel::Full));
    });
    graph::ViewFilter filter;
    filter.includeDenied = args.includeDenied;
    auto view = graph::GraphView::build(store, ctx.schema(), filter);
    queries::NeighbourhoodParams params;
    params.entity = id;
    params.hops = args.hops;
    params.cap = args.cap;
    params.allEdges = true;
    auto result = queries::neighbourhood(view, params);
    auto claims = provenance.get();

    exporters::HtmlViewOptions options;
    auto centre = view.node(id);
    std::string name = centre == graph::GraphView::kNoNode ? args.entity : view.name(centre);
    options.title = name + ": " + std::to_string(args.hops) + (args.hops == 1 ? " hop" : " hops");
    if (centre != graph::GraphView::kNoNode) options.focus = view.key(centre);
    sizeByCentrality(view, args.sizeBy, options, &ctx.err);
    exporters::HtmlWriter writer(options);
    exporters::ExportInput input{view, store, &result.subgraph, &claims};
    writer.writeTo(input, args.out);

    result.subgraph.normalize(view);
    auto nodes = static_cast<std::int64_t>(result.subgraph.nodes.size());
    auto edges = static_cast<std::int64_t>(result.subgraph.edges.size());
    if (ctx.json) {
        JsonOut j;
        j.beginObject()
            .field("entity", options.focus)
            .field("hops", args.hops)
            .field("nodes", nodes)
            .field("edges", edges)
            .field("file", args.out)
            .endObject();
        j.print(ctx.out);
    } else if (!ctx.quiet) {
        ctx.err << "wrote the view of " << name << " (" << nodes << " entities, " << edges
                << " relations within " << args.hops << (args.hops == 1 ? " hop" : " hops")
                << ") to " << args.out << '\n';
    }
    return kOk;
}

}  // namespace

void addViewCommand(CLI::App& app, Context& ctx, Registry& registry) {
    auto args = std::make_shared<ViewCommandArgs>();
    auto* cmd = app.add_subcommand(
        "view", "Write an HTML view of an entity's neighbourhood, to open in a browser");
    cmd->add_option("entity", args->entity, "Entity id or name")->required();
    cmd->add_option("--hops", args->hops, "How far from the entity")
        ->capture_default_str()
        ->check(CLI::Range(0, 10));
    cmd->add_option("--cap", args->cap,
                    "At most this many new neighbours per entity, most credible first (0: all)")
        ->capture_default_str();
    cmd->add_option("--out", args->out, "The HTML file to write")->capture_default_str();
    cmd->add_flag("--include-denied", args->includeDenied,
                  "Draw relations that claims only deny too (in red)");
    cmd->add_option("--size-by", args->sizeBy,
                    "Size entities by their degree in the page or by a centrality over the "
                    "whole graph: " +
                        queries::centralityMetricList())
        ->capture_default_str();
    cmd->footer(
        "Examples:\n"
        "  claimgraph view \"Sar Kheng\"                      # view.html, 2 hops\n"
        "  claimgraph view person/sar-kheng --hops 1 --out sar-kheng.html\n"
        "  claimgraph view \"Sar Kheng\" --size-by pagerank   # who sits at the centre\n"
        "See docs/view.md.");
    registry.add(cmd, [&ctx, args] { return runView(ctx, *args); });
}

}  // namespace cg::cli
