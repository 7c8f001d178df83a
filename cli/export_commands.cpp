// SPDX-License-Identifier: MIT
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/export_figures.hpp"
#include "cli/json_out.hpp"
#include "cli/progress_bar.hpp"
#include "cli/registry.hpp"
#include "cli/saved_query_run.hpp"
#include "cli/view_figures.hpp"
#include "export/export_graph.hpp"
#include "export/html_writer.hpp"
#include "export/writer_factory.hpp"
#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/provenance_scan.hpp"
#include "graph/view.hpp"
#include "queries/centrality.hpp"
#include "resolve/database_entity_finder.hpp"

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
    std::string evidence = "full";
    bool includeDenied = false;
    std::string sizeBy;
};

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& item : list) out += (out.empty() ? "" : ",") + item;
    return out;
}

// What the export holds, recorded in it: the options that chose it, never the time it ran.
std::vector<std::pair<std::string, std::string>> selectionOf(
    const ExportArgs& args, const std::optional<queries::SavedQuery>& query,
    const std::map<std::string, std::string>& params, graph::Store& store) {
    std::vector<std::pair<std::string, std::string>> selection;
    selection.emplace_back("evidence", args.evidence);
    if (!args.types.empty()) selection.emplace_back("types", joined(args.types));
    if (!args.relations.empty()) selection.emplace_back("relations", joined(args.relations));
    if (!args.asOf.empty()) selection.emplace_back("as_of", args.asOf);
    if (args.minConfidence > 0) {
        std::ostringstream text;
        text << args.minConfidence;
        selection.emplace_back("min_confidence", text.str());
    }
    if (!args.sources.empty()) selection.emplace_back("sources", joined(args.sources));
    if (args.includeDenied) selection.emplace_back("include_denied", "true");
    if (query) {
        selection.emplace_back("query", query->name);
        selection.emplace_back("query_version", std::to_string(query->version));
        selection.emplace_back("query_kind", query->kind);
        for (const auto& [name, value] : params) selection.emplace_back("param." + name, value);
    }
    if (auto ingest = store.lastIngest()) {
        // The file's name only: its folder can name the investigator's home.
        selection.emplace_back("last_ingest",
                               "#" + std::to_string(ingest->id) + " " +
                                   std::filesystem::path(ingest->file).filename().string() + " (" +
                                   ingest->format + ", finished " + ingest->finished + ")");
    }
    return selection;
}

// The days a date means, as the view filters by them: a partial date is its whole month or
// year, as in `query` and saved queries.
std::optional<graph::DayPeriod> periodOf(const std::string& text) {
    auto date = graph::PartialDate::parse(text);
    if (!date) return std::nullopt;
    return date->period();
}

int runExport(Context& ctx, const ExportArgs& args) {
    graph::ViewFilter filter;
    std::optional<queries::BoundQuery> bound;
    std::optional<queries::SavedQuery> saved;
    auto params = parseParams(args.params);
    if (!args.query.empty()) {
        // The saved query's own filters, narrowed further by any given here.
        saved = loadSavedQuery(ctx, args.query, 0);
        bound = queries::bindSavedQuery(*saved, params);
        filter = bound->filter;
    } else if (!args.params.empty()) {
        throw QueryError("--param needs --query NAME");
    }
    auto level = exporters::evidenceLevel(args.evidence);
    if (!level)
        throw QueryError("--evidence: expected full, summary or none, not '" + args.evidence + "'");
    if (!args.sizeBy.empty() && args.format != "html") {
        throw QueryError("--size-by sizes the entities of an HTML view: give --format html");
    }
    if (args.includeDenied) filter.includeDenied = true;
    if (!args.types.empty()) filter.entityTypes = args.types;
    if (!args.relations.empty()) filter.relationTypes = args.relations;
    if (!args.asOf.empty()) filter.asOf = periodOf(args.asOf);
    if (args.minConfidence > 0) filter.minConfidence = args.minConfidence;
    if (!args.sources.empty()) filter.sources = args.sources;
    auto& store = ctx.store();
    graph::GraphView::checkFilter(ctx.schema(), filter);
    // Where each entity and relation comes from is read on a second connection while this
    // one builds the view: two long sequential reads, side by side on two cores (WAL).
    auto provenance = std::async(
        std::launch::async, [path = store.path(), level = *level, access = store.access()] {
            graph::Store reader(path, false, access);
            return graph::readClaimProvenance(reader, exporters::exportProvenanceOptions(level));
        });
    auto view = graph::GraphView::build(store, ctx.schema(), filter);
    queries::QueryResult result;
    const graph::Subgraph* subgraph = nullptr;
    if (bound) {
        // Only the nodes and edges the query's answer covers are written.
        result = queries::runQueryKind(*bound->kind, bound->args, view,
                                       resolve::DatabaseEntityFinder(store));
        subgraph = &result.subgraph;
    }
    auto claims = provenance.get();
    exporters::ExportOptions options;
    options.evidence = *level;
    options.selection = selectionOf(args, saved, params, store);
    exporters::QueryFigures figures;
    if (bound) {
        figures = queryFigures(result, view);
        for (auto& fact : resultFacts(result, view)) options.selection.push_back(std::move(fact));
        options.figures = &figures;
    }
    // A large export takes a while: a bar on a terminal (never in pipes), erased before the
    // summary.
    ProgressBar bar("export " + args.format, ProgressBar::Unit::Count, 20000);
    options.progress = [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
    exporters::ExportInput input{view, store, subgraph, &claims, &options};
    exporters::ExportSummary summary;
    if (args.format == "html") {
        // The page names its query and shows the result table the query computed.
        exporters::HtmlViewOptions page;
        if (bound) {
            std::string query = args.query;
            for (const auto& p : args.params) query += " " + p;
            page.title = "claimgraph: " + query;
            page.figures = viewFigures(result, view, query);
        }
        sizeByCentrality(view, args.sizeBy, page, &ctx.err);
        exporters::HtmlWriter writer(page);
        summary = exporters::exportGraph(input, writer, args.format, args.out, ctx.out);
    } else {
        summary = exporters::exportGraph(input, args.format, args.out, ctx.out);
    }
    bar.clear();
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
        "web viewers, Neo4j, Aleph (FollowTheMoney) or a browser (an HTML view)");
    cmd->add_option("--format", args->format, "Output format: " + exporters::formatList())
        ->required()
        ->check(CLI::IsMember(exporters::formatNames()));
    cmd->add_option("--out", args->out,
                    "File to write, '-' for standard output (the default); a directory for neo4j");
    cmd->add_option(
           "--as-of", args->asOf,
           "Only relations valid at this date (YYYY[-MM[-DD]]; a month or year: at any time in it)")
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
    cmd->add_option("--param", args->params,
                    "A parameter of the saved query, NAME=VALUE (repeatable)");
    cmd->add_option("--evidence", args->evidence,
                    "How much evidence each relation carries: full (every claim with its quote, "
                    "the default), summary (every claim, the strongest claim's quote) or none "
                    "(claim and source ids only)")
        ->check(CLI::IsMember({"full", "summary", "none"}));
    cmd->add_flag("--include-denied", args->includeDenied,
                  "Also export relations that claims only deny (stance \"denied\", with the "
                  "denying claims' quotes)");
    cmd->add_option("--sources", args->sources,
                    "Only relations supported by a claim from one of these sources (S,...)")
        ->delimiter(',');
    cmd->add_option("--size-by", args->sizeBy,
                    "--format html: size entities by their degree in the page (the default) or "
                    "by a centrality over the whole exported graph: " +
                        queries::centralityMetricList());
    cmd->footer(
        "Examples:\n"
        "  claimgraph export --format graphml --out graph.graphml     # Gephi, networkx, igraph\n"
        "  claimgraph export --format gexf --out graph.gexf           # Gephi timeline\n"
        "  claimgraph export --format json --as-of 2022-08-30 > graph.json\n"
        "  claimgraph export --format neo4j --out neo4j-import/       # nodes.csv, "
        "relationships.csv\n"
        "  claimgraph export --format ftm --out graph.ftm.json        # Aleph, ftm tools\n"
        "  claimgraph export --format graphml --query owners-of --param entity=X --out o.graphml\n"
        "                                                 # a query's result with its figures\n"
        "  claimgraph export --format json --include-denied --evidence summary > graph.json\n"
        "  claimgraph export --format html --out view.html            # open in a browser\n"
        "See docs/exports.md for the attributes of each format, docs/view.md for the HTML view.");
    registry.add(cmd, [&ctx, args] { return runExport(ctx, *args); });
}

}  // namespace cg::cli
