// SPDX-License-Identifier: MIT
// claimgraph: argument parsing and dispatch only; the work happens in the modules.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "cli/registry.hpp"
#include "graph/error.hpp"

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

    Registry registry;
    addCoreCommands(app, ctx, registry);
    addQueryCommands(app, ctx, registry);
    addSavedQueryCommands(app, ctx, registry);
    addResolveCommands(app, ctx, registry);
    addExportCommands(app, ctx, registry);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }
    try {
        if (auto* run = registry.parsed()) return (*run)();
    } catch (const cg::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kError;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kError;
    }
    std::cerr << app.help() << '\n';
    return kUsage;
}
