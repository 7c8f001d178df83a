// SPDX-License-Identifier: MIT
// `claimgraph query KIND ...`: one subcommand per query kind, its options made from the kind's
// definition (queries/query_kinds.hpp); builds the filtered view, runs the kind and prints
// its result as tables or JSON.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/progress_bar.hpp"
#include "cli/query_kinds_command.hpp"
#include "cli/registry.hpp"
#include "cli/result_output.hpp"
#include "graph/date.hpp"
#include "graph/view.hpp"
#include "queries/memory_budget.hpp"
#include "queries/query_kinds.hpp"
#include "resolve/database_entity_finder.hpp"

namespace cg::cli {

namespace {

using graph::GraphView;
using queries::ArgDef;
using queries::ArgType;
using queries::KindDef;

// The filters every query takes, and whether to list the claims behind the result.
struct ViewArgs {
    std::string asOf;
    double minConfidence = 0;
    std::vector<std::string> types;
    std::vector<std::string> relations;
    std::vector<std::string> sources;
    bool explain = false;
    std::size_t maxMemory = queries::MemoryBudget::kDefaultBytes >> 20;  // MB
    ResultFormat format;
};

void addViewOptions(CLI::App* cmd, ViewArgs& args) {
    cmd->add_option(
           "--as-of", args.asOf,
           "Only relations valid at this date (YYYY[-MM[-DD]]; a month or year keeps the relations "
           "valid at any time in it)")
        ->check(CLI::Validator(
            [](std::string& text) {
                std::string error;
                return graph::PartialDate::parse(text, &error) ? std::string() : error;
            },
            "DATE"));
    cmd->add_option("--min-confidence", args.minConfidence,
                    "Leave out relations whose confidence is below this (0 to 1)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--types", args.types,
                    "Only entities of these types and their subtypes (T,...)")
        ->delimiter(',');
    cmd->add_option("--relations", args.relations, "Only relations of these types (R,...)")
        ->delimiter(',');
    cmd->add_option("--sources", args.sources,
                    "Only relations supported by a claim from one of these sources (S,...)")
        ->delimiter(',');
    cmd->add_flag("--explain", args.explain,
                  "List the claims behind every relation of the result, with source and quote");
    addMaxMemoryOption(cmd, args.maxMemory);
    addResultFormatOptions(cmd, args.format);
}

GraphView buildView(Context& ctx, const ViewArgs& args, bool includeDenied) {
    graph::ViewFilter filter;
    filter.entityTypes = args.types;
    filter.relationTypes = args.relations;
    if (!args.asOf.empty()) {
        if (auto date = graph::PartialDate::parse(args.asOf)) filter.asOf = date->period();
    }
    filter.minConfidence = args.minConfidence;
    filter.sources = args.sources;
    filter.includeDenied = includeDenied;
    return GraphView::build(ctx.store(), ctx.schema(), filter);
}

// What the command line gave for one kind's arguments, each in a variable of its type, and
// the options, to tell which were given.
struct KindOptions {
    ViewArgs view;
    std::map<std::string, std::string> texts;
    std::map<std::string, std::int64_t> integers;
    std::map<std::string, double> numbers;
    std::map<std::string, bool> flags;
    std::map<std::string, std::vector<std::string>> lists;
    std::vector<std::pair<const ArgDef*, CLI::Option*>> given;
};

// "--max-hops" (and its other spellings) for `max_hops`; the name alone for a positional.
std::string optionName(const ArgDef& def) {
    if (def.positional) return def.name;
    std::string name = "--" + def.name;
    for (char& c : name) {
        if (c == '_') c = '-';
    }
    for (const auto& other : def.alsoOn) name += "," + other;
    return name;
}

CLI::Option* addKindOption(CLI::App* cmd, const ArgDef& def, KindOptions& o) {
    const std::string name = optionName(def);
    const std::string& help = def.description;
    CLI::Option* opt = nullptr;
    switch (def.type) {
        case ArgType::Boolean:
            return cmd->add_flag(name, o.flags[def.name], help);
        case ArgType::Integer: {
            auto& value = o.integers[def.name];
            if (!def.defaultText.empty()) value = std::stoll(def.defaultText);
            opt = cmd->add_option(name, value, help);
            if (def.max) {
                opt->check(CLI::Range(static_cast<std::int64_t>(def.min.value_or(0)),
                                      static_cast<std::int64_t>(*def.max)));
            } else if (def.min && *def.min >= 1) {
                opt->check(CLI::PositiveNumber);
            } else {
                opt->check(CLI::NonNegativeNumber);
            }
            break;
        }
        case ArgType::Number: {
            auto& value = o.numbers[def.name];
            if (!def.defaultText.empty()) value = std::stod(def.defaultText);
            opt = cmd->add_option(name, value, help);
            if (def.min && def.max) opt->check(CLI::Range(*def.min, *def.max));
            break;
        }
        case ArgType::Relations:
        case ArgType::Types:
            opt = cmd->add_option(name, o.lists[def.name], help)->delimiter(',');
            break;
        case ArgType::Enum:
            o.texts[def.name] = def.defaultText;
            opt = cmd->add_option(name, o.texts[def.name], help)->check(CLI::IsMember(def.values));
            break;
        case ArgType::Entity:
        case ArgType::Entities:  // one entity on the command line: a name may hold a comma
        case ArgType::String:
        case ArgType::Date:
            o.texts[def.name] = def.defaultText;
            opt = cmd->add_option(name, o.texts[def.name], help);
            break;
    }
    if (!def.defaultText.empty()) opt->capture_default_str();
    if (def.required) opt->required();
    return opt;
}

// The arguments given on the command line, as the kind takes them.
queries::Args givenArgs(const KindOptions& o) {
    queries::Args args;
    for (const auto& [def, opt] : o.given) {
        if (opt->count() == 0) continue;
        const std::string& n = def->name;
        switch (def->type) {
            case ArgType::Boolean:
                args[n] = o.flags.at(n);
                break;
            case ArgType::Integer:
                args[n] = o.integers.at(n);
                break;
            case ArgType::Number:
                args[n] = o.numbers.at(n);
                break;
            case ArgType::Relations:
            case ArgType::Types:
                args[n] = o.lists.at(n);
                break;
            default:
                args[n] = o.texts.at(n);
                break;
        }
    }
    args["max_memory"] = static_cast<std::int64_t>(o.view.maxMemory);
    return args;
}

void addKindCommand(CLI::App* group, Context& ctx, Registry& registry, const KindDef& kind) {
    auto* cmd = group->add_subcommand(kind.name, kind.description);
    auto o = std::make_shared<KindOptions>();
    for (const auto& def : kind.args) {
        if (def.use == queries::ArgUse::SavedQuery) continue;
        o->given.emplace_back(&def, addKindOption(cmd, def, *o));
    }
    addViewOptions(cmd, o->view);
    registry.add(cmd, [&ctx, &kind, o] {
        GraphView view = buildView(ctx, o->view, kind.needsDenied);
        queries::QueryResult result;
        {
            // A computation that will take long says so before it starts, and shows how far
            // it is on a terminal; the bar is gone before the answer is printed.
            std::optional<ProgressBar> bar;
            queries::QueryHooks hooks;
            hooks.slow = [&ctx, &bar](const std::string& warning, const std::string& label) {
                ctx.err << "warning: " << warning << '\n' << std::flush;
                bar.emplace(label, ProgressBar::Unit::Count, 0);
                return queries::ProgressCallback(
                    [&bar](std::uint64_t done, std::uint64_t total) { bar->update(done, total); });
            };
            result = queries::runQueryKind(kind, givenArgs(*o), view,
                                           resolve::DatabaseEntityFinder(ctx.store()), hooks);
        }
        return printResult(ctx, view, result, o->view.explain, o->view.format);
    });
}

}  // namespace

void addQueryCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto* group =
        app.add_subcommand("query",
                           "Ask the graph: paths, neighbourhoods, ownership, cycles, centrality, "
                           "components, shared neighbours, red flags");
    group->require_subcommand(1);
    group->footer(
        "Every query takes --as-of, --min-confidence, --types, --relations, --sources, "
        "--explain\n"
        "and --max-memory MB (1024 unless given): past it the answer stops, says where, and is\n"
        "partial (\"partial\": true in JSON);\n"
        "--json (before 'query') prints the result for scripts. ENTITY is an id or a name.\n"
        "path, paths, neighbours, components and centrality follow every relation but location\n"
        "(located_in, registered_at) and mention (reported_on), and never pass through a place\n"
        "or a position; --via-places, or naming a location relation in --relations, asks for\n"
        "them. Routes give each hop's confidence and mark weak and disputed hops.\n"
        "See docs/queries.md for what each query computes.");
    for (const auto& kind : queries::queryKinds()) addKindCommand(group, ctx, registry, kind);
    addQueryKindsCommand(group, ctx, registry);
}

}  // namespace cg::cli
