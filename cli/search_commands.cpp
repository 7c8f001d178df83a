// SPDX-License-Identifier: MIT
#include <memory>
#include <string>

#include "cli/json_out.hpp"
#include "cli/registry.hpp"
#include "graph/search.hpp"

namespace cg::cli {

namespace {

struct SearchArgs {
    std::string text;
    graph::SearchOptions options;
};

int runSearch(Context& ctx, const SearchArgs& args) {
    if (args.options.limit < 0) {
        ctx.err << "search: --limit must be 0 or more\n";
        return kUsage;
    }
    graph::Store& store = ctx.store();  // opens (and migrates) the database first
    auto hits = graph::searchClaims(store.path(), args.text, args.options);
    if (ctx.json) {
        JsonOut j;
        j.beginObject().field("query", args.text).beginArray("hits");
        for (const auto& hit : hits) {
            j.beginObject().field("claim", hit.claim).field("score", hit.score);
            j.field("snippet", hit.snippet).field("quote", hit.quote).beginArray("entities");
            for (const auto& e : hit.entities) {
                j.beginObject()
                    .field("id", e.id)
                    .field("name", e.name)
                    .field("type", e.type)
                    .endObject();
            }
            j.endArray().beginObject("source").field("id", hit.sourceId);
            j.field("title", hit.sourceTitle).endObject().endObject();
        }
        j.endArray().endObject();
        j.print(ctx.out);
        return kOk;
    }
    if (hits.empty()) {
        if (!ctx.quiet) ctx.out << "no claims match\n";
        return kOk;
    }
    int n = 0;
    for (const auto& hit : hits) {
        ctx.out << ++n << ". " << hit.claim << "  " << hit.snippet << "\n   ";
        for (std::size_t i = 0; i < hit.entities.size(); ++i) {
            const auto& e = hit.entities[i];
            ctx.out << (i ? ", " : "") << e.name << " (" << e.type << ", " << e.id << ")";
        }
        ctx.out << "\n   source: " << hit.sourceId;
        if (!hit.sourceTitle.empty()) ctx.out << " \"" << hit.sourceTitle << '"';
        ctx.out << '\n';
    }
    return kOk;
}

}  // namespace

void addSearchCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto args = std::make_shared<SearchArgs>();
    auto* search = app.add_subcommand(
        "search",
        "Full-text search of claim quotes and notes, entity names and aliases, source titles");
    search
        ->add_option("text", args->text,
                     "Words (all must match), \"quoted phrases\", a trailing * for a prefix")
        ->required();
    search->add_option("--type", args->options.type, "Only claims naming an entity of this type");
    search->add_option("--source", args->options.source, "Only claims from this source id");
    search->add_option("--limit", args->options.limit,
                       "At most this many hits (default 20; 0: all)");
    registry.add(search, [&ctx, args] { return runSearch(ctx, *args); });
}

}  // namespace cg::cli
