// SPDX-License-Identifier: MIT
#include "ingest/bods_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/error.hpp"
#include "graph/normalize.hpp"
#include "ingest/attributes.hpp"
#include "ingest/country_code.hpp"
#include "ingest/file_stem.hpp"
#include "ingest/json_record_loop.hpp"
#include "ingest/json_records.hpp"
#include "ingest/json_value.hpp"
#include "ingest/key_segment.hpp"
#include "ingest/record_emitter.hpp"
#include "ingest/trimmed.hpp"

namespace cg::ingest {

using graph::Claim;
using graph::EntityRef;
using graph::PartialDate;
using rapidjson::Value;

namespace {

enum class Kind { Entity, Person, Relationship, Unknown };

// The two shapes of the standard: 0.2/0.3 statements, and 0.4 records.
struct Statement {
    bool v4 = false;
    Kind kind = Kind::Unknown;
    std::string id;                  // statementID (0.2/0.3) or statementId (0.4)
    std::string recordId;            // 0.4 only
    std::string date;                // statementDate
    const Value* details = nullptr;  // the statement itself, or its 0.4 recordDetails
};

std::optional<Statement> shape(const Value& doc) {
    if (!doc.IsObject()) return std::nullopt;
    Statement s;
    if (const Value* type = jsonMember(doc, "recordType"); type && type->IsString()) {
        s.v4 = true;
        std::string t = jsonText(*type);
        s.kind = t == "entity"         ? Kind::Entity
                 : t == "person"       ? Kind::Person
                 : t == "relationship" ? Kind::Relationship
                                       : Kind::Unknown;
        s.id = jsonScalar(doc, "statementId").value_or("");
        s.recordId = jsonScalar(doc, "recordId").value_or("");
        s.details = jsonMember(doc, "recordDetails");
    } else if (const Value* old = jsonMember(doc, "statementType"); old && old->IsString()) {
        std::string t = jsonText(*old);
        s.kind = t == "entityStatement"               ? Kind::Entity
                 : t == "personStatement"             ? Kind::Person
                 : t == "ownershipOrControlStatement" ? Kind::Relationship
                                                      : Kind::Unknown;
        s.id = jsonScalar(doc, "statementID").value_or(jsonScalar(doc, "statementId").value_or(""));
        s.details = &doc;
    } else {
        return std::nullopt;
    }
    s.date = jsonScalar(doc, "statementDate").value_or("");
    return s;
}

// An identifier scheme from org-id.guide ("GB-COH", "XI-LEI") names one register, so an
// entity carrying one is keyed by it and meets the same company from other sources.
std::optional<std::string> registryKey(const Value& details) {
    const Value* ids = jsonMember(details, "identifiers");
    if (!ids || !ids->IsArray()) return std::nullopt;
    for (const auto& id : ids->GetArray()) {
        auto scheme = jsonScalar(id, "scheme");
        auto value = jsonScalar(id, "id");
        if (!scheme || !value) continue;
        const std::string& s = *scheme;
        auto dash = s.find('-');
        bool orgId = dash == 2 && s.size() > 3 && std::all_of(s.begin(), s.end(), [](char c) {
                         return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                     });
        if (!orgId) continue;
        std::string key = s;
        for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return key + ":" + std::string(trimmed(*value));
    }
    return std::nullopt;
}

struct Successor {
    std::string statement;
    std::string date;
};

// What the first pass learns about the whole file.
struct FileIndex {
    std::unordered_map<std::string, std::string> registryKeys;  // statement or record id
    std::unordered_map<std::string, std::string>
        firstReplaced;  // 0.3 statement -> a statement it replaces
    std::unordered_map<std::string, Successor> successors;      // statement -> what supersedes it
    std::unordered_map<std::string, std::string> lastOfRecord;  // 0.4 record -> its last statement
    std::unordered_map<std::string, std::string> predecessors;  // 0.4 statement -> the one before
    std::unordered_set<std::string> relationships;              // their statement or record ids
    graph::Source source;
    bool sawPublication = false;

    void learn(const Value& doc) {
        auto s = shape(doc);
        if (!s || s->id.empty()) return;
        if (!sawPublication) {
            if (const Value* pub = jsonMember(doc, "publicationDetails")) {
                sawPublication = true;
                if (const Value* publisher = jsonMember(*pub, "publisher")) {
                    source.publisher = jsonScalar(*publisher, "name").value_or("");
                    if (source.url.empty()) source.url = jsonScalar(*publisher, "url").value_or("");
                }
                if (auto d = jsonScalar(*pub, "publicationDate")) {
                    if (auto parsed = PartialDate::parse(*d)) source.published = parsed->text();
                }
                source.licence = jsonScalar(*pub, "license").value_or("");
            }
        }
        std::string ref = s->v4 ? s->recordId : s->id;
        if (s->kind == Kind::Entity && s->details) {
            if (auto key = registryKey(*s->details)) registryKeys.emplace(ref, *key);
        }
        if (s->kind == Kind::Relationship) relationships.insert(ref);
        if (s->v4) {
            if (s->recordId.empty()) return;
            auto [it, fresh] = lastOfRecord.emplace(s->recordId, s->id);
            if (!fresh) {
                successors[it->second] = Successor{s->id, s->date};
                predecessors[s->id] = it->second;
                it->second = s->id;
            }
            return;
        }
        if (const Value* replaces = jsonMember(doc, "replacesStatements");
            replaces && replaces->IsArray()) {
            for (const auto& r : replaces->GetArray()) {
                if (!r.IsString() || r.GetStringLength() == 0) continue;
                firstReplaced.emplace(s->id, jsonText(r));
                successors[jsonText(r)] = Successor{s->id, s->date};
            }
        }
    }

    // The entity key of a statement (0.3) or record (0.4) id.
    std::string entityKey(const std::string& id, bool v4) const {
        std::string cur = id;
        for (int guard = 0; guard < 1000; ++guard) {
            if (auto it = registryKeys.find(cur); it != registryKeys.end()) return it->second;
            if (v4) break;
            auto it = firstReplaced.find(cur);
            if (it == firstReplaced.end()) break;
            cur = it->second;
        }
        return "bods:" + cur;
    }
};

// BODS entity types and the entity type each becomes; "" keeps the kind unknown.
std::string entityType(const std::string& bods) {
    if (bods == "registeredEntity") return "Company";
    if (bods == "legalEntity" || bods == "arrangement") return "Organization";
    if (bods == "state" || bods == "stateBody") return "PublicBody";
    return "";
}

// Interests that are a share of the subject; the rest are control without a share of it.
bool ownershipInterest(const std::string& type) {
    return type.empty() || type == "shareholding" || type == "rightsToSurplusAssetsOnDissolution" ||
           type == "rightsToProfitOrIncome" || type == "unknownInterest" ||
           type == "unpublishedInterest";
}

// Reasons for an unspecified interested party that mean no owner exists or may be named,
// so there is nobody to stand in for.
bool nobodyBehind(const std::string& reason) {
    return reason == "noBeneficialOwners" || reason == "subjectExemptFromDisclosure";
}

std::string firstTwo(const std::string& code) {
    return code.size() > 2 && code[2] == '-' ? code.substr(0, 2) : code;
}

class StatementReader {
  public:
    StatementReader(const FileIndex& index, const std::string& sourceKey, const std::string& file,
                    const JsonRecord& record, RecordSink& sink)
        : index_(index), out_(sink, sourceKey, file, record.line, record.text) {}

    void read(const Value& doc) {
        if (!doc.IsObject())
            throw RecordRejected{"a BODS statement must be a JSON object, not " + jsonKind(doc)};
        auto s = shape(doc);
        if (!s) {
            throw RecordRejected{
                "neither a BODS 0.2/0.3 statement ('statementType') nor a 0.4 statement "
                "('recordType')"};
        }
        st_ = *s;
        const char* idName = st_.v4 ? "statementId" : "statementID";
        if (st_.id.empty()) throw RecordRejected{std::string("statement has no '") + idName + "'"};
        if (st_.v4 && st_.recordId.empty())
            throw RecordRejected{"0.4 statement '" + st_.id + "' has no 'recordId'"};
        if (!st_.details || !st_.details->IsObject()) {
            throw RecordRejected{"0.4 statement '" + st_.id + "' has no 'recordDetails' object"};
        }
        if (st_.kind == Kind::Unknown) {
            throw RecordRejected{
                "statement '" + st_.id + "' is of unknown type (expected " +
                (st_.v4 ? "entity, person or relationship"
                        : "entityStatement, personStatement or ownershipOrControlStatement") +
                ")"};
        }
        if (auto it = index_.successors.find(st_.id); it != index_.successors.end())
            successor_ = &it->second;
        if (st_.v4) closed_ = jsonScalar(doc, "recordStatus").value_or("") == "closed";
        if (st_.v4) {
            if (auto it = index_.predecessors.find(st_.id); it != index_.predecessors.end()) {
                replaces_.push_back("bods:" + it->second);
            }
        } else {
            if (const Value* r = jsonMember(doc, "replacesStatements"); r && r->IsArray()) {
                for (const auto& x : r->GetArray()) {
                    if (x.IsString()) replaces_.push_back("bods:" + jsonText(x));
                }
            }
        }
        if (st_.kind == Kind::Relationship) {
            relationship(*st_.details);
        } else {
            party(*st_.details, st_.kind == Kind::Person);
        }
    }

  private:
    std::string ownKey() const { return index_.entityKey(st_.v4 ? st_.recordId : st_.id, st_.v4); }

    // Ends a claim where the statement stops holding: when a later statement of the file
    // supersedes it, or when its 0.4 record is closed.
    void bound(Claim& c, Attributes* attrs) const {
        std::optional<PartialDate> end;
        if (successor_) {
            end = PartialDate::parse(successor_->date);
            if (attrs) attrs->set("superseded_by", "bods:" + successor_->statement);
        } else if (closed_) {
            end = PartialDate::parse(st_.date);
            if (attrs) attrs->addNote("record closed");
        }
        if (!end) return;
        if (c.validTo && c.validTo->lastDay() <= end->lastDay()) return;
        if (c.validFrom && c.validFrom->firstDay() > end->lastDay()) return;
        c.validTo = end;
    }

    std::optional<PartialDate> date(const Value& obj, const char* name) {
        auto text = jsonScalar(obj, name);
        if (!text) return std::nullopt;
        std::string error;
        auto d = PartialDate::parse(*text, &error);
        if (!d) throw RecordRejected{std::string(name) + " '" + *text + "': " + error};
        return d;
    }

    void property(const EntityRef& subject, const std::string& keyTail, const std::string& prop,
                  std::string value) {
        if (value.empty()) return;
        Claim c = out_.base("bods:" + st_.id + ":" + keyTail);
        c.kind = Claim::Kind::Property;
        c.subject = subject;
        c.property = prop;
        c.value = std::move(value);
        bound(c, nullptr);
        out_.emit(std::move(c));
    }

    void dateProperty(const EntityRef& subject, const Value& details, const char* bodsName,
                      const std::string& prop) {
        try {
            if (auto d = date(details, bodsName)) property(subject, bodsName, prop, d->text());
        } catch (const RecordRejected& r) {
            out_.reject("statement '" + st_.id + "': " + r.reason);
        }
    }

    void countryProperty(const EntityRef& subject, const std::string& keyTail,
                         const std::string& prop, const std::string& code) {
        auto cc = countryCode(firstTwo(code));
        if (!cc) {
            out_.reject("statement '" + st_.id + "': " + prop + " '" + code +
                        "' is not an ISO 3166 alpha-2 country code");
            return;
        }
        property(subject, keyTail, prop, *cc);
    }

    static std::string addressText(const Value& a) {
        std::vector<std::string> parts;
        for (const char* k : {"address", "postCode", "country"}) {
            if (auto v = jsonScalar(a, k)) parts.push_back(*v);
        }
        if (const Value* country = jsonMember(a, "country"); country && country->IsObject()) {
            if (auto code = jsonScalar(*country, "code")) parts.push_back(*code);
        }
        std::string out;
        for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
        return out;
    }

    static std::string personName(const Value& n) {
        if (auto full = jsonScalar(n, "fullName")) return *full;
        std::string out;
        for (const char* k : {"givenName", "patronymicName", "familyName"}) {
            if (auto v = jsonScalar(n, k)) out += (out.empty() ? "" : " ") + *v;
        }
        return out;
    }

    // An entity or person statement: its names, identifiers, dates, places.
    void party(const Value& d, bool person) {
        EntityRef ref;
        ref.key = ownKey();
        std::vector<std::string> names;
        std::string kindText;
        if (person) {
            ref.type = "Person";
            kindText = jsonScalar(d, "personType").value_or("");
            if (const Value* list = jsonMember(d, "names"); list && list->IsArray()) {
                // The individual or legal name first: it is the one to show.
                for (int pass = 0; pass < 2; ++pass) {
                    for (const auto& n : list->GetArray()) {
                        std::string type = jsonScalar(n, "type").value_or("");
                        bool main = type == "individual" || type == "legal";
                        if ((pass == 0) != main) continue;
                        std::string name = personName(n);
                        if (!name.empty() &&
                            std::find(names.begin(), names.end(), name) == names.end()) {
                            names.push_back(name);
                        }
                    }
                }
            }
        } else {
            const Value* et = jsonMember(d, "entityType");
            if (et && et->IsObject())
                kindText = jsonScalar(*et, "type").value_or("");
            else if (et && et->IsString())
                kindText = jsonText(*et);
            ref.type = entityType(kindText);
            if (auto n = jsonScalar(d, "name")) names.push_back(*n);
            if (const Value* alt = jsonMember(d, "alternateNames"); alt && alt->IsArray()) {
                for (const auto& a : alt->GetArray()) {
                    if (a.IsString() && a.GetStringLength() > 0) names.push_back(jsonText(a));
                }
            }
        }
        if (!names.empty()) ref.name = names.front();
        for (std::size_t i = 0; i < names.size(); ++i) {
            EntityRef subject = ref;
            subject.name = names[i];
            if (i == 0)
                property(subject, "name", "name", names[i]);
            else
                property(subject, "alias:" + keySegment(names[i]), "alias", names[i]);
        }
        if (const Value* ids = jsonMember(d, "identifiers"); ids && ids->IsArray()) {
            for (const auto& id : ids->GetArray()) {
                auto value = jsonScalar(id, "id");
                if (!value) continue;
                std::string scheme = jsonScalar(id, "scheme").value_or("");
                if (scheme.empty())
                    scheme = graph::slugify(jsonScalar(id, "schemeName").value_or(""));
                if (scheme.empty()) scheme = "id";
                for (auto& c : scheme)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                EntityRef subject = ref;
                subject.identifiers.emplace_back(scheme, *value);
                property(subject, "identifier:" + keySegment(scheme + ":" + *value),
                         "identification", scheme + " " + *value);
            }
        }
        if (person) {
            dateProperty(ref, d, "birthDate", "birth_date");
            dateProperty(ref, d, "deathDate", "death_date");
            if (const Value* list = jsonMember(d, "nationalities"); list && list->IsArray()) {
                for (const auto& n : list->GetArray()) {
                    if (auto code = jsonScalar(n, "code")) {
                        countryProperty(ref, "nationality:" + keySegment(*code), "nationality",
                                        *code);
                    }
                }
            }
        } else {
            dateProperty(ref, d, "foundingDate", "incorporation_date");
            dateProperty(ref, d, "dissolutionDate", "dissolution_date");
            for (const char* j : {"incorporatedInJurisdiction", "jurisdiction"}) {
                const Value* jur = jsonMember(d, j);
                if (!jur || !jur->IsObject()) continue;
                if (auto code = jsonScalar(*jur, "code")) {
                    countryProperty(ref, "jurisdiction:" + keySegment(*code), "jurisdiction",
                                    *code);
                } else if (auto name = jsonScalar(*jur, "name")) {
                    if (auto cc = countryFromName(*name))
                        property(ref, "jurisdiction:" + *cc, "jurisdiction", *cc);
                }
            }
        }
        if (const Value* list = jsonMember(d, "addresses"); list && list->IsArray()) {
            for (const auto& a : list->GetArray()) {
                std::string text = addressText(a);
                if (!text.empty()) property(ref, "address:" + keySegment(text), "address", text);
            }
        }
        const char* unspecified = person ? "unspecifiedPersonDetails" : "unspecifiedEntityDetails";
        if (const Value* u = jsonMember(d, unspecified); u && u->IsObject()) {
            std::string text = jsonScalar(*u, "reason").value_or("");
            if (auto desc = jsonScalar(*u, "description"))
                text += (text.empty() ? "" : ": ") + *desc;
            property(ref, "unspecified", "note",
                     (person ? "person not identified: " : "entity not identified: ") + text);
        }
        if (!out_.produced()) {
            // A statement that says nothing but the kind still declares the entity.
            property(ref, "kind", "note",
                     "BODS " +
                         (kindText.empty() ? std::string(person ? "person" : "entity") : kindText) +
                         " with no name");
        }
    }

    // The end of a relationship: a statement or record id, or an unspecified party.
    struct Party {
        std::string key;
        std::string reason;
        std::string description;
        bool unspecified = false;
    };

    Party partyOf(const Value& d, const char* role) const {
        Party p;
        const Value* v = jsonMember(d, role);
        if (!v) throw RecordRejected{"statement '" + st_.id + "' has no '" + role + "'"};
        const Value* unspecified = nullptr;
        if (v->IsString() && v->GetStringLength() > 0) {
            p.key = index_.entityKey(jsonText(*v), st_.v4);
            return p;
        }
        if (v->IsObject()) {
            for (const char* k : {"describedByEntityStatement", "describedByPersonStatement"}) {
                if (auto id = jsonScalar(*v, k)) {
                    p.key = index_.entityKey(*id, false);
                    return p;
                }
            }
            unspecified = st_.v4 ? v : jsonMember(*v, "unspecified");
        }
        if (!unspecified || !unspecified->IsObject()) {
            throw RecordRejected{"statement '" + st_.id + "': '" + role +
                                 "' names no statement, record or "
                                 "unspecified party"};
        }
        p.unspecified = true;
        p.reason = jsonScalar(*unspecified, "reason").value_or("unknown");
        p.description = jsonScalar(*unspecified, "description").value_or("");
        return p;
    }

    std::optional<graph::ShareInterval> share(const Value& interest, Attributes& attrs) const {
        const Value* s = jsonMember(interest, "share");
        if (!s || !s->IsObject()) return std::nullopt;
        auto number = [&](const char* name) -> std::optional<double> {
            const Value* v = jsonMember(*s, name);
            if (!v || v->IsNull()) return std::nullopt;
            if (!v->IsNumber())
                throw RecordRejected{std::string("share '") + name + "' must be a number, not " +
                                     jsonKind(*v)};
            double d = v->GetDouble();
            if (!std::isfinite(d) || d < 0 || d > 100) {
                throw RecordRejected{cat("share '", name, "' must be between 0 and 100, not ", d)};
            }
            return d;
        };
        auto exact = number("exact");
        auto min = number("minimum");
        auto max = number("maximum");
        auto exMin = number("exclusiveMinimum");
        auto exMax = number("exclusiveMaximum");
        graph::ShareInterval out;
        if (exact) {
            // BODS repeats the exact figure as minimum and maximum; any other bound contradicts it.
            if ((min && *min != *exact) || (max && *max != *exact)) {
                throw RecordRejected{
                    cat("share exact ", *exact, " contradicts its minimum or maximum")};
            }
            out.min = out.max = *exact;
            setShare(attrs, out);
            return out;
        }
        if (!min && !max && !exMin && !exMax) return std::nullopt;
        if (min) out.min = *min;
        if (exMin) {
            out.min = *exMin;
            out.minExclusive = true;
        }
        if (max) out.max = *max;
        if (exMax) {
            out.max = *exMax;
            out.maxExclusive = true;
        }
        if (out.min > out.max || (out.min == out.max && (out.minExclusive || out.maxExclusive))) {
            throw RecordRejected{cat("share minimum ", out.min, " is not below maximum ", out.max)};
        }
        setShare(attrs, out);
        return out;
    }

    std::string components(const Value& d) const {
        const Value* list = jsonMember(d, st_.v4 ? "componentRecords" : "componentStatementIDs");
        if (!list || !list->IsArray()) return {};
        std::string out;
        for (const auto& c : list->GetArray()) {
            if (!c.IsString()) continue;
            std::string id = jsonText(c);
            std::string key;
            if (!index_.relationships.count(id)) {
                key = index_.entityKey(id, st_.v4);
            } else if (auto last = index_.lastOfRecord.find(id);
                       st_.v4 && last != index_.lastOfRecord.end()) {
                key = "bods:" + last->second;
            } else {
                key = "bods:" + id;
            }
            out += (out.empty() ? "" : ",") + key;
        }
        return out;
    }

    void relationship(const Value& d) {
        Party subject = partyOf(d, "subject");
        Party party = partyOf(d, "interestedParty");
        if (subject.unspecified) {
            throw RecordRejected{"statement '" + st_.id +
                                 "': the subject of a relationship must be an entity, "
                                 "not unspecified"};
        }
        EntityRef object;
        object.key = subject.key;
        if (party.unspecified && nobodyBehind(party.reason)) {
            std::string text =
                party.reason + (party.description.empty() ? "" : ": " + party.description);
            property(object, "control_statement", "control_statement", text);
            return;
        }
        EntityRef owner;
        if (party.unspecified) {
            // Somebody holds the interest but is not named: one stand-in of unknown kind per
            // statement, never merged with another, never a person.
            owner.key = "bods:" + st_.id + ":unspecified";
            owner.name = "unspecified interested party (" + party.reason + ")";
            std::string text = "interested party not identified: " + party.reason;
            if (!party.description.empty()) text += ": " + party.description;
            property(owner, "unspecified", "note", text);
        } else {
            owner.key = party.key;
        }
        // Each statement is its own relation, so that a superseded one, ended where its
        // successor starts, drops out of an as-of view.
        std::string relationKey = "bods:" + st_.id;
        std::string parts = components(d);
        std::string details = jsonScalar(d, "details").value_or("");

        std::vector<const Value*> interests;
        static const Value kNone(rapidjson::kObjectType);
        if (const Value* list = jsonMember(d, "interests"); list && list->IsArray()) {
            for (const auto& i : list->GetArray()) interests.push_back(&i);
        }
        if (interests.empty()) interests.push_back(&kNone);
        for (std::size_t i = 0; i < interests.size(); ++i) {
            const Value& interest = *interests[i];
            std::string key =
                "bods:" + st_.id + (interests.size() > 1 ? ":" + std::to_string(i) : "");
            try {
                if (!interest.IsObject())
                    throw RecordRejected{"interest must be an object, not " + jsonKind(interest)};
                Claim c = out_.base(key);
                c.kind = Claim::Kind::Relation;
                c.subject = owner;
                c.object = object;
                c.relationKey = relationKey;
                std::string type = jsonScalar(interest, "type").value_or("");
                c.relation = ownershipInterest(type) ? "owns" : "controls";
                Attributes attrs;
                attrs.set("interest", type.empty() ? std::string("unknown") : type);
                c.share = share(interest, attrs);
                std::string direct = jsonScalar(interest, "directOrIndirect").value_or("");
                if (direct == "direct")
                    attrs.set("direct", true);
                else if (direct == "indirect")
                    attrs.set("direct", false);
                if (const Value* bo = jsonMember(interest, "beneficialOwnershipOrControl");
                    bo && bo->IsBool()) {
                    attrs.set("beneficial", bo->GetBool());
                }
                if (!parts.empty()) attrs.set("components", parts);
                if (!replaces_.empty()) {
                    std::string r;
                    for (const auto& x : replaces_) r += (r.empty() ? "" : ",") + x;
                    attrs.set("replaces", r);
                }
                c.validFrom = date(interest, "startDate");
                c.validTo = date(interest, "endDate");
                if (c.validFrom && c.validTo && c.validFrom->firstDay() > c.validTo->lastDay()) {
                    throw RecordRejected{"startDate " + c.validFrom->text() + " is after endDate " +
                                         c.validTo->text()};
                }
                if (auto text = jsonScalar(interest, "details")) attrs.addNote(*text);
                attrs.addNote(details);
                bound(c, &attrs);
                c.attributesJson = attrs.json();
                out_.emit(std::move(c));
            } catch (const RecordRejected& r) {
                out_.reject("statement '" + st_.id + "' interest " + std::to_string(i + 1) + ": " +
                            r.reason);
            }
        }
    }

    const FileIndex& index_;
    RecordEmitter out_;
    Statement st_;
    const Successor* successor_ = nullptr;
    bool closed_ = false;
    std::vector<std::string> replaces_;
};

}  // namespace

BodsReader::BodsReader(const graph::Schema& /*schema*/, std::size_t maxRecord)
    : maxRecord_(maxRecord) {}

void BodsReader::read(std::istream& input, const std::string& file, RecordSink& sink) {
    // The second pass needs the stream again: seek back, or keep a copy when it cannot seek.
    std::istringstream copy;
    std::istream* in = &input;
    auto start = input.tellg();
    if (start == std::istream::pos_type(-1)) {
        std::ostringstream all;
        all << input.rdbuf();
        copy.str(all.str());
        in = &copy;
        start = 0;
    }

    FileIndex index;
    {
        JsonRecords records(*in, maxRecord_);
        JsonRecord record;
        while (records.next(record)) {
            if (!record.error.empty()) continue;
            rapidjson::Document doc;
            doc.Parse(record.text.data(), record.text.size());
            if (!doc.HasParseError()) index.learn(doc);
        }
    }
    if (in->bad()) throw InputError(file + ": read error");
    in->clear();
    in->seekg(start);
    if (!*in) throw InputError(file + ": cannot read the file a second time");

    std::string stem = fileStem(file);
    graph::Source source = index.source;
    source.key = "bods:" + stem;
    source.title = "Beneficial ownership statements from " + stem;
    source.kind = "registry";
    const std::string sourceKey = source.key;
    sink.source(std::move(source), file, 1);

    forEachJsonRecord(*in, file, maxRecord_, sink,
                      [&](rapidjson::Document& doc, const JsonRecord& record, RecordSink& out) {
                          StatementReader reader(index, sourceKey, file, record, out);
                          reader.read(doc);
                      });
}

}  // namespace cg::ingest
