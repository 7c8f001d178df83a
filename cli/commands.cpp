// SPDX-License-Identifier: MIT
#include "cli/commands.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "cli/claim_output.hpp"
#include "cli/json_out.hpp"
#include "cli/listing_output.hpp"
#include "cli/progress_bar.hpp"
#include "cli/table.hpp"
#include "cli/terminal_text.hpp"
#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/normalize.hpp"
#include "graph/rejection_files.hpp"
#include "ingest/folder_input.hpp"
#include "resolve/ambiguity.hpp"
#include "resolve/entity_lookup.hpp"

namespace cg::cli {

namespace {

void writeEntityJson(JsonOut& j, const char* key, const graph::EntityRow& e) {
    j.beginObject(key).field("id", e.key).field("name", e.name).field("type", e.type).endObject();
}

void writeAmbiguityJson(JsonOut& j, const ingest::AmbiguityNote& a) {
    j.beginObject().field("file", a.file).field("line", a.line).field("message", a.message);
    j.beginObject("reference").field("name", a.name);
    if (a.type.empty())
        j.null("type");
    else
        j.field("type", a.type);
    j.endObject();
    writeEntityJson(j, "placeholder", a.placeholder);
    j.beginArray("candidates");
    for (const auto& c : a.candidates) writeEntityJson(j, nullptr, c);
    j.endArray().endObject();
}

// "ambiguous" and "candidates" (null for an entity that is not a placeholder).
void writeAmbiguityFields(JsonOut& j, graph::Store& store, bool ambiguous,
                          const std::vector<graph::EntityId>& candidates) {
    j.field("ambiguous", ambiguous);
    if (!ambiguous) {
        j.null("candidates");
        return;
    }
    j.beginArray("candidates");
    for (graph::EntityId id : candidates) {
        if (auto e = store.entity(id)) writeEntityJson(j, nullptr, *e);
    }
    j.endArray();
}

// The refusal of a file in the shape of a file's summary, so scripts read one shape.
void writeRefusedJson(JsonOut& j, const std::string& database, const std::string& file,
                      const std::string& error) {
    std::string shown =
        file == "-" ? file : graph::shownFilePath(graph::recordedFilePath(database, file));
    j.beginObject().field("file", shown).null("format");
    j.field("error", error);
    for (const char* count : {"sources", "accepted", "duplicates", "retracted", "rejected",
                              "ambiguous", "entities_created"}) {
        j.field(count, std::int64_t{0});
    }
    j.beginArray("rejections").endArray().beginArray("ambiguous_references").endArray();
    j.beginArray("warnings").endArray().endObject();
}

// What the ingest reads, in order: each file as given, "-" (standard input), and the files of
// each folder (folderInput). A folder that cannot be listed is refused, counted in `refused`;
// one without a file to read joins `empty`.
std::vector<std::string> ingestInputs(Context& ctx, const std::vector<std::string>& given,
                                      std::vector<std::string>& notes, int& refused,
                                      std::vector<std::string>& empty) {
    std::vector<std::string> inputs;
    for (const auto& path : given) {
        std::error_code ec;
        if (path == "-" || !std::filesystem::is_directory(path, ec)) {
            inputs.push_back(path);
            continue;
        }
        try {
            ingest::FolderInput folder = ingest::folderInput(path);
            if (folder.files.empty()) {
                notes.push_back(path + ": the folder holds no file to read");
                empty.push_back(path);
            }
            for (auto& n : folder.warnings) notes.push_back(std::move(n));
            for (auto& f : folder.files) inputs.push_back(std::move(f));
        } catch (const ingest::RefusedFile& e) {
            ++refused;
            ctx.err << "error: " << e.what() << '\n';
        }
    }
    return inputs;
}

}  // namespace

int runInit(Context& ctx) {
    ctx.writing(true);
    auto& store = ctx.store(true);
    if (ctx.json) {
        JsonOut j;
        j.beginObject()
            .field("database", store.path())
            .field("schema_version", store.schemaVersion())
            .endObject();
        j.print(ctx.out);
    } else {
        ctx.out << "database " << store.path() << " ready (layout version " << store.schemaVersion()
                << ")\n";
    }
    return kOk;
}

int runIngest(Context& ctx, const IngestArgs& args) {
    const auto& schema = ctx.schema();
    ctx.writing(true);
    auto& store = ctx.store(true);
    ingest::Applier applier(store, schema, args.batchSize, !args.noBulk);
    std::int64_t totalRejected = 0;
    int refused = 0;
    std::vector<std::string> nothingAccepted;
    JsonOut j;
    if (ctx.json) j.beginObject().beginArray("files");
    std::vector<std::string> notes;
    std::vector<std::string> inputs =
        ingestInputs(ctx, args.files, notes, refused, nothingAccepted);
    if (!ctx.json) {
        for (const auto& n : notes) ctx.err << "warning: " << n << '\n';
    }
    auto started = std::chrono::steady_clock::now();
    for (const auto& file : inputs) {
        ProgressBar bar("ingest " + file);
        ingest::IngestOptions options;
        options.format = args.format;
        options.mapping = args.mapping;
        options.batchSize = args.batchSize;
        options.pipelined = !args.noPipeline;
        options.name = args.name;
        options.progress = [&](std::uint64_t done, std::uint64_t total) {
            bar.update(done, total);
        };
        ingest::IngestSummary s;
        try {
            s = ingest::ingestFile(applier, schema, file, options);
        } catch (const ingest::RefusedFile& e) {
            // Refused whole before anything of it was stored: the other files still go in.
            bar.clear();
            ++refused;
            ctx.err << "error: " << e.what() << '\n';
            if (ctx.json) writeRefusedJson(j, store.path(), file, e.what());
            continue;
        }
        bar.clear();  // the summary starts on a line of its own
        totalRejected += s.rejected;
        if (s.sources + s.accepted + s.duplicates + s.retracted == 0)
            nothingAccepted.push_back(s.file);
        if (ctx.json) {
            j.beginObject().field("file", s.file).field("format", s.format).null("error");
            j.field("sources", s.sources).field("accepted", s.accepted);
            j.field("duplicates", s.duplicates).field("retracted", s.retracted);
            j.field("rejected", s.rejected);
            j.field("ambiguous", s.ambiguous);
            j.field("entities_created", s.entitiesCreated);
            j.beginArray("rejections");
            for (const auto& r : s.firstRejections) {
                j.beginObject()
                    .field("file", r.file)
                    .field("line", r.line)
                    .field("reason", r.reason)
                    .endObject();
            }
            j.endArray();
            j.beginArray("ambiguous_references");
            for (const auto& a : s.firstAmbiguous) writeAmbiguityJson(j, a);
            j.endArray();
            j.beginArray("warnings");
            for (const auto& w : s.warnings) j.field(nullptr, w);
            j.endArray();
            j.endObject();
            continue;
        }
        for (const auto& w : s.warnings) ctx.err << "warning: " << w << '\n';
        for (const auto& r : s.firstRejections) {
            ctx.err << r.file << ':' << r.line << ": " << r.reason << '\n';
        }
        if (s.rejected > static_cast<std::int64_t>(s.firstRejections.size())) {
            ctx.err << "... and "
                    << (s.rejected - static_cast<std::int64_t>(s.firstRejections.size()))
                    << " more rejections (see 'claimgraph rejections')\n";
        }
        for (const auto& a : s.firstAmbiguous) ctx.err << "warning: " << a.message << '\n';
        if (s.ambiguous > static_cast<std::int64_t>(s.firstAmbiguous.size())) {
            ctx.err << "... and "
                    << (s.ambiguous - static_cast<std::int64_t>(s.firstAmbiguous.size()))
                    << " more ambiguous references (see 'claimgraph resolve suggest')\n";
        }
        ctx.out << s.file << " (" << s.format << "): accepted " << s.accepted << ", rejected "
                << s.rejected;
        if (s.ambiguous) ctx.out << ", ambiguous " << s.ambiguous;
        if (s.duplicates) ctx.out << ", already stored " << s.duplicates;
        if (s.retracted) ctx.out << ", retracted " << s.retracted << " (kept out)";
        ctx.out << "; " << s.sources << " source declarations, " << s.entitiesCreated
                << " new entities\n";
    }
    int reapplied = applier.finish();
    if (reapplied > 0 && !ctx.json) ctx.out << "re-applied " << reapplied << " recorded merge(s)\n";
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (ctx.json) {
        j.endArray().field("seconds", seconds).beginArray("warnings");
        for (const auto& n : notes) j.field(nullptr, n);
        j.endArray().endObject();
        j.print(ctx.out);
    } else if (!ctx.quiet) {
        ctx.out << "database " << store.path() << '\n';
    }
    // Every reason to fail is said; the highest code wins (docs: README, Exit codes).
    int code = kOk;
    if (refused > 0) {
        ctx.err << "error: " << refused << " file(s) refused whole, nothing of them stored\n";
        code = kError;
    }
    if (args.strict && totalRejected > 0) {
        ctx.err << "error: " << totalRejected << " record(s) rejected and --strict was given\n";
        code = kRejected;
    }
    // Never a silent success: a file of which no record was accepted (an empty one, one read
    // in the wrong format, one whose every record was rejected) is an exit code of its own.
    if (!nothingAccepted.empty()) {
        ctx.err << "error: no record was accepted from " << nothingAccepted.size() << " file(s):";
        for (const auto& f : nothingAccepted) ctx.err << ' ' << f;
        ctx.err << '\n';
        code = kNothingRead;
    }
    return code;
}

int runStats(Context& ctx) {
    auto s = ctx.store().stats();
    if (ctx.json) {
        JsonOut j;
        j.beginObject().field("database", ctx.dbPath);
        j.field("sources", s.sources).field("claims", s.claims);
        j.field("relation_claims", s.relationClaims).field("property_claims", s.propertyClaims);
        j.field("denying_claims", s.deniedClaims).field("entities", s.entities);
        j.field("stub_entities", s.stubEntities).field("relations", s.relations);
        j.field("disputed_relations", s.disputedRelations);
        j.field("denied_only_relations", s.deniedOnlyRelations).field("rejections", s.rejections);
        j.field("retracted_claims", s.retractedClaims).field("hidden_entities", s.hiddenEntities);
        j.beginObject("entities_by_type");
        for (const auto& [t, n] : s.entitiesByType) j.field(t.c_str(), n);
        j.endObject().beginObject("relations_by_type");
        for (const auto& [t, n] : s.relationsByType) j.field(t.c_str(), n);
        j.endObject().endObject();
        j.print(ctx.out);
        return kOk;
    }
    auto& o = ctx.out;
    o << "database    " << ctx.dbPath << '\n';
    o << "sources     " << s.sources << '\n';
    o << "claims      " << s.claims << " (" << s.relationClaims << " relation, " << s.propertyClaims
      << " property; " << s.deniedClaims << " denying)\n";
    o << "entities    " << s.entities;
    if (s.stubEntities) o << " (" << s.stubEntities << " known only by id)";
    o << '\n';
    for (const auto& [t, n] : s.entitiesByType) o << "  " << t << ": " << n << '\n';
    o << "relations   " << s.relations << " (" << s.disputedRelations << " disputed; "
      << s.deniedOnlyRelations << " only denied, not counted)\n";
    for (const auto& [t, n] : s.relationsByType) o << "  " << t << ": " << n << '\n';
    o << "rejections  " << s.rejections << '\n';
    if (s.retractedClaims) {
        o << "retracted   " << s.retractedClaims << " claims, not counted above ("
          << s.hiddenEntities << " entities hidden; see 'claimgraph retract --list')\n";
    }
    return kOk;
}

int runSources(Context& ctx, const ResultFormat& asked) {
    auto rows = ctx.store().sources();
    if (auto format = listingFormat(ctx, asked); format != "table") {
        JsonOut j;
        j.beginArray();
        for (const auto& r : rows) {
            j.beginObject().field("id", r.source.key);
            j.textOrNull("title", r.source.title).textOrNull("publisher", r.source.publisher);
            j.textOrNull("url", r.source.url).textOrNull("published", r.source.published);
            j.textOrNull("retrieved", r.source.retrieved).textOrNull("kind", r.source.kind);
            j.textOrNull("licence", r.source.licence);
            j.field("claims", r.claims).endObject();
        }
        j.endArray();
        printListing(ctx.out, format, j);
        return kOk;
    }
    Table t({"id", "kind", "published", "claims", "title"}, {0});
    for (const auto& r : rows) {
        t.add({r.source.key, r.source.kind, r.source.published, std::to_string(r.claims),
               r.source.title});
    }
    t.print(ctx.out, ctx.tableWidth());
    return kOk;
}

int runEntities(Context& ctx, const std::string& type, const std::string& name, long limit,
                const ResultFormat& asked) {
    std::vector<std::string> types;
    if (!type.empty()) {
        const auto& schema = ctx.schema();
        auto id = schema.entityTypeId(type);
        if (!id)
            throw QueryError("unknown entity type '" + type + "' (expected " +
                             schema.entityTypeList() + ")");
        for (const auto& t : schema.entityTypes()) {
            if (schema.isA(*schema.entityTypeId(t.name), *id)) types.push_back(t.name);
        }
    }
    auto& store = ctx.store();
    auto rows = store.entities(types, graph::normalizeName(name), limit);
    // The entities a placeholder's references may name; empty for any other entity.
    auto candidatesOf = [&](const graph::EntityRow& r) {
        std::vector<graph::EntityId> ids;
        if (resolve::isAmbiguousKey(r.key))
            ids = resolve::ambiguityCandidates(store, ctx.schema(), r.id);
        return ids;
    };
    if (auto format = listingFormat(ctx, asked); format != "table") {
        JsonOut j;
        j.beginArray();
        for (const auto& r : rows) {
            j.beginObject().field("id", r.key).field("type", r.type).field("name", r.name);
            j.field("stub", r.stub).field("relations", r.relations);
            writeAmbiguityFields(j, store, resolve::isAmbiguousKey(r.key), candidatesOf(r));
            j.endObject();
        }
        j.endArray();
        printListing(ctx.out, format, j);
        return kOk;
    }
    Table t({"id", "type", "relations", "name"}, {0});
    for (const auto& r : rows) {
        std::string shown = r.name;
        if (resolve::isAmbiguousKey(r.key))
            shown += ", " + std::to_string(candidatesOf(r).size()) + " candidates";
        t.add({r.key, r.type + (r.stub ? " (stub)" : ""), std::to_string(r.relations), shown});
    }
    t.print(ctx.out, ctx.tableWidth());
    return kOk;
}

int runShow(Context& ctx, const std::string& text) {
    auto& store = ctx.store();
    graph::EntityId id = resolve::findEntity(store, text);
    graph::EntityDetail d = store.detail(id);
    bool ambiguous = resolve::isAmbiguousKey(d.entity.key);
    std::vector<graph::EntityId> candidates;
    if (ambiguous) candidates = resolve::ambiguityCandidates(store, ctx.schema(), id);
    if (ctx.json) {
        JsonOut j;
        j.beginObject()
            .field("id", d.entity.key)
            .field("type", d.entity.type)
            .field("name", d.entity.name);
        j.field("stub", d.entity.stub);
        writeAmbiguityFields(j, store, ambiguous, candidates);
        j.beginArray("names");
        for (const auto& n : d.names)
            j.beginObject().field("name", n.name).field("claim", n.claimKey).endObject();
        j.endArray().beginArray("identifiers");
        for (const auto& [scheme, value] : d.identifiers)
            j.beginObject().field("scheme", scheme).field("value", value).endObject();
        // A value's evidence is the claims that assert it; a value only denied is listed apart.
        j.endArray().beginArray("properties");
        for (const auto& p : d.properties) {
            if (p.claims.empty()) continue;
            j.beginObject().field("name", p.name).field("value", p.value);
            j.beginArray("claims");
            for (const auto& c : p.claims) writeClaimJson(j, c);
            j.endArray().beginArray("denied_by");
            for (const auto& c : p.denials) writeClaimJson(j, c);
            j.endArray().endObject();
        }
        j.endArray().beginArray("denied_properties");
        for (const auto& p : d.properties) {
            if (!p.claims.empty()) continue;
            j.beginObject().field("name", p.name).field("value", p.value);
            j.beginArray("denied_by");
            for (const auto& c : p.denials) writeClaimJson(j, c);
            j.endArray().endObject();
        }
        j.endArray().beginArray("relations");
        for (const auto& r : d.relations) {
            bool outgoing = r.src == id;
            graph::EntityId other = outgoing ? r.dst : r.src;
            auto e = store.entity(other);
            j.beginObject()
                .field("type", r.type)
                .field("direction", r.directed ? (outgoing ? "out" : "in") : "both");
            j.beginObject("other")
                .field("id", e ? e->key : "")
                .field("name", e ? e->name : "")
                .field("type", e ? e->type : "")
                .endObject();
            j.field("confidence", r.confidence)
                .field("supporting", r.support)
                .field("disputing", r.dispute);
            j.field("share_min", r.shareMin)
                .field("share_max", r.shareMax)
                .field("share_conflict", r.shareConflict);
            j.beginArray("claims");
            for (const auto& c : store.claimsOfRelation(r.id)) writeClaimJson(j, c);
            j.endArray().endObject();
        }
        j.endArray().endObject();
        j.print(ctx.out);
        return kOk;
    }
    auto& o = ctx.out;
    o << d.entity.name << "  [" << d.entity.type << "]  id " << d.entity.key;
    if (d.entity.stub) o << "  (known only by id)";
    o << '\n';
    if (ambiguous) {
        o << "holds ambiguous references: their name fits " << candidates.size()
          << " candidates:\n";
        for (graph::EntityId c : candidates)
            o << "  " << resolve::describeCandidate(store, c) << '\n';
        o << "settle with 'claimgraph resolve merge " << d.entity.key << " CANDIDATE'\n";
    }
    if (d.names.size() > 1) {
        o << "names:\n";
        for (const auto& n : d.names) {
            o << "  " << n.name;
            if (!n.claimKey.empty()) o << "  (claim " << n.claimKey << ")";
            o << '\n';
        }
    }
    if (!d.identifiers.empty()) {
        o << "identifiers:\n";
        for (const auto& [scheme, value] : d.identifiers)
            o << "  " << scheme << ": " << value << '\n';
    }
    bool asserted = false, deniedOnly = false;
    for (const auto& p : d.properties) (p.claims.empty() ? deniedOnly : asserted) = true;
    if (asserted) {
        o << "properties:\n";
        for (const auto& p : d.properties) {
            if (p.claims.empty()) continue;
            o << "  " << p.name << " = " << p.value << '\n';
            for (const auto& c : p.claims) printClaim(o, c, "      ");
            if (!p.denials.empty()) o << "      denied by:\n";
            for (const auto& c : p.denials) printClaim(o, c, "      ");
        }
    }
    if (deniedOnly) {
        o << "denied properties (no claim asserts them):\n";
        for (const auto& p : d.properties) {
            if (!p.claims.empty()) continue;
            o << "  " << p.name << " = " << p.value << '\n';
            for (const auto& c : p.denials) printClaim(o, c, "      ");
        }
    }
    o << "relations (" << d.relations.size() << "):\n";
    auto& schema = ctx.schema();
    for (const auto& r : d.relations) {
        bool outgoing = r.src == id;
        graph::EntityId other = outgoing ? r.dst : r.src;
        const auto* rt = schema.relationType(r.type);
        std::string label =
            rt ? (outgoing || !rt->directed ? rt->label : rt->inverseLabel) : r.type;
        o << "  " << label << "  " << entityLabel(store, other) << "\n      confidence "
          << fmtConfidence(r.confidence) << ", " << r.support << " supporting, " << r.dispute
          << " disputing";
        std::string share = fmtShare(r.shareMin, r.shareMax);
        if (!share.empty())
            o << ", share " << share << (r.shareConflict ? " (sources disagree)" : "");
        std::string valid = fmtValidKeys(r.validFrom, r.validTo);
        if (!valid.empty()) o << ", valid " << valid;
        o << '\n';
        for (const auto& c : store.claimsOfRelation(r.id)) printClaim(o, c, "      ");
    }
    return kOk;
}

int runRejections(Context& ctx, const RejectionsArgs& args) {
    if (args.clear) ctx.writing();  // one writer at a time, like every command that writes
    auto& store = ctx.store();
    std::vector<std::string> files;
    if (!args.file.empty()) files = graph::rejectionFilesNamed(store, args.file);
    // A file named that has none: nothing to list or clear (no files at all would mean all).
    bool none = !args.file.empty() && files.empty();
    std::string from = args.file.empty() ? "" : " from " + args.file;
    if (args.clear) {
        std::int64_t cleared = none ? 0 : store.clearRejections(files);
        if (ctx.json) {
            JsonOut j;
            j.beginObject().field("cleared", cleared);
            if (args.file.empty())
                j.null("file");
            else
                j.field("file", args.file);
            j.endObject().print(ctx.out);
        } else {
            ctx.out << "cleared " << cleared << " rejection(s)" << from << '\n';
        }
        return kOk;
    }
    auto rows = none ? std::vector<graph::Rejection>{} : store.rejections(args.limit, files);
    if (auto format = listingFormat(ctx, args.format); format != "table") {
        JsonOut j;
        j.beginArray();
        for (const auto& r : rows) {
            j.beginObject()
                .field("file", r.file)
                .field("line", r.line)
                .field("reason", r.reason)
                .field("raw", r.raw)
                .endObject();
        }
        j.endArray();
        printListing(ctx.out, format, j);
        return kOk;
    }
    if (rows.empty()) ctx.out << "no rejections" << from << '\n';
    for (const auto& r : rows) ctx.out << r.file << ':' << r.line << ": " << r.reason << '\n';
    return kOk;
}

}  // namespace cg::cli
