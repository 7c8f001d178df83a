// SPDX-License-Identifier: MIT
#include <filesystem>
#include <memory>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/registry.hpp"
#include "ingest/ingest.hpp"

namespace cg::cli {

namespace {

// A file or a folder that exists, or "-" for standard input.
const CLI::Validator kInputPath(
    [](std::string& path) -> std::string {
        std::error_code ec;
        if (path == "-" || std::filesystem::exists(path, ec)) return {};
        return "File does not exist: " + path;
    },
    "PATH");

}  // namespace

void addCoreCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto* init = app.add_subcommand("init", "Create an empty investigation database");
    registry.add(init, [&ctx] { return runInit(ctx); });

    auto ingestArgs = std::make_shared<IngestArgs>();
    auto* ingest = app.add_subcommand("ingest", "Read claims files into the database");
    ingest
        ->add_option("files", ingestArgs->files,
                     "Input files; a folder is read file by file, sorted by name, without its "
                     "sub-folders (a folder of ICIJ Offshore Leaks CSV files as one dataset); "
                     "'-' reads standard input")
        ->required()
        ->check(kInputPath);
    ingest->add_option("--name", ingestArgs->name,
                       "What standard input ('-') is recorded as, in claims and rejections "
                       "(default '-'); reading it again under the same name adds nothing new");
    ingest->add_option("--format", ingestArgs->format, "Input format: " + ingest::formatList())
        ->capture_default_str();
    ingest
        ->add_option(
            "--mapping", ingestArgs->mapping,
            "Mapping file (JSON) saying what the columns of a CSV file mean; see docs/formats.md")
        ->check(CLI::ExistingFile);
    ingest->add_flag("--strict", ingestArgs->strict,
                     "Exit with code 3 when any record is rejected (ambiguous references, names "
                     "that fit several entities, are warnings: see docs/resolution.md)");
    ingest->add_option("--batch", ingestArgs->batchSize, "Records per transaction")
        ->capture_default_str();
    ingest->add_flag(
        "--no-bulk", ingestArgs->noBulk,
        "Keep every index up to date row by row, even when the database holds no claims yet "
        "(the bulk path builds them once at the end; the content is the same)");
    ingest->add_flag("--no-pipeline", ingestArgs->noPipeline,
                     "Parse and store on one thread (by default the reader parses on a second "
                     "thread while this one stores; the content is the same)");
    registry.add(ingest, [&ctx, ingestArgs] { return runIngest(ctx, *ingestArgs); });

    auto* stats = app.add_subcommand("stats", "Counts of sources, claims, entities and relations");
    registry.add(stats, [&ctx] { return runStats(ctx); });

    auto* sources = app.add_subcommand("sources", "List the sources claims come from");
    auto sourcesFormat = std::make_shared<ResultFormat>();
    addResultFormatOptions(sources, *sourcesFormat);
    registry.add(sources, [&ctx, sourcesFormat] { return runSources(ctx, *sourcesFormat); });

    struct EntitiesArgs {
        std::string type, name;
        long limit = 0;
        ResultFormat format;
    };
    auto ea = std::make_shared<EntitiesArgs>();
    auto* entities = app.add_subcommand("entities", "List entities");
    entities->add_option("--type", ea->type, "Only this type and its subtypes (e.g. Organization)");
    entities->add_option("--name", ea->name,
                         "Only names containing this text (matched normalised)");
    entities->add_option("--limit", ea->limit, "At most this many rows (0: all)");
    addResultFormatOptions(entities, ea->format);
    registry.add(entities, [&ctx, ea] {
        return runEntities(ctx, ea->type, ea->name, ea->limit, ea->format);
    });

    auto showEntity = std::make_shared<std::string>();
    auto* show = app.add_subcommand(
        "show", "An entity's names, properties and relations, with the claims behind each");
    show->add_option("entity", *showEntity, "Entity id or name")->required();
    registry.add(show, [&ctx, showEntity] { return runShow(ctx, *showEntity); });

    auto pair = std::make_shared<std::pair<std::string, std::string>>();
    auto* explain =
        app.add_subcommand("explain", "Every claim linking two entities, with source and quote");
    explain->add_option("a", pair->first, "Entity id or name")->required();
    explain->add_option("b", pair->second, "Entity id or name")->required();
    registry.add(explain, [&ctx, pair] { return runExplain(ctx, pair->first, pair->second); });

    auto ra = std::make_shared<RejectionsArgs>();
    auto* rejections = app.add_subcommand(
        "rejections",
        "Records rejected by the latest read of each file, with file, line and reason (reading "
        "a file again replaces its rejections)");
    rejections->add_option("--limit", ra->limit, "At most this many rows (0: all)");
    rejections->add_option("--file", ra->file,
                           "Only this file's rejections (as given to ingest, or standard "
                           "input's --name)");
    rejections->add_flag("--clear", ra->clear,
                         "Delete the rejections (only --file's when given) instead of listing "
                         "them; the next read of a file records its own again");
    addResultFormatOptions(rejections, ra->format);
    registry.add(rejections, [&ctx, ra] { return runRejections(ctx, *ra); });
}

}  // namespace cg::cli
