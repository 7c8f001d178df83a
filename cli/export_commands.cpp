// SPDX-License-Identifier: MIT
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/json_out.hpp"
#include "cli/registry.hpp"
#include "cli/saved_query_run.hpp"
#include "export/export_graph.hpp"
#include "export/writer_factory.hpp"
#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/view.hpp"

namespace cg::cli {

namespace {

/// Options of `claimgraph export`.
struct ExportArgs {
    std::string format;
    std::string out = "-";
    std::string asOf;
    double minConfidence = 0;
    std::vector<std::string> types;
    std::vector<std::string> relations;
    std::vector<std::string> sources;
    std::string query;
    std::vector<std::string> params;
};

// A day as the view filters by it; a partial date means its first day.
std::optional<int> dayOf(const std::string& text) {
    auto date = graph::PartialDate::parse(text);
    if (!date) return std::nullopt;
    return date->firstDay();
}

int runExport(Context& ctx, const ExportArgs& args) {
    graph::ViewFilter filter;
    std::optional<queries::BoundQuery> bound;
    if (!args.query.empty()) {
        // The saved query's own filters, narrowed further by any given here.
        bound = queries::bindSavedQuery(loadSavedQuery(ctx, args.query, 0), parseParams(args.params));
        filter = bound->filter;
    } else if (!args.params.empty()) {
        throw QueryError("--param needs --query NAME");
    }
    if (!args.types.empty()) filter.entityTypes = args.types;
    if (!args.relations.empty()) filter.relationTypes = args.relations;
    if (!args.asOf.empty()) filter.asOf = dayOf(args.asOf);
    if (args.minConfidence > 0) filter.minConfidence = args.minConfidence;
    if (!args.sources.empty()) filter.sources = args.sources;
    auto& store = ctx.store();
    graph::GraphView::checkFilter(ctx.schema(), filter);
    // Where each entity and relation comes from is read on a second connection while this
    // one builds the view: two long sequential reads, side by side on two cores (WAL).
    auto provenance = std::async(std::launch::async, [path = store.path()] {
        graph::Store reader(path, false);
        return reader.readClaimProvenance();
    });
    auto view = graph::GraphView::build(store, ctx.schema(), filter);
    queries::QueryResult result;
    const graph::Subgraph* subgraph = nullptr;
    if (bound) {
        // Only the nodes and edges the query's answer covers are written.
        result = queries::runQueryKind(*bound->kind, bound->args, view, store);
        subgraph = &result.subgraph;
    }
    auto claims = provenance.get();
    exporters::ExportInput input{view, store, subgraph, &claims};
    auto summary = exporters::exportGraph(input, args.format, args.out, ctx.out);
    bool toStream = summary.files.empty();
    if (ctx.json && !toStream) {
        JsonOut j;
        j.beginObject()
            .field("format", summary.format)
            .field("nodes", static_cast<std::int64_t>(summary.nodes))
            .field("edges", static_cast<std::int64_t>(summary.edges));
        j.beginArray("files");
        for (const auto& f : summary.files) j.field(nullptr, f.string());
        j.endArray().endObject();
        j.print(ctx.out);
    } else if (!ctx.quiet) {
        ctx.err << "exported " << summary.nodes << " nodes and " << summary.edges << " edges as "
                << summary.format << " to "
                << (toStream ? std::string("standard output") : args.out) << '\n';
    }
    return kOk;
}

}  // namespace

void addExportCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto args = std::make_shared<ExportArgs>();
    auto* cmd = app.add_subcommand(
        "export",
        "Write the graph, or a filtered part of it, for Gephi, networkx, igraph, "
        "web viewers, Neo4j or Aleph (FollowTheMoney)");
    cmd->add_option("--format", args->format, "Output format: " + exporters::formatList())
        ->required()
        ->check(CLI::IsMember(exporters::formatNames()));
    cmd->add_option("--out", args->out,
                    "File to write, '-' for standard output (the default); a directory for neo4j");
    cmd->add_option("--as-of", args->asOf, "Only relations valid on this day (YYYY[-MM[-DD]])")
        ->check(CLI::Validator(
            [](std::string& text) {
                std::string error;
                return graph::PartialDate::parse(text, &error) ? std::string() : error;
            },
            "DATE"));
    cmd->add_option("--min-confidence", args->minConfidence,
                    "Leave out relations whose confidence is below this (0 to 1)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--types", args->types, "Only these entity types and their subtypes (T,...)")
        ->delimiter(',');
    cmd->add_option("--relations", args->relations, "Only these relation types (R,...)")
        ->delimiter(',');
    cmd->add_option("--query", args->query,
                    "Export only the result of this saved query (a name, or a saved query file)");
    cmd->add_option("--param", args->params, "A parameter of the saved query, NAME=VALUE (repeatable)");
    cmd->add_option("--sources", args->sources,
                    "Only relations supported by a claim from one of these sources (S,...)")
        ->delimiter(',');
    cmd->footer(
        "Examples:\n"
        "  claimgraph export --format graphml --out graph.graphml     # Gephi, networkx, igraph\n"
        "  claimgraph export --format gexf --out graph.gexf           # Gephi timeline\n"
        "  claimgraph export --format json --as-of 2022-08-30 > graph.json\n"
        "  claimgraph export --format neo4j --out neo4j-import/       # nodes.csv, "
        "relationships.csv\n"
        "  claimgraph export --format ftm --out graph.ftm.json        # Aleph, ftm tools\n"
        "See docs/exports.md for the attributes of each format.");
    registry.add(cmd, [&ctx, args] { return runExport(ctx, *args); });
}

}  // namespace cg::cli
