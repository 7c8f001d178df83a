// SPDX-License-Identifier: MIT
// `claimgraph query save | list | show | run | delete`: saved queries as files and in the
// database, checked before they run.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/json_out.hpp"
#include "cli/listing_output.hpp"
#include "cli/registry.hpp"
#include "cli/result_output.hpp"
#include "cli/saved_query_run.hpp"
#include "cli/table.hpp"
#include "graph/error.hpp"
#include "graph/saved_queries.hpp"
#include "graph/view.hpp"
#include "queries/saved_query.hpp"
#include "resolve/database_entity_finder.hpp"

namespace cg::cli {

namespace {

struct SavedArgs {
    std::string target;  // a name, or a file for save and run
    std::vector<std::string> params;
    int version = 0;
    ResultFormat format;
    bool explain = false;
    std::size_t maxMemory = 0;  // MB; 0: the saved query's max_memory, else the default
};

bool isFile(const std::string& target) {
    std::error_code ec;
    bool looksLikePath = target.find('/') != std::string::npos ||
                         (target.size() > 5 && target.substr(target.size() - 5) == ".json");
    return looksLikePath && std::filesystem::is_regular_file(target, ec);
}

}  // namespace

queries::SavedQuery loadSavedQuery(Context& ctx, const std::string& target, int version) {
    if (isFile(target)) return queries::readSavedQuery(target);
    auto row = graph::SavedQueries(ctx.store())
                   .find(target, version > 0 ? std::optional<int>(version) : std::nullopt);
    if (!row) {
        std::string names;
        for (const auto& q : graph::SavedQueries(ctx.store()).latest())
            names += (names.empty() ? "" : ", ") + q.name;
        throw QueryError(
            "no saved query '" + target + "'" +
            (version > 0 ? " at version " + std::to_string(version) : "") + " (saved: " +
            (names.empty() ? std::string("none; save one with 'query save FILE'") : names) + ")");
    }
    return queries::parseSavedQuery(row->document, "saved query '" + target + "'");
}

std::map<std::string, std::string> parseParams(const std::vector<std::string>& given) {
    std::map<std::string, std::string> out;
    for (const auto& p : given) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            throw QueryError("--param '" + p + "' is not NAME=VALUE");
        out[p.substr(0, eq)] = p.substr(eq + 1);
    }
    return out;
}

namespace {

int runSavedQuery(Context& ctx, const SavedArgs& args) {
    queries::SavedQuery q = loadSavedQuery(ctx, args.target, args.version);
    queries::BoundQuery bound = queries::bindSavedQuery(q, parseParams(args.params));
    if (args.maxMemory > 0) bound.args["max_memory"] = static_cast<std::int64_t>(args.maxMemory);
    graph::GraphView view = graph::GraphView::build(ctx.store(), ctx.schema(), bound.filter);
    queries::QueryResult result = queries::runQueryKind(*bound.kind, bound.args, view,
                                                        resolve::DatabaseEntityFinder(ctx.store()));
    return printResult(ctx, view, result, args.explain, args.format);
}

}  // namespace

void addSavedQueryCommands(CLI::App& app, Context& ctx, Registry& registry) {
    CLI::App* query = app.get_subcommand("query");
    auto args = std::make_shared<SavedArgs>();

    auto* save = query->add_subcommand(
        "save", "Check a saved query file and store it (every version is kept)");
    save->add_option("file", args->target, "Saved query file (docs/saved-queries.md)")
        ->required()
        ->check(CLI::ExistingFile);
    registry.add(save, [&ctx, args] {
        auto q = queries::readSavedQuery(args->target);
        ctx.writing(true);
        bool stored = graph::SavedQueries(ctx.store(true))
                          .save({q.name, q.version, q.kind, q.description, q.text, "", false});
        if (ctx.json) {
            JsonOut j;
            j.beginObject()
                .field("name", q.name)
                .field("version", q.version)
                .field("stored", stored)
                .endObject()
                .print(ctx.out);
        } else {
            ctx.out << (stored ? "saved " : "already saved: ") << q.name << " version " << q.version
                    << '\n';
        }
        return kOk;
    });

    auto* list = query->add_subcommand("list", "Saved queries: the latest version of each");
    auto listFormat = std::make_shared<ResultFormat>();
    addResultFormatOptions(list, *listFormat);
    registry.add(list, [&ctx, listFormat] {
        auto rows = graph::SavedQueries(ctx.store()).latest();
        if (auto format = listingFormat(ctx, *listFormat); format != "table") {
            JsonOut j;
            j.beginArray();
            for (const auto& r : rows) {
                j.beginObject()
                    .field("name", r.name)
                    .field("version", r.version)
                    .field("kind", r.kind);
                j.field("description", r.description).field("saved", r.saved).endObject();
            }
            j.endArray();
            printListing(ctx.out, format, j);
            return kOk;
        }
        Table t({"name", "version", "kind", "description"}, {0});
        for (const auto& r : rows)
            t.add({r.name, std::to_string(r.version), r.kind, r.description});
        if (t.empty()) {
            ctx.out << "no saved queries (save one with 'claimgraph query save FILE')\n";
        } else {
            t.print(ctx.out, ctx.tableWidth());
        }
        return kOk;
    });

    auto* show =
        query->add_subcommand("show", "A saved query's document, its parameters and its versions");
    show->add_option("name", args->target, "Saved query name")->required();
    show->add_option("--version", args->version, "This version instead of the latest");
    registry.add(show, [&ctx, args] {
        auto q = loadSavedQuery(ctx, args->target, args->version);
        if (ctx.json) {
            ctx.out << q.text << (q.text.empty() || q.text.back() != '\n' ? "\n" : "");
            return kOk;
        }
        ctx.out << q.name << " (version " << q.version << ", " << q.kind << ")\n"
                << q.description << "\n";
        if (!q.params.empty()) {
            ctx.out << "parameters:\n";
            for (const auto& p : q.params) {
                ctx.out << "  " << p.name << " (" << queries::argTypeName(p.type) << ")";
                if (p.hasDefault) ctx.out << " default " << p.defaultText;
                if (!p.description.empty()) ctx.out << ": " << p.description;
                ctx.out << '\n';
            }
        }
        auto history = graph::SavedQueries(ctx.store()).history(q.name);
        if (history.size() > 1) {
            ctx.out << "versions:";
            for (const auto& h : history) ctx.out << ' ' << h.version << " (" << h.saved << ")";
            ctx.out << '\n';
        }
        ctx.out << "document:\n" << q.text << (q.text.empty() || q.text.back() != '\n' ? "\n" : "");
        return kOk;
    });

    auto* run =
        query->add_subcommand("run", "Run a saved query (by name, or a file) with its parameters");
    run->add_option("query", args->target, "Saved query name, or a saved query file")->required();
    run->add_option("--param", args->params, "A parameter value, NAME=VALUE (repeatable)");
    run->add_option("--version", args->version, "This version instead of the latest");
    addResultFormatOptions(run, args->format);
    run->add_flag("--explain", args->explain,
                  "List the claims behind every relation of the result");
    addMaxMemoryOption(run, args->maxMemory);
    registry.add(run, [&ctx, args] { return runSavedQuery(ctx, *args); });

    auto* del = query->add_subcommand("delete", "Delete a saved query (every version)");
    del->add_option("name", args->target, "Saved query name")->required();
    registry.add(del, [&ctx, args] {
        ctx.writing();
        int n = graph::SavedQueries(ctx.store()).remove(args->target);
        if (n == 0) throw QueryError("no saved query '" + args->target + "'");
        ctx.out << "deleted " << args->target << " (" << n << " version" << (n > 1 ? "s" : "")
                << ")\n";
        return kOk;
    });
}

}  // namespace cg::cli
