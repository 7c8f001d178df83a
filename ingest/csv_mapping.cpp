// SPDX-License-Identifier: MIT
#include "ingest/csv_mapping.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "graph/error.hpp"
#include "graph/json_depth.hpp"
#include "ingest/json_records.hpp"
#include "ingest/json_value.hpp"

namespace cg::ingest {

using rapidjson::Value;

namespace {

const char* const kTopKeys[] = {"source", "delimiter", "row_id", "entities", "relations"};
const char* const kEntityKeys[] = {"as",      "key",         "type",      "name",
                                   "aliases", "identifiers", "properties"};
const char* const kRelationKeys[] = {"relation",   "subject",  "object",     "attributes",
                                     "valid_from", "valid_to", "confidence", "quote"};
const char* const kSourceKinds[] = {"article", "registry", "leak", "list", "interview", "other"};

template <std::size_t N>
std::string listOf(const char* const (&keys)[N]) {
    std::string out;
    for (const char* k : keys) out += (out.empty() ? "" : ", ") + std::string(k);
    return out;
}

template <std::size_t N>
void checkKeys(const Value& obj, const char* const (&keys)[N], const std::string& where) {
    for (const auto& m : obj.GetObject()) {
        std::string k = jsonText(m.name);
        if (std::none_of(std::begin(keys), std::end(keys), [&](const char* x) { return k == x; })) {
            throw InputError(where + ": unknown field '" + k + "' (expected " + listOf(keys) + ")");
        }
    }
}

// A value spec: "column", {"column": ...}, {"value": ...}, {"column": ..., "map": {...}, "default":
// ...}.
CsvValue value(const Value& v, const std::string& where) {
    CsvValue out;
    if (v.IsString()) {
        out.column = jsonText(v);
        if (out.column.empty()) throw InputError(where + ": a column name must not be empty");
        return out;
    }
    if (!v.IsObject())
        throw InputError(where + ": expected a column name or an object, not " + jsonKind(v));
    for (const auto& m : v.GetObject()) {
        std::string k = jsonText(m.name);
        if (k != "column" && k != "value" && k != "map" && k != "default") {
            throw InputError(where + ": unknown field '" + k +
                             "' (expected column, value, map, default)");
        }
    }
    if (auto c = jsonScalar(v, "column")) out.column = *c;
    if (auto c = jsonScalar(v, "value")) out.constant = *c;
    if (out.column.empty() == out.constant.empty()) {
        throw InputError(where + ": give either 'column' or 'value'");
    }
    if (const Value* table = jsonMember(v, "map")) {
        if (!table->IsObject())
            throw InputError(where + ": 'map' must be an object of value: translation");
        for (const auto& m : table->GetObject()) {
            if (!m.value.IsString())
                throw InputError(where + ": 'map' translations must be strings");
            out.table.emplace(jsonText(m.name), jsonText(m.value));
        }
    }
    if (auto d = jsonScalar(v, "default")) out.fallback = *d;
    return out;
}

// A type spec: a type name, or a column spec whose values (after its map) are type names.
CsvValue typeValue(const Value& v, const std::string& where, const graph::Schema& schema) {
    CsvValue out;
    if (v.IsString()) {
        out.constant = jsonText(v);
    } else {
        out = value(v, where);
    }
    auto check = [&](const std::string& name) {
        auto t = schema.entityTypeId(name);
        if (!t || schema.entityType(*t).abstract) {
            throw InputError(where + ": unknown entity type '" + name + "' (expected " +
                             schema.entityTypeList() + ")");
        }
    };
    if (!out.constant.empty()) check(out.constant);
    for (const auto& [from, to] : out.table) check(to);
    if (out.fallback) check(*out.fallback);
    return out;
}

std::vector<std::pair<std::string, CsvValue>> pairs(const Value& obj, const std::string& where) {
    if (!obj.IsObject()) throw InputError(where + ": expected an object, not " + jsonKind(obj));
    std::vector<std::pair<std::string, CsvValue>> out;
    for (const auto& m : obj.GetObject()) {
        std::string name = jsonText(m.name);
        out.emplace_back(name, value(m.value, where + " '" + name + "'"));
    }
    return out;
}

void templateColumns(const std::string& tpl, std::vector<std::string>& out) {
    std::size_t pos = 0;
    while ((pos = tpl.find('{', pos)) != std::string::npos) {
        auto end = tpl.find('}', pos);
        if (end == std::string::npos) break;
        out.push_back(tpl.substr(pos + 1, end - pos - 1));
        pos = end + 1;
    }
}

}  // namespace

CsvMapping CsvMapping::fromJson(const std::string& text, const std::string& origin,
                                const graph::Schema& schema) {
    if (auto at = graph::jsonTooDeepAt(text)) {
        throw InputError(cat(origin, ":", lineAt(text, *at, 1), ": nests deeper than ",
                             graph::kMaxJsonDepth, " levels"));
    }
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    if (doc.HasParseError()) {
        std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                   text.begin(),
                                   text.begin() + static_cast<std::ptrdiff_t>(
                                                      std::min(doc.GetErrorOffset(), text.size())),
                                   '\n'));
        throw InputError(cat(origin, ":", line,
                             ": invalid JSON: ", rapidjson::GetParseError_En(doc.GetParseError())));
    }
    if (!doc.IsObject()) throw InputError(origin + ": a mapping is a JSON object");
    checkKeys(doc, kTopKeys, origin);
    CsvMapping m;
    m.origin = origin;
    if (const Value* s = jsonMember(doc, "source")) {
        if (!s->IsObject()) throw InputError(origin + ": 'source' must be an object");
        m.source.key = jsonScalar(*s, "id").value_or("");
        if (m.source.key.empty()) throw InputError(origin + ": 'source' needs an 'id'");
        m.source.title = jsonScalar(*s, "title").value_or("");
        m.source.publisher = jsonScalar(*s, "publisher").value_or("");
        m.source.url = jsonScalar(*s, "url").value_or("");
        m.source.published = jsonScalar(*s, "published").value_or("");
        m.source.retrieved = jsonScalar(*s, "retrieved").value_or("");
        m.source.licence = jsonScalar(*s, "licence").value_or("");
        std::string kind = jsonScalar(*s, "kind").value_or("other");
        if (std::none_of(std::begin(kSourceKinds), std::end(kSourceKinds),
                         [&](const char* k) { return kind == k; })) {
            throw InputError(origin + ": unknown source kind '" + kind + "' (expected " +
                             listOf(kSourceKinds) + ")");
        }
        m.source.kind = kind;
        for (auto* d : {&m.source.published, &m.source.retrieved}) {
            if (d->empty()) continue;
            std::string error;
            auto parsed = graph::PartialDate::parse(*d, &error);
            if (!parsed) throw InputError(origin + ": source date '" + *d + "': " + error);
            *d = parsed->text();
        }
    }
    if (auto d = jsonScalar(doc, "delimiter")) {
        if (*d == "\\t" || *d == "tab")
            m.delimiter = '\t';
        else if (d->size() == 1 && *d != "\"")
            m.delimiter = (*d)[0];
        else
            throw InputError(origin + ": 'delimiter' must be one character");
    }
    m.rowId = jsonScalar(doc, "row_id").value_or("");

    const Value* entities = jsonMember(doc, "entities");
    if (!entities || !entities->IsArray() || entities->Empty()) {
        throw InputError(origin + ": 'entities' must list at least one entity");
    }
    std::set<std::string> names;
    for (const auto& e : entities->GetArray()) {
        std::string where = origin + ": entity " + std::to_string(m.entities.size() + 1);
        if (!e.IsObject()) throw InputError(where + ": expected an object");
        checkKeys(e, kEntityKeys, where);
        CsvEntity ce;
        ce.as = jsonScalar(e, "as").value_or("entity" + std::to_string(m.entities.size() + 1));
        where = origin + ": entity '" + ce.as + "'";
        if (!names.insert(ce.as).second) throw InputError(where + ": 'as' names two entities");
        ce.keyTemplate = jsonScalar(e, "key").value_or("");
        const Value* type = jsonMember(e, "type");
        if (!type) throw InputError(where + ": needs a 'type'");
        ce.type = typeValue(*type, where + " type", schema);
        if (const Value* name = jsonMember(e, "name")) ce.name = value(*name, where + " name");
        if (const Value* aliases = jsonMember(e, "aliases")) {
            if (!aliases->IsArray())
                throw InputError(where + ": 'aliases' must be a list of columns");
            for (const auto& a : aliases->GetArray())
                ce.aliases.push_back(value(a, where + " alias"));
        }
        if (const Value* ids = jsonMember(e, "identifiers"))
            ce.identifiers = pairs(*ids, where + " identifier");
        if (const Value* props = jsonMember(e, "properties")) {
            ce.properties = pairs(*props, where + " property");
            for (const auto& [prop, v] : ce.properties) {
                if (!schema.property(prop)) {
                    throw InputError(where + ": unknown property '" + prop + "' (expected " +
                                     schema.propertyList() + ")");
                }
            }
        }
        if (ce.keyTemplate.empty() && ce.name.empty() && ce.identifiers.empty()) {
            throw InputError(
                where +
                ": needs a 'key', a 'name' or 'identifiers' to tell which entity a row means");
        }
        m.entities.push_back(std::move(ce));
    }
    if (const Value* relations = jsonMember(doc, "relations")) {
        if (!relations->IsArray()) throw InputError(origin + ": 'relations' must be a list");
        for (const auto& r : relations->GetArray()) {
            std::string where = origin + ": relation " + std::to_string(m.relations.size() + 1);
            if (!r.IsObject()) throw InputError(where + ": expected an object");
            checkKeys(r, kRelationKeys, where);
            CsvRelation cr;
            cr.relation = jsonScalar(r, "relation").value_or("");
            const graph::RelationType* rel = schema.relationType(cr.relation);
            if (!rel) {
                throw InputError(where + ": unknown relation type '" + cr.relation +
                                 "' (expected " + schema.relationTypeList() + ")");
            }
            cr.subject = jsonScalar(r, "subject").value_or("");
            cr.object = jsonScalar(r, "object").value_or("");
            for (const auto* end : {&cr.subject, &cr.object}) {
                if (!names.count(*end)) {
                    std::string known;
                    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
                    throw InputError(
                        where + ": 'subject' and 'object' must name entities of the mapping (" +
                        known + "), not '" + *end + "'");
                }
            }
            if (cr.subject == cr.object)
                throw InputError(where + ": 'subject' and 'object' are the same entity");
            if (const Value* attrs = jsonMember(r, "attributes")) {
                cr.attributes = pairs(*attrs, where + " attribute");
                for (const auto& [name, v] : cr.attributes) {
                    if (!schema.attributeType(*rel, name)) {
                        throw InputError(where + ": unknown attribute '" + name +
                                         "' for relation '" + cr.relation + "' (expected " +
                                         schema.attributeList(*rel) + ")");
                    }
                }
            }
            if (const Value* v = jsonMember(r, "valid_from"))
                cr.validFrom = value(*v, where + " valid_from");
            if (const Value* v = jsonMember(r, "valid_to"))
                cr.validTo = value(*v, where + " valid_to");
            if (const Value* v = jsonMember(r, "confidence"))
                cr.confidence = value(*v, where + " confidence");
            if (const Value* v = jsonMember(r, "quote")) cr.quote = value(*v, where + " quote");
            m.relations.push_back(std::move(cr));
        }
    }
    return m;
}

CsvMapping CsvMapping::fromFile(const std::string& path, const graph::Schema& schema) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open the mapping: " + std::strerror(errno));
    std::stringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), path, schema);
}

std::vector<std::string> CsvMapping::columns() const {
    std::vector<std::string> out;
    auto add = [&](const CsvValue& v) {
        if (!v.column.empty()) out.push_back(v.column);
    };
    if (!rowId.empty()) out.push_back(rowId);
    for (const auto& e : entities) {
        templateColumns(e.keyTemplate, out);
        add(e.type);
        add(e.name);
        for (const auto& a : e.aliases) add(a);
        for (const auto& [k, v] : e.identifiers) add(v);
        for (const auto& [k, v] : e.properties) add(v);
    }
    for (const auto& r : relations) {
        for (const auto& [k, v] : r.attributes) add(v);
        add(r.validFrom);
        add(r.validTo);
        add(r.confidence);
        add(r.quote);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace cg::ingest
