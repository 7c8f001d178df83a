// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/entity_finder.hpp"
#include "graph/view.hpp"
#include "queries/result.hpp"
#include "queries/work_progress.hpp"

namespace cg::queries {

/// The type of a query argument or a saved query's parameter.
enum class ArgType {
    Entity,
    Entities,
    String,
    Number,
    Integer,
    Boolean,
    Date,
    Enum,
    Relations,
    Types
};

/// "entity", "entities", ... as written in saved query documents.
std::string argTypeName(ArgType type);
/// The type named `name`, or nothing.
std::optional<ArgType> argTypeNamed(const std::string& name);
/// "entity, entities, string, ..." for error messages.
std::string argTypeList();

/// Where an argument can be given: everywhere, only on the command line (what the terminal
/// needs: threads, how many chains to list), or only in saved queries (on the command line the
/// view's own option says it, as `--relations` does).
enum class ArgUse { Everywhere, CommandLine, SavedQuery };

/// One argument a query kind takes. Its name is the saved queries' key and, with '-' for '_',
/// the command line's option (`max_hops` is `--max-hops`). Made by arg() and refined in one
/// expression: `arg("hops", ArgType::Integer, "How far").byDefault("2")`.
struct ArgDef {
    std::string name;
    ArgType type = ArgType::String;
    bool required = false;
    std::vector<std::string> values;  ///< the choices of an enum
    std::string description;
    std::string defaultText;  ///< the default as the command line would give it; empty: none
    ArgUse use = ArgUse::Everywhere;
    bool positional = false;          ///< on the command line, a positional argument (ENTITY, FROM)
    std::optional<double> min;        ///< numbers: the smallest value the command line takes
    std::optional<double> max;        ///< numbers: the largest value the command line takes
    std::vector<std::string> alsoOn;  ///< more command-line spellings (`--measure`)
    /// Names saved queries used before this one; documents stored with them still validate.
    std::vector<std::string> oldNames;

    ArgDef& mandatory() {
        required = true;
        return *this;
    }
    ArgDef& byDefault(std::string text) {
        defaultText = std::move(text);
        return *this;
    }
    ArgDef& oneOf(std::vector<std::string> choices) {
        values = std::move(choices);
        return *this;
    }
    ArgDef& commandLineOnly() {
        use = ArgUse::CommandLine;
        return *this;
    }
    ArgDef& savedQueryOnly() {
        use = ArgUse::SavedQuery;
        return *this;
    }
    ArgDef& positionalOnCommandLine() {
        positional = true;
        return *this;
    }
    ArgDef& atLeast(double v) {
        min = v;
        return *this;
    }
    ArgDef& atMost(double v) {
        max = v;
        return *this;
    }
    ArgDef& alsoSpelled(std::string option) {
        alsoOn.push_back(std::move(option));
        return *this;
    }
    ArgDef& formerly(std::string old) {
        oldNames.push_back(std::move(old));
        return *this;
    }
};

/// An argument of `type` named `name`; the other fields as their defaults.
ArgDef arg(std::string name, ArgType type, std::string description);

/// The type of a result column's values.
enum class ColumnType { Integer, Number, Boolean, Text, Entity, Route };

/// "integer", "number", ... as `query kinds` prints them.
std::string columnTypeName(ColumnType type);

/// One column of a kind's result table.
struct ColumnDef {
    ColumnDef(std::string columnName, ColumnType columnType, std::string namingArg = {})
        : name(std::move(columnName)), type(columnType), namedBy(std::move(namingArg)) {}

    std::string name;
    ColumnType type;
    /// The argument whose value names the column instead (centrality's metric); empty: none.
    std::string namedBy;
};

/// A typed argument value. Entity sets are kept as the user wrote them (ids, names or
/// `type:T` selectors) until the view is known.
using ArgValue =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

/// Arguments by name, already checked against their definitions.
using Args = std::map<std::string, ArgValue>;

/// What the caller of a query lets it do besides computing. May be left empty.
struct QueryHooks {
    /// Called once before a computation that will take long, with a warning saying how long
    /// and what would be quicker, and a label; returns where the computation reports its
    /// progress (may be empty).
    std::function<ProgressCallback(const std::string& warning, const std::string& label)> slow;
};

/// Runs a kind: the view, its checked arguments, the finder for entity arguments and claims.
using QueryRun = QueryResult (*)(const graph::GraphView& view, const Args& args,
                                 const graph::EntityFinder& finder, const QueryHooks& hooks);

/// One query kind, defined once beside its algorithm: its name, what it answers, the
/// arguments it takes, the columns it answers with and how it runs. The command line's
/// `query KIND` subcommands, saved-query validation, `query kinds` and docs/queries.md all
/// come from it.
struct KindDef {
    std::string name;
    std::string description;  ///< one line
    std::vector<ArgDef> args;
    std::vector<ColumnDef> columns;
    bool needsDenied = false;  ///< its view must keep relations that are only denied
    QueryRun run = nullptr;
};

/// The arguments the connection queries share: relation types to follow (saved queries
/// only: on the command line, the view's --relations says it), direction, and places.
ArgDef connectionRelationsArg();
ArgDef directedArg();
ArgDef viaPlacesArg();

/// The argument `name` of `kind`, or one it was called before; nullptr when there is none.
const ArgDef* kindArg(const KindDef& kind, const std::string& name);

/// Converts command-line or document text to a value of `def`'s type; throws QueryError
/// naming `where` when it does not fit (a word where a number belongs, an unknown enum value).
ArgValue parseArgText(const ArgDef& def, const std::string& text, const std::string& where);

/// The value of argument `name` when it is given and of type T, else nothing.
template <typename T>
std::optional<T> argValue(const Args& args, const std::string& name) {
    auto it = args.find(name);
    if (it == args.end()) return std::nullopt;
    if (const T* v = std::get_if<T>(&it->second)) return *v;
    return std::nullopt;
}

/// A list argument (relations, types), empty when not given.
std::vector<std::string> argList(const Args& args, const std::string& name);

/// An entity argument as the finder finds it; throws QueryError when it is missing.
graph::EntityId argEntity(const Args& args, const std::string& name,
                          const graph::EntityFinder& finder);

/// An entity set argument: ids, names, or `type:T` for every entity of type T in the view,
/// sorted and without repeats. Throws QueryError when missing or for an unknown type.
std::vector<graph::EntityId> argEntitySet(const Args& args, const std::string& name,
                                          const graph::GraphView& view,
                                          const graph::EntityFinder& finder);

/// The query's memory budget in bytes: `max_memory` (MB) when given, else the default.
/// Throws QueryError outside 1 MB to 16 TB, as `--max-memory` refuses them.
std::size_t argMaxMemory(const Args& args);

}  // namespace cg::queries
