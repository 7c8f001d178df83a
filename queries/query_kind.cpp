// SPDX-License-Identifier: MIT
#include "queries/query_kind.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "graph/date.hpp"
#include "graph/error.hpp"
#include "queries/memory_budget.hpp"

namespace cg::queries {

namespace {

const std::vector<std::pair<ArgType, const char*>> kTypeNames = {
    {ArgType::Entity, "entity"}, {ArgType::Entities, "entities"}, {ArgType::String, "string"},
    {ArgType::Number, "number"}, {ArgType::Integer, "integer"},   {ArgType::Boolean, "boolean"},
    {ArgType::Date, "date"},     {ArgType::Enum, "enum"},         {ArgType::Relations, "relations"},
    {ArgType::Types, "types"},
};

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        std::string item = s.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.erase(0, 1);
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) out.push_back(item);
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string argTypeName(ArgType type) {
    for (const auto& [t, name] : kTypeNames) {
        if (t == type) return name;
    }
    return "?";
}

std::optional<ArgType> argTypeNamed(const std::string& name) {
    for (const auto& [t, n] : kTypeNames) {
        if (name == n) return t;
    }
    return std::nullopt;
}

std::string argTypeList() {
    std::string out;
    for (const auto& [t, name] : kTypeNames) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

std::string columnTypeName(ColumnType type) {
    switch (type) {
        case ColumnType::Integer:
            return "integer";
        case ColumnType::Number:
            return "number";
        case ColumnType::Boolean:
            return "boolean";
        case ColumnType::Text:
            return "text";
        case ColumnType::Entity:
            return "entity";
        case ColumnType::Route:
            return "route";
    }
    return "?";
}

ArgDef arg(std::string name, ArgType type, std::string description) {
    ArgDef def;
    def.name = std::move(name);
    def.type = type;
    def.description = std::move(description);
    return def;
}

ArgDef connectionRelationsArg() {
    return arg("relations", ArgType::Relations,
               "Relation types to follow; empty: all but location and mention (on the command "
               "line: --relations)")
        .savedQueryOnly();
}

ArgDef directedArg() {
    return arg("directed", ArgType::Boolean, "Follow relations from subject to object only");
}

ArgDef viaPlacesArg() {
    return arg("via_places", ArgType::Boolean,
               "Also follow location relations (located_in, registered_at) and pass through "
               "places and positions");
}

const ArgDef* kindArg(const KindDef& kind, const std::string& name) {
    for (const auto& def : kind.args) {
        if (def.name == name) return &def;
    }
    for (const auto& def : kind.args) {
        if (std::find(def.oldNames.begin(), def.oldNames.end(), name) != def.oldNames.end())
            return &def;
    }
    return nullptr;
}

ArgValue parseArgText(const ArgDef& def, const std::string& text, const std::string& where) {
    switch (def.type) {
        case ArgType::Entity:
        case ArgType::String:
            if (text.empty()) throw QueryError(where + ": empty value");
            return text;
        case ArgType::Entities:
        case ArgType::Relations:
        case ArgType::Types:
            return splitList(text);
        case ArgType::Number: {
            errno = 0;
            char* end = nullptr;
            double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0' || errno != 0 || !std::isfinite(v)) {
                throw QueryError(where + ": '" + text + "' is not a number");
            }
            return v;
        }
        case ArgType::Integer: {
            errno = 0;
            char* end = nullptr;
            long long v = std::strtoll(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || errno != 0 || v < 0) {
                throw QueryError(where + ": '" + text + "' is not a whole number of zero or more");
            }
            return static_cast<std::int64_t>(v);
        }
        case ArgType::Boolean:
            if (text == "true" || text == "yes" || text == "1") return true;
            if (text == "false" || text == "no" || text == "0") return false;
            throw QueryError(where + ": '" + text + "' is not true or false");
        case ArgType::Date: {
            std::string error;
            auto d = graph::PartialDate::parse(text, &error);
            if (!d) throw QueryError(where + ": " + error);
            return d->text();
        }
        case ArgType::Enum: {
            if (std::find(def.values.begin(), def.values.end(), text) == def.values.end()) {
                std::string values;
                for (const auto& v : def.values) values += (values.empty() ? "" : ", ") + v;
                throw QueryError(where + ": '" + text + "' is not one of " + values);
            }
            return text;
        }
    }
    return std::monostate{};
}

std::vector<std::string> argList(const Args& args, const std::string& name) {
    return argValue<std::vector<std::string>>(args, name).value_or(std::vector<std::string>{});
}

graph::EntityId argEntity(const Args& args, const std::string& name,
                          const graph::EntityFinder& finder) {
    auto text = argValue<std::string>(args, name);
    if (!text) throw QueryError("missing argument '" + name + "'");
    return finder.entity(*text);
}

std::vector<graph::EntityId> argEntitySet(const Args& args, const std::string& name,
                                          const graph::GraphView& view,
                                          const graph::EntityFinder& finder) {
    std::vector<std::string> items = argList(args, name);
    if (items.empty()) {
        if (auto one = argValue<std::string>(args, name)) items.push_back(*one);
    }
    if (items.empty()) throw QueryError("missing argument '" + name + "'");
    std::vector<graph::EntityId> out;
    const auto& schema = view.schema();
    for (const auto& item : items) {
        if (item.rfind("type:", 0) == 0) {
            std::string typeName = item.substr(5);
            auto t = schema.entityTypeId(typeName);
            if (!t)
                throw QueryError(name + ": unknown entity type '" + typeName + "' (expected " +
                                 schema.entityTypeList() + ")");
            for (graph::GraphView::Node v = 0; v < view.nodeCount(); ++v) {
                if (schema.isA(view.nodeType(v), *t)) out.push_back(view.entityId(v));
            }
            continue;
        }
        out.push_back(finder.entity(item));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::size_t argMaxMemory(const Args& args) {
    auto mb = argValue<std::int64_t>(args, "max_memory");
    if (!mb) return MemoryBudget::kDefaultBytes;
    if (*mb < 1 || *mb > (std::int64_t{1} << 24))
        throw QueryError("max_memory: " + std::to_string(*mb) +
                         " MB is not between 1 and 16777216");
    return static_cast<std::size_t>(*mb) << 20;
}

}  // namespace cg::queries
