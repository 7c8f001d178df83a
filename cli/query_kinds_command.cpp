// SPDX-License-Identifier: MIT
#include "cli/query_kinds_command.hpp"

#include <memory>
#include <string>

#include "cli/json_out.hpp"
#include "cli/listing_output.hpp"
#include "cli/result_output.hpp"
#include "cli/table.hpp"
#include "queries/query_kinds.hpp"

namespace cg::cli {

namespace {

using queries::ArgDef;
using queries::ArgUse;

// "--max-hops" for `max_hops`; "FROM" for a positional; empty when only saved queries take it.
std::string commandLineSpelling(const ArgDef& def) {
    if (def.use == ArgUse::SavedQuery) return {};
    std::string text = def.positional ? def.name : "--" + def.name;
    for (char& c : text) {
        if (c == '_') c = '-';
        if (def.positional) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

void writeKindJson(JsonOut& j, const queries::KindDef& kind) {
    j.beginObject().field("name", kind.name).field("description", kind.description);
    j.beginArray("arguments");
    for (const auto& def : kind.args) {
        j.beginObject().field("name", def.name).field("type", queries::argTypeName(def.type));
        j.field("required", def.required).textOrNull("default", def.defaultText);
        j.field("description", def.description);
        if (def.values.empty()) {
            j.null("values");
        } else {
            j.beginArray("values");
            for (const auto& v : def.values) j.field(nullptr, v);
            j.endArray();
        }
        j.field("saved_query", def.use != ArgUse::CommandLine);
        j.textOrNull("command_line", commandLineSpelling(def));
        j.beginArray("old_names");
        for (const auto& old : def.oldNames) j.field(nullptr, old);
        j.endArray().endObject();
    }
    j.endArray().beginArray("columns");
    for (const auto& column : kind.columns) {
        j.beginObject().field("name", column.name);
        j.field("type", queries::columnTypeName(column.type));
        j.textOrNull("named_by", column.namedBy).endObject();
    }
    j.endArray().endObject();
}

std::string argumentsText(const queries::KindDef& kind) {
    std::string text;
    for (const auto& def : kind.args) {
        std::string one = def.name + " (" + queries::argTypeName(def.type);
        if (def.required) one += ", required";
        if (!def.defaultText.empty()) one += ", " + def.defaultText;
        if (def.use == ArgUse::CommandLine) one += ", command line only";
        if (def.use == ArgUse::SavedQuery) one += ", saved queries only";
        text += (text.empty() ? "" : "; ") + one + ")";
    }
    return text;
}

}  // namespace

void addQueryKindsCommand(CLI::App* query, Context& ctx, Registry& registry) {
    auto* cmd = query->add_subcommand(
        "kinds", "Every query kind with its arguments and result columns (for saved queries)");
    auto format = std::make_shared<ResultFormat>();
    addResultFormatOptions(cmd, *format);
    registry.add(cmd, [&ctx, format] {
        const auto& kinds = queries::queryKinds();
        if (auto chosen = listingFormat(ctx, *format); chosen != "table") {
            JsonOut j;
            j.beginArray();
            for (const auto& kind : kinds) writeKindJson(j, kind);
            j.endArray();
            printListing(ctx.out, chosen, j);
            return kOk;
        }
        Table t({"kind", "description", "arguments"}, {0});
        for (const auto& kind : kinds) t.add({kind.name, kind.description, argumentsText(kind)});
        t.print(ctx.out, ctx.tableWidth());
        return kOk;
    });
}

}  // namespace cg::cli
