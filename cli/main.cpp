// SPDX-License-Identifier: MIT
// claimgraph: argument parsing and dispatch only; the work happens in the modules.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_hints.hpp"
#include "cli/manual.hpp"
#include "cli/registry.hpp"
#include "cli/terminal_text.hpp"
#include "export/interrupt_cleanup.hpp"
#include "graph/error.hpp"

namespace {

std::string defaultDb() {
    if (const char* env = std::getenv("CLAIMGRAPH_DB"); env && *env) return env;
    return "claimgraph.db";
}

// SQLite names the failure but not what to do about it; the database itself is intact, since
// the failed batch was rolled back (docs/reliability.md).
std::string storageHint(const std::string& message) {
    auto has = [&](const char* text) { return message.find(text) != std::string::npos; };
    if (has("disk is full") || has("disk I/O error")) {
        return " (is the disk full, or the file larger than the system allows? every batch "
               "committed before is kept: free some space and run the same ingest again)";
    }
    if (has("readonly database") || has("unable to open database file")) {
        return " (is the database or its directory read-only? claimgraph must be able to write "
               "the file, and create its -wal and -shm files beside it)";
    }
    return "";
}

// Every write to standard output is checked here, once, at the end: the stream's error state
// is sticky, and the last bytes only reach the file when stdio flushes them. A command whose
// output was lost (a full disk, /dev/full, a closed pipe) must not exit 0.
int checkedExit(int code) {
    std::cout.flush();
    bool failed = !std::cout;
    int error = errno;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        failed = true;
        error = errno;
    }
    if (!failed) return code;
    std::string reason = error != 0 ? std::strerror(error) : "write error";
    if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z')
        reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
    std::cerr << "error: standard output: cannot write: " << reason
              << " (the output is incomplete)\n";
    return cg::cli::kError;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cg::cli;
    // Past a file-size limit (ulimit -f) the kernel would kill the process with SIGXFSZ and no
    // word; ignored, the write fails with EFBIG and ends the command like a full disk.
    ::signal(SIGXFSZ, SIG_IGN);
    // Ctrl-C (and SIGTERM, SIGHUP) ends the process with 130 (128 + the signal) after removing
    // the temporary output being written, so that no partial file is left and the old output
    // stays; an ingest's open batch is never committed, as when it is killed.
    cg::exporters::installInterruptCleanup();
    // Names, quotes and reasons come from the data: on a terminal they must not be able to
    // send it escape sequences. Files and pipes get the bytes as they are (docs/reliability.md).
    // Declared first, so that each stream has its own buffer back after everything else.
    std::optional<TerminalSafeStream> safeOut;
    std::optional<TerminalSafeStream> safeErr;
    if (isatty(STDOUT_FILENO) == 1) safeOut.emplace(std::cout);
    if (isatty(STDERR_FILENO) == 1) safeErr.emplace(std::cerr);
    CLI::App app{
        "claimgraph: turn claims about who owns, runs and shelters what into a knowledge graph,\n"
        "keeping every claim's source, quote, date and certainty."};
    app.require_subcommand(1);
    app.fallthrough();
    Context ctx;
    ctx.dbPath = defaultDb();
    app.add_option("--db", ctx.dbPath,
                   "Investigation database file (default: $CLAIMGRAPH_DB or claimgraph.db)");
    app.add_option("--schema", ctx.schemaPath,
                   "A schema file extending the default entity and relation types");
    app.add_flag("--json", ctx.json, "Machine-readable JSON output");
    app.add_flag("-q,--quiet", ctx.quiet, "Print less");
    app.add_flag("--wide", ctx.wide,
                 "Print every table cell whole (on a terminal, tables are fitted to its width)");
    double wait = -1;
    app.add_option("--wait", wait,
                   "A command that changes the database waits for another one to end: at most "
                   "this many seconds (default: without limit)")
        ->check(CLI::NonNegativeNumber);
    app.set_version_flag("--version", "claimgraph " CG_VERSION);
    app.footer(
        "Exit codes: 0 success; 1 error (unreadable input, an input file refused whole,\n"
        "unknown entity, storage failure, output that cannot be written); 2 bad command\n"
        "line; 3 records rejected under --strict; 4 an input file of which no record was\n"
        "accepted (an empty one included). Ingest reads every file first; the highest code wins.\n"
        "Run 'claimgraph COMMAND --help' for a command's options.");

    Registry registry;
    addCoreCommands(app, ctx, registry);
    addQueryCommands(app, ctx, registry);
    addSavedQueryCommands(app, ctx, registry);
    addResolveCommands(app, ctx, registry);
    addRetractCommands(app, ctx, registry);
    addExportCommands(app, ctx, registry);
    addSearchCommands(app, ctx, registry);
    addReportCommands(app, ctx, registry);
    addGenerateCommand(app, registry);
    addViewCommand(app, ctx, registry);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // A name the command tree does not know is said plainly, with the nearest known one;
        // CLI11's own message ("A subcommand is required") would mislead there.
        if (e.get_exit_code() != 0) {
            std::string hint =
                commandLineHint(app, std::vector<std::string>(argv + 1, argv + argc));
            if (!hint.empty()) {
                std::cerr << "error: " << hint << '\n';
                return kUsage;
            }
        }
        int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }
    if (wait >= 0) ctx.waitSeconds = wait;
    try {
        if (auto* run = registry.parsed()) return checkedExit((*run)());
    } catch (const cg::StorageError& e) {
        std::cerr << "error: " << e.what() << storageHint(e.what()) << '\n';
        return checkedExit(kError);
    } catch (const cg::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return checkedExit(kError);
    } catch (const std::bad_alloc&) {
        std::cerr << "error: out of memory\n";
        return checkedExit(kError);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << storageHint(e.what()) << '\n';
        return checkedExit(kError);
    }
    std::cerr << app.help() << '\n';
    return kUsage;
}
