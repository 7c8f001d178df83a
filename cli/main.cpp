// SPDX-License-Identifier: MIT
// claimgraph: argument parsing and dispatch only; the work happens in the modules.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "graph/error.hpp"
#include "ingest/ingest.hpp"

namespace {

std::string defaultDb() {
    if (const char* env = std::getenv("CLAIMGRAPH_DB"); env && *env) return env;
    return "claimgraph.db";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cg::cli;
    CLI::App app{
        "claimgraph: turn claims about who owns, runs and shelters what into a knowledge graph,\n"
        "keeping every claim's source, quote, date and certainty."};
    app.require_subcommand(1);
    app.fallthrough();
    Context ctx;
    ctx.dbPath = defaultDb();
    app.add_option("--db", ctx.dbPath, "Investigation database file (default: $CLAIMGRAPH_DB or claimgraph.db)");
    app.add_option("--schema", ctx.schemaPath, "A schema file extending the default entity and relation types");
    app.add_flag("--json", ctx.json, "Machine-readable JSON output");
    app.add_flag("-q,--quiet", ctx.quiet, "Print less");
    app.set_version_flag("--version", "claimgraph 0.1.0");
    app.footer(
        "Exit codes: 0 success; 1 error (unreadable input, unknown entity, storage failure);\n"
        "2 bad command line; 3 records rejected under --strict.\n"
        "Run 'claimgraph COMMAND --help' for a command's options.");

    auto* init = app.add_subcommand("init", "Create an empty investigation database");

    IngestArgs ingestArgs;
    auto* ingest = app.add_subcommand("ingest", "Read claims files into the database");
    ingest->add_option("files", ingestArgs.files, "Input files")->required()->check(CLI::ExistingFile);
    ingest->add_option("--format", ingestArgs.format, "Input format: " + cg::ingest::formatList())
        ->capture_default_str();
    ingest->add_flag("--strict", ingestArgs.strict, "Exit with code 3 when any record is rejected");
    ingest->add_option("--batch", ingestArgs.batchSize, "Records per transaction")->capture_default_str();

    auto* stats = app.add_subcommand("stats", "Counts of sources, claims, entities and relations");
    auto* sources = app.add_subcommand("sources", "List the sources claims come from");

    std::string entityType, entityName;
    long entityLimit = 0;
    auto* entities = app.add_subcommand("entities", "List entities");
    entities->add_option("--type", entityType, "Only this type and its subtypes (e.g. Organization)");
    entities->add_option("--name", entityName, "Only names containing this text (matched normalised)");
    entities->add_option("--limit", entityLimit, "At most this many rows (0: all)");

    std::string showEntity;
    auto* show = app.add_subcommand("show", "An entity's names, properties and relations, with the claims behind each");
    show->add_option("entity", showEntity, "Entity id or name")->required();

    std::string explainA, explainB;
    auto* explain = app.add_subcommand("explain", "Every claim linking two entities, with source and quote");
    explain->add_option("a", explainA, "Entity id or name")->required();
    explain->add_option("b", explainB, "Entity id or name")->required();

    long rejectionLimit = 0;
    auto* rejections = app.add_subcommand("rejections", "Records rejected by earlier ingests, with file, line and reason");
    rejections->add_option("--limit", rejectionLimit, "At most this many rows (0: all)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }

    try {
        if (*init) return runInit(ctx);
        if (*ingest) return runIngest(ctx, ingestArgs);
        if (*stats) return runStats(ctx);
        if (*sources) return runSources(ctx);
        if (*entities) return runEntities(ctx, entityType, entityName, entityLimit);
        if (*show) return runShow(ctx, showEntity);
        if (*explain) return runExplain(ctx, explainA, explainB);
        if (*rejections) return runRejections(ctx, rejectionLimit);
    } catch (const cg::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kError;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kError;
    }
    return kUsage;
}
