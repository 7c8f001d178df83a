// SPDX-License-Identifier: MIT
#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "cli/claim_output.hpp"
#include "cli/json_out.hpp"
#include "cli/listing_output.hpp"
#include "cli/progress_bar.hpp"
#include "cli/registry.hpp"
#include "cli/table.hpp"
#include "graph/judgement_log.hpp"
#include "resolve/entity_lookup.hpp"
#include "resolve/judgements.hpp"
#include "resolve/suggest.hpp"

namespace cg::cli {

namespace {

struct ResolveArgs {
    std::string a, b, note;
    std::int64_t id = 0;
    double minScore = 0.6;
    std::size_t limit = 50;
    bool all = false;
    bool stats = false;
    std::size_t maxBlock = 64;
    ResultFormat format;
    std::string by;  ///< --by: who records a judgement
};

// Who records a judgement: --by, else the user the command runs as ($USER, else the
// account's name), else nobody named.
std::string judgementAuthor(const std::string& by) {
    if (!by.empty()) return by;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* account = ::getpwuid(::getuid()); account && account->pw_name)
        return account->pw_name;
    return {};
}

std::string label(graph::Store& store, graph::EntityId id) {
    auto e = store.entity(id);
    return e ? e->key : std::to_string(id);
}

int printJudgement(Context& ctx, const char* what, std::int64_t id, const std::string& text) {
    if (ctx.json) {
        JsonOut j;
        j.beginObject().field("judgement", id).field("kind", what).endObject().print(ctx.out);
    } else {
        ctx.out << text << " (judgement " << id << ")\n";
    }
    return kOk;
}

int runSuggest(Context& ctx, const ResolveArgs& args) {
    auto& store = ctx.store();
    resolve::SuggestOptions options;
    options.minScore = args.minScore;
    options.limit = args.limit;
    options.maxBlock = args.maxBlock;
    // On a terminal, the pairs scored; erased before anything else is printed.
    ProgressBar bar("resolve suggest", ProgressBar::Unit::Count, 20000);
    options.progress = [&](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
    resolve::SuggestStats stats;
    auto suggestions = resolve::suggestMatches(store, ctx.schema(), options, &stats);
    bar.clear();
    if (args.stats) {
        // To stderr, so that --json output stays one document.
        std::fprintf(
            stderr,
            "entities %zu, names %zu, blocking keys %zu, blocks %zu (skipped %zu above %zu), "
            "candidate pairs %zu, scored %zu, at or above %.2f: %zu; "
            "load %.2f s, blocking %.2f s, scoring %.2f s\n",
            stats.entities, stats.names, stats.blockingKeys, stats.blocks, stats.skippedBlocks,
            options.maxBlock, stats.candidates, stats.scored, options.minScore, stats.suggestions,
            stats.loadSeconds, stats.blockSeconds, stats.scoreSeconds);
    }
    if (auto format = listingFormat(ctx, args.format); format != "table") {
        JsonOut j;
        j.beginArray();
        for (const auto& s : suggestions) {
            j.beginObject();
            writeEntityKeyJson(j, ctx.store(), "a", s.aKey);
            writeEntityKeyJson(j, ctx.store(), "b", s.bKey);
            j.field("score", s.score).field("ambiguous", s.ambiguous).beginArray("reasons");
            for (const auto& r : s.reasons) j.field(nullptr, r);
            j.endArray().endObject();
        }
        j.endArray();
        printListing(ctx.out, format, j);
        return kOk;
    }
    // The ids in a and b are what 'resolve merge A B' takes next: never cut.
    Table t({"score", "a", "b", "reasons"}, {1, 2});
    for (const auto& s : suggestions) {
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", s.score);
        std::string reasons;
        for (const auto& r : s.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        t.add({score, s.aName + " [" + s.aKey + "]", s.bName + " [" + s.bKey + "]", reasons});
    }
    if (t.empty()) {
        ctx.out << "no candidate pairs at or above score " << args.minScore << '\n';
    } else {
        t.print(ctx.out, ctx.tableWidth());
        ctx.out << "merge a pair with 'claimgraph resolve merge A B', or record 'resolve not-same "
                   "A B'\n";
    }
    return kOk;
}

int runList(Context& ctx, bool all, const ResultFormat& asked) {
    auto rows = graph::JudgementLog(ctx.store()).list(all);
    if (auto format = listingFormat(ctx, asked); format != "table") {
        JsonOut j;
        j.beginArray();
        for (const auto& r : rows) {
            j.beginObject().field("id", r.id).field("kind", r.kind);
            writeEntityKeyJson(j, ctx.store(), "a", r.a);
            if (r.b.empty()) {
                j.null("b");
            } else {
                writeEntityKeyJson(j, ctx.store(), "b", r.b);
            }
            j.textOrNull("note", r.note)
                .textOrNull("by", r.author)
                .field("created", r.created)
                .field("undone", r.undone)
                .endObject();
        }
        j.endArray();
        printListing(ctx.out, format, j);
        return kOk;
    }
    Table t({"id", "kind", "a", "b", "by", "created", "state", "note"}, {0, 2, 3});
    for (const auto& r : rows) {
        t.add({std::to_string(r.id), r.kind, r.a, r.b, r.author, r.created,
               r.undone ? "undone" : "active", r.note});
    }
    if (t.empty()) {
        ctx.out << "no judgements recorded\n";
    } else {
        t.print(ctx.out, ctx.tableWidth());
    }
    return kOk;
}

}  // namespace

void addResolveCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto* resolve = app.add_subcommand(
        "resolve", "Entity resolution: suggestions and judgements (merge, not-same, split)");
    resolve->require_subcommand(1);
    auto args = std::make_shared<ResolveArgs>();

    auto* suggest = resolve->add_subcommand(
        "suggest", "Candidate pairs that may be one real thing, ranked, with reasons");
    suggest->add_option("--min-score", args->minScore, "Smallest score shown (0..1)")
        ->capture_default_str();
    suggest->add_option("--limit", args->limit, "At most this many pairs")->capture_default_str();
    suggest
        ->add_option(
            "--max-block", args->maxBlock,
            "Skip blocking keys shared by more entities than this (too common to tell anything)")
        ->capture_default_str()
        ->check(CLI::Range(2, 100000));
    suggest->add_flag("--stats", args->stats,
                      "Print the blocking and scoring counts and times to stderr");
    addResultFormatOptions(suggest, args->format);
    registry.add(suggest, [&ctx, args] { return runSuggest(ctx, *args); });

    auto* merge =
        resolve->add_subcommand("merge", "Record that A and B are the same and merge B into A");
    merge->add_option("a", args->a, "Entity id or name")->required();
    merge->add_option("b", args->b, "Entity id or name")->required();
    merge->add_option("--note", args->note, "Why (kept with the judgement)");
    merge->add_option("--by", args->by,
                      "Who records the judgement (kept with it; default: the user, $USER)");
    registry.add(merge, [&ctx, args] {
        ctx.writing();
        auto& store = ctx.store();
        auto a = resolve::findEntity(store, args->a, true);
        auto b = resolve::findEntity(store, args->b, true);
        auto id = resolve::mergeEntities(store, ctx.schema(), a, b, args->note,
                                         judgementAuthor(args->by));
        return printJudgement(
            ctx, "merge", id,
            "merged " + label(store, b) + " into " + label(store, store.canonical(a)));
    });

    auto* notSame = resolve->add_subcommand(
        "not-same", "Record that A and B are different; blocks any later merge");
    notSame->add_option("a", args->a, "Entity id or name")->required();
    notSame->add_option("b", args->b, "Entity id or name")->required();
    notSame->add_option("--note", args->note, "Why (kept with the judgement)");
    notSame->add_option("--by", args->by,
                        "Who records the judgement (kept with it; default: the user, $USER)");
    registry.add(notSame, [&ctx, args] {
        ctx.writing();
        auto& store = ctx.store();
        auto a = resolve::findEntity(store, args->a, true);
        auto b = resolve::findEntity(store, args->b, true);
        auto id = resolve::markNotSame(store, a, b, args->note, judgementAuthor(args->by));
        return printJudgement(ctx, "not_same", id,
                              "recorded " + label(store, a) + " is not " + label(store, b));
    });

    auto* split = resolve->add_subcommand("split", "Undo every merge into A");
    split->add_option("a", args->a, "Entity id or name")->required();
    split->add_option("--note", args->note, "Why (kept with the judgement)");
    split->add_option("--by", args->by,
                      "Who records the judgement (kept with it; default: the user, $USER)");
    registry.add(split, [&ctx, args] {
        ctx.writing();
        auto& store = ctx.store();
        auto a = resolve::findEntity(store, args->a, true);
        auto id = resolve::splitEntity(store, a, args->note, judgementAuthor(args->by));
        return printJudgement(ctx, "split", id,
                              "split " + label(store, a) + " back into its merged entities");
    });

    auto* undo =
        resolve->add_subcommand("undo", "Undo one judgement by its id (see 'resolve list')");
    undo->add_option("id", args->id, "Judgement id")->required();
    registry.add(undo, [&ctx, args] {
        ctx.writing();
        resolve::undoJudgement(ctx.store(), args->id);
        return printJudgement(ctx, "undo", args->id, "undid judgement " + std::to_string(args->id));
    });

    auto* list = resolve->add_subcommand("list", "Recorded judgements");
    list->add_flag("--all", args->all, "Include undone judgements");
    addResultFormatOptions(list, args->format);
    registry.add(list, [&ctx, args] { return runList(ctx, args->all, args->format); });
}

}  // namespace cg::cli
