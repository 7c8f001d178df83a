// SPDX-License-Identifier: MIT
#include "graph/schema.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "graph/error.hpp"
#include "graph/json_depth.hpp"

namespace cg::graph {

extern const char* const kDefaultSchemaJson;

namespace {

constexpr std::string_view kRelationKindNames[kRelationKindCount] = {
    "ownership", "control", "role", "personal", "money", "location", "weak", "mention"};
static_assert(static_cast<std::size_t>(RelationKind::Mention) + 1 == kRelationKindCount,
              "one name per relation kind");

ValueType parseValueType(std::string_view text, const std::string& where) {
    if (text == "string") return ValueType::String;
    if (text == "number") return ValueType::Number;
    if (text == "percent") return ValueType::Percent;
    if (text == "boolean") return ValueType::Boolean;
    if (text == "date") return ValueType::Date;
    if (text == "country") return ValueType::Country;
    throw InputError(cat(where, ": unknown value type '", text,
                         "' (expected string, number, percent, boolean, date, country)"));
}

std::vector<std::string> stringList(const rapidjson::Value& v, const std::string& where) {
    std::vector<std::string> out;
    if (v.IsString()) {
        out.emplace_back(v.GetString(), v.GetStringLength());
        return out;
    }
    if (!v.IsArray()) throw InputError(where + ": expected a list of type names");
    for (const auto& item : v.GetArray()) {
        if (!item.IsString()) throw InputError(where + ": expected a list of type names");
        out.emplace_back(item.GetString(), item.GetStringLength());
    }
    return out;
}

std::string str(const rapidjson::Value& obj, const char* key, std::string fallback = {}) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || !it->value.IsString()) return fallback;
    return {it->value.GetString(), it->value.GetStringLength()};
}

template <typename Range, typename Name>
std::string joinNames(const Range& range, Name name) {
    std::string out;
    for (const auto& item : range) {
        if (!out.empty()) out += ", ";
        out += name(item);
    }
    return out;
}

}  // namespace

std::string_view relationKindName(RelationKind kind) {
    return kRelationKindNames[static_cast<std::size_t>(kind)];
}

std::optional<RelationKind> parseRelationKind(std::string_view name) {
    for (std::size_t i = 0; i < kRelationKindCount; ++i) {
        if (kRelationKindNames[i] == name) return static_cast<RelationKind>(i);
    }
    return std::nullopt;
}

std::string relationKindList() {
    return joinNames(kRelationKindNames, [](std::string_view name) { return std::string(name); });
}

Schema Schema::defaults() {
    static const Schema kDefault = fromJson(kDefaultSchemaJson, "default_schema.json");
    return kDefault;
}

Schema Schema::fromFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open schema file");
    std::ostringstream buf;
    buf << in.rdbuf();
    return fromJson(buf.str(), path);
}

Schema Schema::fromJson(std::string_view text, const std::string& origin) {
    if (auto at = jsonTooDeepAt(text)) {
        throw InputError(
            cat(origin, ": nests deeper than ", kMaxJsonDepth, " levels at offset ", *at));
    }
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    if (doc.HasParseError()) {
        throw InputError(cat(origin, ": invalid JSON at offset ", doc.GetErrorOffset(), ": ",
                             rapidjson::GetParseError_En(doc.GetParseError())));
    }
    if (!doc.IsObject()) throw InputError(origin + ": a schema is a JSON object");
    Schema schema;
    if (auto it = doc.FindMember("entity_types"); it != doc.MemberEnd()) {
        if (!it->value.IsObject()) throw InputError(origin + ": entity_types must be an object");
        for (const auto& m : it->value.GetObject()) {
            EntityType t;
            t.name.assign(m.name.GetString(), m.name.GetStringLength());
            std::string where = origin + ": entity type '" + t.name + "'";
            if (!m.value.IsObject()) throw InputError(where + " must be an object");
            t.label = str(m.value, "label", t.name);
            t.color = str(m.value, "color");
            if (auto p = m.value.FindMember("parents"); p != m.value.MemberEnd()) {
                t.parents = stringList(p->value, where + " parents");
            }
            if (auto a = m.value.FindMember("abstract"); a != m.value.MemberEnd()) {
                t.abstract = a->value.IsBool() && a->value.GetBool();
            }
            schema.entityTypes_.push_back(std::move(t));
        }
    }
    if (auto it = doc.FindMember("relation_types"); it != doc.MemberEnd()) {
        if (!it->value.IsObject()) throw InputError(origin + ": relation_types must be an object");
        for (const auto& m : it->value.GetObject()) {
            RelationType r;
            r.name.assign(m.name.GetString(), m.name.GetStringLength());
            std::string where = origin + ": relation type '" + r.name + "'";
            if (!m.value.IsObject()) throw InputError(where + " must be an object");
            r.label = str(m.value, "label", r.name);
            r.inverseLabel = str(m.value, "inverse", r.label);
            // Connection queries choose what to traverse by kind, so a type without one could
            // not be placed: refuse it rather than guess.
            auto kind = m.value.FindMember("kind");
            if (kind == m.value.MemberEnd()) {
                throw InputError(
                    cat(where, " has no kind (expected one of ", relationKindList(), ")"));
            }
            if (!kind->value.IsString()) {
                throw InputError(
                    cat(where, ": kind must be a string (one of ", relationKindList(), ")"));
            }
            std::string_view kindName(kind->value.GetString(), kind->value.GetStringLength());
            auto parsed = parseRelationKind(kindName);
            if (!parsed) {
                throw InputError(cat(where, ": unknown kind '", kindName, "' (expected ",
                                     relationKindList(), ")"));
            }
            r.kind = *parsed;
            if (auto d = m.value.FindMember("directed"); d != m.value.MemberEnd()) {
                if (!d->value.IsBool())
                    throw InputError(where + ": directed must be true or false");
                r.directed = d->value.GetBool();
            }
            auto from = m.value.FindMember("from");
            auto to = m.value.FindMember("to");
            if (from == m.value.MemberEnd() || to == m.value.MemberEnd()) {
                throw InputError(where + " needs 'from' and 'to' entity types");
            }
            r.from = stringList(from->value, where + " from");
            r.to = stringList(to->value, where + " to");
            if (auto a = m.value.FindMember("attributes"); a != m.value.MemberEnd()) {
                if (!a->value.IsObject())
                    throw InputError(where + ": attributes must be an object");
                for (const auto& am : a->value.GetObject()) {
                    if (!am.value.IsString())
                        throw InputError(where + ": attribute types are strings");
                    r.attributes[am.name.GetString()] = parseValueType(am.value.GetString(), where);
                }
            }
            schema.relationTypes_.push_back(std::move(r));
        }
    }
    if (auto it = doc.FindMember("common_attributes");
        it != doc.MemberEnd() && it->value.IsObject()) {
        for (const auto& am : it->value.GetObject()) {
            if (!am.value.IsString()) throw InputError(origin + ": attribute types are strings");
            schema.commonAttributes_[am.name.GetString()] =
                parseValueType(am.value.GetString(), origin);
        }
    }
    if (auto it = doc.FindMember("properties"); it != doc.MemberEnd()) {
        if (!it->value.IsObject()) throw InputError(origin + ": properties must be an object");
        for (const auto& m : it->value.GetObject()) {
            PropertyDef p;
            p.name.assign(m.name.GetString(), m.name.GetStringLength());
            std::string where = origin + ": property '" + p.name + "'";
            if (m.value.IsString()) {
                p.type = parseValueType(m.value.GetString(), where);
            } else if (m.value.IsObject()) {
                p.type = parseValueType(str(m.value, "type", "string"), where);
            } else {
                throw InputError(where + " must be a type name or an object");
            }
            schema.properties_[p.name] = p;
        }
    }
    // A schema file that only extends another may leave the hierarchy open; the default
    // schema must close it, which finalize() checks when the root is present.
    bool standalone = std::any_of(schema.entityTypes_.begin(), schema.entityTypes_.end(),
                                  [](const EntityType& t) { return t.parents.empty(); });
    if (standalone) schema.finalize();
    return schema;
}

void Schema::extend(const Schema& other) {
    for (const auto& t : other.entityTypes_) {
        auto existing = entityTypeId(t.name);
        if (existing) {
            auto& mine = entityTypes_[*existing];
            if (!t.parents.empty() && t.parents != mine.parents) {
                throw InputError("schema extension changes the parents of built-in type '" +
                                 t.name + "'");
            }
            if (!t.color.empty()) mine.color = t.color;
            continue;
        }
        entityTypes_.push_back(t);
    }
    for (const auto& r : other.relationTypes_) {
        auto it = std::find_if(relationTypes_.begin(), relationTypes_.end(),
                               [&](const RelationType& mine) { return mine.name == r.name; });
        if (it != relationTypes_.end()) {
            *it = r;
        } else {
            relationTypes_.push_back(r);
        }
    }
    for (const auto& [name, p] : other.properties_) properties_[name] = p;
    for (const auto& [name, t] : other.commonAttributes_) commonAttributes_[name] = t;
    finalize();
}

void Schema::finalize() {
    if (entityTypes_.size() > 64) throw InputError("a schema holds at most 64 entity types");
    bool haveRoot = false;
    for (size_t i = 0; i < entityTypes_.size(); ++i) {
        if (entityTypes_[i].parents.empty()) {
            if (haveRoot) {
                throw InputError("schema has two root entity types: '" + entityTypes_[root_].name +
                                 "' and '" + entityTypes_[i].name + "'");
            }
            root_ = static_cast<EntityTypeId>(i);
            haveRoot = true;
        }
        for (const auto& p : entityTypes_[i].parents) {
            if (!entityTypeId(p)) {
                throw InputError("entity type '" + entityTypes_[i].name +
                                 "' names unknown parent '" + p + "'");
            }
        }
    }
    if (!haveRoot) throw InputError("schema has no root entity type (one with no parents)");
    // Ancestor sets by fixed-point iteration: the hierarchy is tiny and may be a DAG.
    for (size_t i = 0; i < entityTypes_.size(); ++i) entityTypes_[i].ancestors = 1ull << i;
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& t : entityTypes_) {
            std::uint64_t before = t.ancestors;
            for (const auto& p : t.parents) t.ancestors |= entityTypes_[*entityTypeId(p)].ancestors;
            changed |= before != t.ancestors;
        }
    }
    for (size_t i = 0; i < entityTypes_.size(); ++i) {
        // A cycle would make a type its own strict ancestor through a parent.
        for (const auto& p : entityTypes_[i].parents) {
            if (entityTypes_[*entityTypeId(p)].ancestors & (1ull << i)) {
                throw InputError("entity type hierarchy has a cycle through '" +
                                 entityTypes_[i].name + "'");
            }
        }
    }
    auto maskOf = [&](const std::vector<std::string>& names, const std::string& rel) {
        std::uint64_t allowed = 0;
        for (const auto& n : names) {
            auto id = entityTypeId(n);
            if (!id) {
                throw InputError("relation type '" + rel + "' names unknown entity type '" + n +
                                 "' (expected " + entityTypeList() + ")");
            }
            for (size_t i = 0; i < entityTypes_.size(); ++i) {
                if (entityTypes_[i].ancestors & (1ull << *id)) allowed |= 1ull << i;
            }
        }
        return allowed;
    };
    for (auto& r : relationTypes_) {
        r.fromMask = maskOf(r.from, r.name);
        r.toMask = maskOf(r.to, r.name);
    }
}

std::optional<EntityTypeId> Schema::entityTypeId(std::string_view name) const {
    for (size_t i = 0; i < entityTypes_.size(); ++i) {
        if (entityTypes_[i].name == name) return static_cast<EntityTypeId>(i);
    }
    return std::nullopt;
}

bool Schema::isA(EntityTypeId type, EntityTypeId ancestor) const {
    return (entityTypes_[type].ancestors >> ancestor) & 1u;
}

bool Schema::compatible(EntityTypeId a, EntityTypeId b) const { return isA(a, b) || isA(b, a); }

const RelationType* Schema::relationType(std::string_view name) const {
    for (const auto& r : relationTypes_) {
        if (r.name == name) return &r;
    }
    return nullptr;
}

bool Schema::allows(const RelationType& rel, EntityTypeId subject, EntityTypeId object) const {
    bool subjectOk = subject == root_ || ((rel.fromMask >> subject) & 1u);
    bool objectOk = object == root_ || ((rel.toMask >> object) & 1u);
    if (subjectOk && objectOk) return true;
    // An undirected relation reads the same both ways round.
    if (!rel.directed) {
        bool s2 = subject == root_ || ((rel.toMask >> subject) & 1u);
        bool o2 = object == root_ || ((rel.fromMask >> object) & 1u);
        return s2 && o2;
    }
    return false;
}

std::optional<ValueType> Schema::attributeType(const RelationType& rel,
                                               std::string_view attribute) const {
    for (const auto& [name, type] : rel.attributes) {
        if (name == attribute) return type;
    }
    if (auto it = commonAttributes_.find(attribute); it != commonAttributes_.end()) {
        return it->second;
    }
    return std::nullopt;
}

const PropertyDef* Schema::property(std::string_view name) const {
    auto it = properties_.find(name);
    return it == properties_.end() ? nullptr : &it->second;
}

std::string Schema::entityTypeList() const {
    std::vector<const EntityType*> concrete;
    for (const auto& t : entityTypes_) {
        if (!t.abstract) concrete.push_back(&t);
    }
    return joinNames(concrete, [](const EntityType* t) { return t->name; });
}

std::string Schema::relationTypeList() const {
    return joinNames(relationTypes_, [](const RelationType& r) { return r.name; });
}

std::string Schema::propertyList() const {
    return joinNames(properties_, [](const auto& kv) { return kv.first; });
}

std::string Schema::attributeList(const RelationType& rel) const {
    std::vector<std::string> names;
    for (const auto& [name, type] : rel.attributes) names.push_back(name);
    for (const auto& [name, type] : commonAttributes_) names.push_back(name);
    return joinNames(names, [](const std::string& s) { return s; });
}

}  // namespace cg::graph
