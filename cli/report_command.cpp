// SPDX-License-Identifier: MIT
// `claimgraph report ENTITY`: an entity's dossier, for an editor or a lawyer, as HTML or
// Markdown (docs/report.md).
#include <memory>
#include <sstream>
#include <string>

#include "cli/registry.hpp"
#include "cli/report_assembly.hpp"
#include "cli/report_diagram.hpp"
#include "export/output_file.hpp"
#include "export/report_html_writer.hpp"
#include "export/report_markdown_writer.hpp"
#include "resolve/entity_lookup.hpp"

namespace cg::cli {

namespace {

struct ReportArgs {
    std::string entity;
    std::string format;
    std::string out;
    int hops = 1;
};

bool endsWith(const std::string& text, const std::string& end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

int runReport(Context& ctx, const ReportArgs& args) {
    bool toStream = args.out.empty() || args.out == "-";
    // Without --format: Markdown on standard output, else as the file's name says.
    std::string format = args.format;
    if (format.empty()) format = toStream || endsWith(args.out, ".md") ? "md" : "html";
    auto& store = ctx.store();
    graph::EntityId entity = resolve::findEntity(store, args.entity);
    exporters::ReportDocument doc =
        assembleReport(store, ctx.schema(), entity, ReportOptions{args.hops});
    auto write = [&](std::ostream& out) {
        if (format == "html") {
            exporters::writeReportHtml(doc, out);
        } else {
            exporters::writeReportMarkdown(doc, out);
        }
    };
    if (toStream) {
        write(ctx.out);
        return kOk;
    }
    exporters::writeOutputFile(args.out, write);
    if (!ctx.quiet) {
        ctx.err << "wrote the report of " << doc.name << " (" << doc.sources.size()
                << " sources) as " << format << " to " << args.out << '\n';
    }
    return kOk;
}

}  // namespace

void addReportCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto args = std::make_shared<ReportArgs>();
    auto* cmd = app.add_subcommand(
        "report",
        "An entity's dossier before publication: names, properties and relations with every "
        "claim, quote and denial, ownership with its arithmetic, numbered sources");
    cmd->add_option("entity", args->entity, "Entity id or name")->required();
    cmd->add_option("--format", args->format,
                    "html (one offline page that prints to A4) or md (Markdown with footnotes); "
                    "default: md on standard output, else as --out's extension says")
        ->check(CLI::IsMember({"html", "md"}));
    cmd->add_option("--out", args->out,
                    "File to write (written whole or not at all); default: standard output");
    cmd->add_option("--hops", args->hops,
                    "How far the neighbourhood diagram reaches, in relations (default 1; at most " +
                        std::to_string(kDiagramNodes) + " entities are drawn; 0: no diagram)")
        ->check(CLI::Range(0, 6));
    cmd->footer(
        "Examples:\n"
        "  claimgraph report \"Mara Velde\"                        # Markdown on the terminal\n"
        "  claimgraph report mara --out mara.html                # print it from a browser\n"
        "  claimgraph report mara --format md --out mara.md      # paste into an editor\n"
        "  claimgraph report mara --hops 2 --out mara.html       # a wider diagram\n"
        "See docs/report.md.");
    registry.add(cmd, [&ctx, args] { return runReport(ctx, *args); });
}

}  // namespace cg::cli
