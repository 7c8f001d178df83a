// SPDX-License-Identifier: MIT
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "cli/json_out.hpp"
#include "cli/registry.hpp"
#include "cli/table.hpp"
#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/retraction.hpp"

namespace cg::cli {

namespace {

struct RetractArgs {
    std::string source;
    std::string file;
    std::string reason;
    std::vector<std::string> undo;  ///< retraction ids; empty strings for a bare --undo
    bool list = false;
    bool dryRun = false;
};

std::string confidenceText(double c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return buf;
}

std::string shareText(const graph::RelationRow& r) {
    if (!r.shareMin || !r.shareMax) return "no share";
    char buf[48];
    if (*r.shareMin == *r.shareMax) {
        std::snprintf(buf, sizeof buf, "%g%%", *r.shareMin);
    } else {
        std::snprintf(buf, sizeof buf, "%g-%g%%", *r.shareMin, *r.shareMax);
    }
    return buf;
}

std::string validText(const graph::RelationRow& r) {
    if (!r.validFrom && !r.validTo) return "open";
    return (r.validFrom ? graph::dayKeyText(*r.validFrom) : std::string("...")) + " to " +
           (r.validTo ? graph::dayKeyText(*r.validTo) : std::string("..."));
}

std::string entityText(graph::Store& store, graph::EntityId id) {
    auto e = store.entity(id);
    if (!e) return "#" + std::to_string(id);
    return e->key + "  " + e->name + " (" + e->type + ")";
}

std::string relationText(graph::Store& store, const graph::RelationRow& r) {
    auto name = [&](graph::EntityId id) {
        auto e = store.entity(id);
        return e ? e->name : "#" + std::to_string(id);
    };
    return r.type + "  " + name(r.src) + (r.directed ? " -> " : " -- ") + name(r.dst);
}

void writeEntity(JsonOut& j, graph::Store& store, graph::EntityId id, const char* key = nullptr) {
    auto e = store.entity(id);
    j.beginObject(key).field("id", e ? e->key : std::to_string(id));
    j.field("name", e ? e->name : "").field("type", e ? e->type : "").endObject();
}

void writeValues(JsonOut& j, const char* key, const std::optional<graph::RelationRow>& r) {
    if (!r) {
        j.null(key);
        return;
    }
    j.beginObject(key).field("confidence", r->confidence);
    j.field("supporting", r->support).field("disputing", r->dispute);
    j.field("share_min", r->shareMin).field("share_max", r->shareMax);
    j.field("share_conflict", r->shareConflict);
    if (r->validFrom)
        j.field("valid_from", graph::dayKeyText(*r->validFrom));
    else
        j.null("valid_from");
    if (r->validTo)
        j.field("valid_to", graph::dayKeyText(*r->validTo));
    else
        j.null("valid_to");
    j.field("first_seen", r->firstSeen).field("last_seen", r->lastSeen).endObject();
}

// A file's retraction names it as every output does, without the folders above the database.
std::string shownTarget(const graph::RetractionRow& r) {
    return r.kind == "file" ? graph::shownFilePath(r.target) : r.target;
}

void writeRetraction(JsonOut& j, const graph::RetractionRow& r) {
    j.beginObject().field("id", r.id).field("kind", r.kind).field("target", shownTarget(r));
    j.field("reason", r.reason).field("claims", r.claims).field("created", r.created);
    if (r.undone.empty())
        j.null("undone");
    else
        j.field("undone", r.undone);
    j.endObject();
}

int printReport(Context& ctx, const graph::RetractionReport& report) {
    auto& store = ctx.store();
    if (ctx.json) {
        JsonOut j;
        j.beginObject().field("undo", report.undo).field("dry_run", report.dryRun);
        j.beginArray("retractions");
        for (const auto& r : report.retractions) writeRetraction(j, r);
        j.endArray().beginArray("claims");
        for (const auto& k : report.claimKeys) j.field(nullptr, k);
        j.endArray().beginArray("relations");
        for (const auto& c : report.relations) {
            const auto& r = c.after ? *c.after : *c.before;
            const char* change = !c.after ? "removed" : !c.before ? "restored" : "changed";
            j.beginObject().field("change", change).field("type", r.type);
            j.field("directed", r.directed);
            writeEntity(j, store, r.src, "subject");
            writeEntity(j, store, r.dst, "object");
            writeValues(j, "before", c.before);
            writeValues(j, "after", c.after);
            j.endObject();
        }
        j.endArray().beginArray(report.undo ? "entities_shown" : "entities_hidden");
        for (auto id : report.undo ? report.shown : report.hidden) writeEntity(j, store, id);
        j.endArray().endObject().print(ctx.out);
        return kOk;
    }
    auto& o = ctx.out;
    for (const auto& r : report.retractions) {
        o << (report.undo ? "undid retraction " : "retraction ") << r.id << ": " << r.kind << " '"
          << shownTarget(r) << "'";
        if (!r.reason.empty()) o << " (" << r.reason << ")";
        o << '\n';
    }
    o << "claims " << (report.undo ? "restored " : "retracted ") << report.claimKeys.size() << '\n';
    std::vector<const graph::RelationChange*> removed, restored, changed;
    for (const auto& c : report.relations) {
        (!c.after ? removed : !c.before ? restored : changed).push_back(&c);
    }
    if (!removed.empty()) o << "relations removed (" << removed.size() << "):\n";
    for (const auto* c : removed) {
        o << "  " << relationText(store, *c->before) << "  (confidence "
          << confidenceText(c->before->confidence) << ")\n";
    }
    if (!restored.empty()) o << "relations restored (" << restored.size() << "):\n";
    for (const auto* c : restored) {
        o << "  " << relationText(store, *c->after) << "  (confidence "
          << confidenceText(c->after->confidence) << ")\n";
    }
    if (!changed.empty()) o << "relations changed (" << changed.size() << "):\n";
    for (const auto* c : changed) {
        const auto& b = *c->before;
        const auto& a = *c->after;
        o << "  " << relationText(store, a) << "\n      confidence " << confidenceText(b.confidence)
          << " -> " << confidenceText(a.confidence);
        if (shareText(b) != shareText(a)) o << ", share " << shareText(b) << " -> " << shareText(a);
        if (validText(b) != validText(a)) o << ", valid " << validText(b) << " -> " << validText(a);
        if (b.firstSeen != a.firstSeen || b.lastSeen != a.lastSeen) {
            o << ", seen " << b.firstSeen << ".." << b.lastSeen << " -> " << a.firstSeen << ".."
              << a.lastSeen;
        }
        o << '\n';
    }
    const auto& entities = report.undo ? report.shown : report.hidden;
    if (!entities.empty()) {
        o << (report.undo ? "entities shown again (" : "entities hidden (") << entities.size()
          << "):\n";
        for (auto id : entities) o << "  " << entityText(store, id) << '\n';
    }
    if (report.dryRun) o << "dry run: nothing was changed\n";
    return kOk;
}

int runList(Context& ctx) {
    auto rows = ctx.store().retractions();
    if (ctx.json) {
        JsonOut j;
        j.beginArray();
        for (const auto& r : rows) writeRetraction(j, r);
        j.endArray().print(ctx.out);
        return kOk;
    }
    Table t({"id", "kind", "target", "claims", "created", "undone", "reason"}, {0});
    for (const auto& r : rows) {
        t.add({std::to_string(r.id), r.kind, shownTarget(r), std::to_string(r.claims), r.created,
               r.undone.empty() ? "-" : r.undone, r.reason});
    }
    t.print(ctx.out, ctx.tableWidth());
    return kOk;
}

int runRetract(Context& ctx, const RetractArgs& args, bool undo) {
    if (args.list) return runList(ctx);
    ctx.writing();
    auto& store = ctx.store();
    graph::RetractBy by = args.source.empty() ? graph::RetractBy::File : graph::RetractBy::Source;
    const std::string& target = args.source.empty() ? args.file : args.source;
    if (undo) {
        std::vector<std::int64_t> ids;
        for (const auto& text : args.undo) {
            if (text.empty()) continue;
            std::size_t used = 0;
            std::int64_t id = 0;
            try {
                id = std::stoll(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != text.size() || id <= 0) {
                throw InputError("retract --undo: '" + text +
                                 "' is not a retraction id (see 'claimgraph retract --list')");
            }
            ids.push_back(id);
        }
        if (ids.empty()) {
            if (target.empty()) {
                throw InputError(
                    "retract --undo: give a retraction id (see 'claimgraph retract --list'), "
                    "--source ID or --file PATH");
            }
            ids = graph::heldRetractions(store, by, target);
            if (ids.empty()) {
                throw QueryError(std::string("no retraction of ") +
                                 (by == graph::RetractBy::Source ? "source '" : "file '") + target +
                                 "' holds (see 'claimgraph retract --list')");
            }
        } else if (!target.empty()) {
            throw InputError("retract --undo: give a retraction id or --source/--file, not both");
        }
        return printReport(ctx, graph::undoRetractions(store, ids, args.dryRun));
    }
    if (target.empty()) {
        throw InputError("retract: give --source ID or --file PATH (or --list, or --undo)");
    }
    graph::RetractRequest request;
    request.by = by;
    request.target = target;
    request.reason = args.reason;
    request.dryRun = args.dryRun;
    return printReport(ctx, graph::retract(store, request));
}

}  // namespace

void addRetractCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto args = std::make_shared<RetractArgs>();
    auto* retract = app.add_subcommand(
        "retract",
        "Take the claims of a source or of a file out of every result (kept in a log; --undo "
        "puts them back)");
    auto* source = retract->add_option("--source", args->source,
                                       "Retract every live claim of this source (its id)");
    auto* file = retract->add_option(
        "--file", args->file,
        "Retract every live claim read from this file (any spelling of its path)");
    source->excludes(file);
    retract->add_option("--reason", args->reason, "Why, recorded in the log");
    retract->add_flag("--dry-run", args->dryRun, "Print what would change and change nothing");
    auto* list =
        retract->add_flag("--list", args->list, "List the retractions, undone ones included");
    auto* undo =
        retract
            ->add_option("--undo", args->undo,
                         "Put back the claims of retraction ID (from --list), or with no ID "
                         "those of every held retraction of --source or --file")
            ->expected(0, 1);
    list->excludes(undo)->excludes(source)->excludes(file);
    registry.add(retract, [&ctx, args, undo] { return runRetract(ctx, *args, undo->count() > 0); });
}

}  // namespace cg::cli
