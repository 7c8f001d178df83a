// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/entity_finder.hpp"
#include "graph/schema.hpp"
#include "graph/view.hpp"
#include "queries/result.hpp"

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

/// One argument a query kind takes.
struct ArgDef {
    std::string name;
    ArgType type;
    bool required = false;
    std::vector<std::string> values;  ///< the choices of an enum
    std::string description;
};

/// One query kind: its name, what it answers and the arguments it takes.
struct KindDef {
    std::string name;
    std::string description;
    std::vector<ArgDef> args;
    bool needsDenied = false;  ///< its view must keep relations that are only denied
};

/// Every query kind saved queries and `query` commands can run, in a stable order.
const std::vector<KindDef>& queryKinds();
/// The kind named `name`, or nullptr.
const KindDef* queryKind(const std::string& name);
/// "path, paths, neighbours, ..." for error messages.
std::string queryKindList();

/// A typed argument value. Entity sets are kept as the user wrote them (ids, names or
/// `type:T` selectors) until the view is known.
using ArgValue =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

/// Arguments by name, already checked against their definitions.
using Args = std::map<std::string, ArgValue>;

/// Converts command-line or document text to a value of `def`'s type; throws QueryError
/// naming `where` when it does not fit (a word where a number belongs, an unknown enum value).
ArgValue parseArgText(const ArgDef& def, const std::string& text, const std::string& where);

/// Runs `kind` on `view` with `args`: entity arguments are looked up by `finder` (an id or a
/// name; QueryError when nothing or several match); entity sets also take `type:T` to mean
/// every entity of type T in the view. A path query between sets runs once per pair and
/// joins the results.
QueryResult runQueryKind(const KindDef& kind, const Args& args, const graph::GraphView& view,
                         const graph::EntityFinder& finder);

}  // namespace cg::queries
