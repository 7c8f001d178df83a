// SPDX-License-Identifier: MIT
#include "queries/saved_query.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/json_depth.hpp"

namespace cg::queries {

using rapidjson::Value;

namespace {

const char* const kTopKeys[] = {"name", "version", "description", "parameters", "query", "filters"};
const char* const kParamKeys[] = {"type", "description", "default", "values"};

// The filters every query accepts, as argument definitions.
const std::vector<ArgDef>& filterDefs() {
    static const std::vector<ArgDef> defs = {
        arg("as_of", ArgType::Date,
            "only relations valid at that date (a month or year: at any time in it)"),
        arg("min_confidence", ArgType::Number, "relations below this confidence are left out"),
        arg("types", ArgType::Types, "entity types kept in the view"),
        arg("relations", ArgType::Relations, "relation types kept in the view"),
        arg("sources", ArgType::Entities, "only relations supported by these source ids"),
        arg("include_denied", ArgType::Boolean, "keep relations that are only denied"),
    };
    return defs;
}

template <typename Range>
std::string names(const Range& defs) {
    std::string out;
    for (const auto& d : defs) out += (out.empty() ? "" : ", ") + d.name;
    return out.empty() ? "none" : out;
}

bool inSavedQueries(const ArgDef& def) { return def.use != ArgUse::CommandLine; }

// The arguments of `kind` a saved query may give, as error messages list them.
std::string savedArgNames(const KindDef& kind) {
    std::string out;
    for (const auto& d : kind.args) {
        if (inSavedQueries(d)) out += (out.empty() ? "" : ", ") + d.name;
    }
    return out.empty() ? "none" : out;
}

bool isReference(const Value& v) {
    return v.IsString() && v.GetStringLength() > 1 && v.GetString()[0] == '$';
}

// A JSON value as the text the command line would give for it.
std::string asText(const Value& v, const ArgDef& def, const std::string& where) {
    if (v.IsString()) return {v.GetString(), v.GetStringLength()};
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsNumber()) {
        std::ostringstream out;
        out.precision(17);
        out << v.GetDouble();
        return out.str();
    }
    if (v.IsArray()) {
        std::string out;
        for (const auto& item : v.GetArray()) {
            if (!item.IsString())
                throw QueryError(where + ": a list of " + argTypeName(def.type) +
                                 " holds strings only");
            out += (out.empty() ? "" : ",") + std::string(item.GetString(), item.GetStringLength());
        }
        return out;
    }
    throw QueryError(where + ": expected a " + argTypeName(def.type) + " value");
}

// Whether a parameter of type `from` can be used where the argument wants `to`.
bool feeds(const ParamDef& p, const ArgDef& a) {
    if (p.type == a.type) {
        if (a.type != ArgType::Enum) return true;
        return std::all_of(p.values.begin(), p.values.end(), [&](const std::string& v) {
            return std::find(a.values.begin(), a.values.end(), v) != a.values.end();
        });
    }
    if (a.type == ArgType::Entities && p.type == ArgType::Entity) return true;
    if (a.type == ArgType::Number && p.type == ArgType::Integer) return true;
    if (a.type == ArgType::String && p.type == ArgType::Enum) return true;
    if (a.type == ArgType::Enum && p.type == ArgType::String) return true;  // checked when bound
    return false;
}

const ParamDef* findParam(const SavedQuery& q, const std::string& name) {
    for (const auto& p : q.params) {
        if (p.name == name) return &p;
    }
    return nullptr;
}

// Checks one argument (of the query or of its filters) and, when `bound` is given, stores
// its value with parameters substituted.
void checkArg(const SavedQuery& q, const ArgDef& def, const Value& v, const std::string& where,
              const std::map<std::string, ArgValue>* params, Args* bound) {
    if (isReference(v)) {
        std::string ref(v.GetString() + 1, v.GetStringLength() - 1);
        const ParamDef* p = findParam(q, ref);
        if (!p)
            throw QueryError(where + ": '$" + ref +
                             "' names no declared parameter (declared: " + names(q.params) + ")");
        if (!feeds(*p, def)) {
            throw QueryError(where + ": parameter '" + ref + "' is " + argTypeName(p->type) +
                             ", but '" + def.name + "' takes " + argTypeName(def.type));
        }
        if (bound) {
            auto it = params->find(ref);
            if (it == params->end())
                return;  // an optional parameter left out: the argument is unset
            ArgValue value = it->second;
            // An entity feeding an entity set, or a string an enum, takes the argument's form.
            if (def.type == ArgType::Entities) {
                if (auto* s = std::get_if<std::string>(&value))
                    value = std::vector<std::string>{*s};
            } else if (def.type == ArgType::Enum || (def.type == ArgType::Number &&
                                                     std::holds_alternative<std::int64_t>(value))) {
                std::string text = std::holds_alternative<std::int64_t>(value)
                                       ? std::to_string(std::get<std::int64_t>(value))
                                       : std::get<std::string>(value);
                value = parseArgText(def, text, "parameter '" + ref + "'");
            }
            (*bound)[def.name] = value;
        }
        return;
    }
    if (v.IsArray() && def.type != ArgType::Entities && def.type != ArgType::Relations &&
        def.type != ArgType::Types) {
        throw QueryError(where + ": '" + def.name + "' takes one " + argTypeName(def.type) +
                         ", not a list");
    }
    if ((def.type == ArgType::Number || def.type == ArgType::Integer) && !v.IsNumber() &&
        !v.IsString()) {
        throw QueryError(where + ": '" + def.name + "' takes a number");
    }
    if (def.type == ArgType::Integer && v.IsNumber() && !v.IsInt64()) {
        throw QueryError(where + ": '" + def.name + "' takes a whole number");
    }
    if (def.type == ArgType::Boolean && !v.IsBool())
        throw QueryError(where + ": '" + def.name + "' takes true or false");
    ArgValue value = parseArgText(def, asText(v, def, where), where);
    if (bound) (*bound)[def.name] = value;
}

void walkDocument(const SavedQuery& q, const Value& doc, const std::string& origin,
                  const std::map<std::string, ArgValue>* params, BoundQuery* bound) {
    const Value& body = doc["query"];
    const KindDef* kind = queryKind(q.kind);
    std::vector<std::string> seen;
    for (const auto& m : body.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        if (key == "kind") continue;
        const ArgDef* def = kindArg(*kind, key);
        if (!def || !inSavedQueries(*def)) {
            throw QueryError(origin + ": query." + key + ": unknown argument of '" + kind->name +
                             "' (expected " + savedArgNames(*kind) + ")");
        }
        checkArg(q, *def, m.value, origin + ": query." + key, params,
                 bound ? &bound->args : nullptr);
        seen.push_back(def->name);
    }
    for (const auto& def : kind->args) {
        if (def.required && std::find(seen.begin(), seen.end(), def.name) == seen.end()) {
            throw QueryError(origin + ": query: '" + kind->name + "' needs '" + def.name + "' (" +
                             def.description + ")");
        }
    }
    auto filters = doc.FindMember("filters");
    if (filters == doc.MemberEnd()) return;
    if (!filters->value.IsObject()) throw QueryError(origin + ": 'filters' must be an object");
    Args filterArgs;
    for (const auto& m : filters->value.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        auto def = std::find_if(filterDefs().begin(), filterDefs().end(),
                                [&](const ArgDef& a) { return a.name == key; });
        if (def == filterDefs().end()) {
            throw QueryError(origin + ": filters." + key + ": unknown filter (expected " +
                             names(filterDefs()) + ")");
        }
        checkArg(q, *def, m.value, origin + ": filters." + key, params,
                 bound ? &filterArgs : nullptr);
    }
    if (!bound) return;
    auto& f = bound->filter;
    for (const auto& [key, value] : filterArgs) {
        if (key == "as_of") {
            f.asOf = graph::PartialDate::parse(std::get<std::string>(value))->period();
        } else if (key == "min_confidence") {
            f.minConfidence = std::holds_alternative<double>(value)
                                  ? std::get<double>(value)
                                  : static_cast<double>(std::get<std::int64_t>(value));
        } else if (key == "types") {
            f.entityTypes = std::get<std::vector<std::string>>(value);
        } else if (key == "relations") {
            f.relationTypes = std::get<std::vector<std::string>>(value);
        } else if (key == "sources") {
            f.sources = std::get<std::vector<std::string>>(value);
        } else if (key == "include_denied") {
            f.includeDenied = std::get<bool>(value);
        }
    }
}

rapidjson::Document parseJson(std::string_view json, const std::string& origin) {
    if (auto at = graph::jsonTooDeepAt(json)) {
        throw QueryError(
            cat(origin, ": nests deeper than ", graph::kMaxJsonDepth, " levels at offset ", *at));
    }
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) {
        throw QueryError(cat(origin, ": invalid JSON at offset ", doc.GetErrorOffset(), ": ",
                             rapidjson::GetParseError_En(doc.GetParseError())));
    }
    if (!doc.IsObject()) throw QueryError(origin + ": a saved query is a JSON object");
    return doc;
}

}  // namespace

SavedQuery parseSavedQuery(std::string_view json, const std::string& origin) {
    rapidjson::Document doc = parseJson(json, origin);
    SavedQuery q;
    q.text = std::string(json);
    for (const auto& m : doc.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        if (std::find(std::begin(kTopKeys), std::end(kTopKeys), key) == std::end(kTopKeys)) {
            throw QueryError(origin + ": unknown field '" + key +
                             "' (expected name, version, description, parameters, query, filters)");
        }
    }
    auto name = doc.FindMember("name");
    if (name == doc.MemberEnd() || !name->value.IsString() || name->value.GetStringLength() == 0) {
        throw QueryError(origin + ": a saved query needs a 'name'");
    }
    q.name = name->value.GetString();
    for (char c : q.name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok)
            throw QueryError(origin + ": name '" + q.name +
                             "' may hold only letters, digits, '-', '_' and '.'");
    }
    if (auto v = doc.FindMember("version"); v != doc.MemberEnd()) {
        if (!v->value.IsInt() || v->value.GetInt() < 1)
            throw QueryError(origin + ": 'version' must be a whole number from 1");
        q.version = v->value.GetInt();
    }
    if (auto d = doc.FindMember("description"); d != doc.MemberEnd()) {
        if (!d->value.IsString()) throw QueryError(origin + ": 'description' must be a string");
        q.description = d->value.GetString();
    }
    if (auto params = doc.FindMember("parameters"); params != doc.MemberEnd()) {
        if (!params->value.IsObject())
            throw QueryError(origin + ": 'parameters' must be an object of name: definition");
        for (const auto& m : params->value.GetObject()) {
            ParamDef p;
            p.name = m.name.GetString();
            std::string where = origin + ": parameters." + p.name;
            if (p.name.empty() || !std::all_of(p.name.begin(), p.name.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                })) {
                throw QueryError(where +
                                 ": parameter names are lower-case letters, digits and '_'");
            }
            if (!m.value.IsObject())
                throw QueryError(where + ": a parameter is an object with a 'type'");
            for (const auto& pm : m.value.GetObject()) {
                std::string k = pm.name.GetString();
                if (std::find(std::begin(kParamKeys), std::end(kParamKeys), k) ==
                    std::end(kParamKeys)) {
                    throw QueryError(where + ": unknown field '" + k +
                                     "' (expected type, description, default, values)");
                }
            }
            auto type = m.value.FindMember("type");
            if (type == m.value.MemberEnd() || !type->value.IsString())
                throw QueryError(where + ": needs a 'type'");
            auto t = argTypeNamed(type->value.GetString());
            if (!t) {
                throw QueryError(where + ": unknown type '" + std::string(type->value.GetString()) +
                                 "' (expected " + argTypeList() + ")");
            }
            p.type = *t;
            if (auto d = m.value.FindMember("description");
                d != m.value.MemberEnd() && d->value.IsString()) {
                p.description = d->value.GetString();
            }
            if (auto vals = m.value.FindMember("values"); vals != m.value.MemberEnd()) {
                if (!vals->value.IsArray())
                    throw QueryError(where + ": 'values' must be a list of strings");
                for (const auto& v : vals->value.GetArray()) {
                    if (!v.IsString())
                        throw QueryError(where + ": 'values' must be a list of strings");
                    p.values.emplace_back(v.GetString());
                }
            }
            if (p.type == ArgType::Enum && p.values.empty())
                throw QueryError(where + ": an enum needs 'values'");
            if (auto d = m.value.FindMember("default"); d != m.value.MemberEnd()) {
                ArgDef asArg = arg(p.name, p.type, p.description).oneOf(p.values);
                p.defaultText = asText(d->value, asArg, where + ".default");
                parseArgText(asArg, p.defaultText, where + ".default");
                p.hasDefault = true;
            }
            q.params.push_back(std::move(p));
        }
    }
    auto body = doc.FindMember("query");
    if (body == doc.MemberEnd() || !body->value.IsObject()) {
        throw QueryError(origin + ": a saved query needs a 'query' object with a 'kind'");
    }
    auto kind = body->value.FindMember("kind");
    if (kind == body->value.MemberEnd() || !kind->value.IsString()) {
        throw QueryError(origin + ": query needs a 'kind' (one of " + queryKindList() + ")");
    }
    q.kind = kind->value.GetString();
    if (!queryKind(q.kind)) {
        throw QueryError(origin + ": query.kind: unknown query kind '" + q.kind + "' (expected " +
                         queryKindList() + ")");
    }
    walkDocument(q, doc, origin, nullptr, nullptr);
    return q;
}

SavedQuery readSavedQuery(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open saved query file");
    std::ostringstream buf;
    buf << in.rdbuf();
    return parseSavedQuery(buf.str(), path);
}

BoundQuery bindSavedQuery(const SavedQuery& query,
                          const std::map<std::string, std::string>& given) {
    for (const auto& [name, value] : given) {
        if (!findParam(query, name)) {
            throw QueryError("saved query '" + query.name + "' has no parameter '" + name +
                             "' (its parameters: " + names(query.params) + ")");
        }
    }
    std::map<std::string, ArgValue> values;
    for (const auto& p : query.params) {
        ArgDef asArg = arg(p.name, p.type, p.description).oneOf(p.values);
        auto it = given.find(p.name);
        if (it != given.end()) {
            values[p.name] = parseArgText(asArg, it->second, "parameter '" + p.name + "'");
        } else if (p.hasDefault) {
            values[p.name] = parseArgText(asArg, p.defaultText, "parameter '" + p.name + "'");
        }
    }
    BoundQuery bound;
    bound.kind = queryKind(query.kind);
    rapidjson::Document doc = parseJson(query.text, query.name);
    walkDocument(query, doc, query.name, &values, &bound);
    // A required argument fed by a parameter that was neither given nor defaulted.
    for (const auto& def : bound.kind->args) {
        if (!def.required || bound.args.count(def.name)) continue;
        std::string missing;
        for (const auto& p : query.params) {
            if (!values.count(p.name))
                missing +=
                    (missing.empty() ? "" : ", ") + p.name + " (" + argTypeName(p.type) + ")";
        }
        throw QueryError("saved query '" + query.name + "' needs a value for: " + missing +
                         "; give --param NAME=VALUE");
    }
    if (bound.kind->needsDenied) bound.filter.includeDenied = true;
    return bound;
}

}  // namespace cg::queries
