// SPDX-License-Identifier: MIT
#include "ingest/ftm_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include "ftm/vocabulary.hpp"
#include "graph/error.hpp"
#include "ingest/attributes.hpp"
#include "ingest/country_code.hpp"
#include "ingest/file_stem.hpp"
#include "ingest/json_record_loop.hpp"
#include "ingest/json_records.hpp"
#include "ingest/json_string.hpp"
#include "ingest/json_value.hpp"
#include "ingest/key_segment.hpp"
#include "ingest/percent.hpp"
#include "ingest/record_emitter.hpp"
#include "ingest/trimmed.hpp"

namespace cg::ingest {

using graph::Claim;
using graph::EntityRef;
using graph::PartialDate;
using rapidjson::Value;

namespace {

using ftm::EdgeSchema;
using ftm::kEdgeSchemata;
using ftm::kEntitySchemata;
using ftm::kIdentifierSchemes;

std::vector<std::string> values(const Value& props, std::string_view name) {
    std::vector<std::string> out;
    auto it = props.FindMember(rapidjson::StringRef(name.data(), name.size()));
    if (it == props.MemberEnd()) return out;
    auto add = [&](const Value& v) {
        std::string text;
        if (v.IsString())
            text = std::string(trimmed(jsonText(v)));
        else if (v.IsNumber())
            text = v.IsInt64() ? std::to_string(v.GetInt64()) : std::to_string(v.GetDouble());
        if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end())
            out.push_back(text);
    };
    if (it->value.IsArray()) {
        for (const auto& v : it->value.GetArray()) add(v);
    } else {
        add(it->value);
    }
    return out;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::optional<PartialDate> date(const std::string& text, const std::string& property) {
    std::string error;
    auto d = PartialDate::parse(text, &error);
    if (!d) throw RecordRejected{property + " '" + text + "': " + error};
    return d;
}

std::string schemaList() {
    std::string out;
    for (const auto& e : kEntitySchemata) out += (out.empty() ? "" : ", ") + std::string(e.ftm);
    for (const auto& e : kEdgeSchemata) out += ", " + std::string(e.ftm);
    return out + ", Sanction, Identification, Passport";
}

// The record reduced to one property value: the raw text kept with that value's claim.
std::string excerpt(const std::string& id, const std::string& schema, std::string_view property,
                    std::string_view value) {
    return "{\"id\":" + jsonString(id) + ",\"schema\":" + jsonString(schema) + ",\"properties\":{" +
           jsonString(property) + ":[" + jsonString(value) + "]}}";
}

class RecordReader {
  public:
    RecordReader(const graph::Schema& schema, const std::string& sourceKey, const std::string& file,
                 const JsonRecord& record, RecordSink& sink)
        : schema_(schema), record_(record), out_(sink, sourceKey, file, record.line, record.text) {}

    void read(const Value& doc) {
        if (!doc.IsObject())
            throw RecordRejected{"an FtM entity must be a JSON object, not " + jsonKind(doc)};
        const Value* id = jsonMember(doc, "id");
        if (!id || !id->IsString() || id->GetStringLength() == 0) {
            throw RecordRejected{"FtM entity has no 'id' string"};
        }
        id_ = jsonText(*id);
        const Value* schema = jsonMember(doc, "schema");
        if (!schema || !schema->IsString())
            throw RecordRejected{"FtM entity '" + id_ + "' has no 'schema' string"};
        schemaName_ = jsonText(*schema);
        static const Value kEmpty(rapidjson::kObjectType);
        const Value* props = jsonMember(doc, "properties");
        if (props && !props->IsObject()) {
            throw RecordRejected{"'properties' must be an object of lists, not " +
                                 jsonKind(*props)};
        }
        if (!props) props = &kEmpty;
        if (const Value* caption = jsonMember(doc, "caption"); caption && caption->IsString()) {
            caption_ = std::string(trimmed(jsonText(*caption)));
        }
        if (const auto* t = ftm::entitySchema(schemaName_)) {
            entity(*props, std::string(t->type));
            return;
        }
        if (const auto* edge = ftm::edgeSchema(schemaName_)) {
            relation(*props, *edge);
            return;
        }
        if (schemaName_ == "Sanction") {
            sanction(*props);
            return;
        }
        if (schemaName_ == "Identification" || schemaName_ == "Passport") {
            identification(*props);
            return;
        }
        throw RecordRejected{"FtM schema '" + schemaName_ +
                             "' is not mapped to the graph (mapped: " + schemaList() + ")"};
    }

  private:
    // Checks and normalises a property value against the schema; returns false with a reason.
    bool checkValue(const std::string& property, std::string& value, std::string& reason) const {
        const graph::PropertyDef* def = schema_.property(property);
        if (!def) {
            reason = "property '" + property + "' is not in the schema";
            return false;
        }
        if (def->type == graph::ValueType::Date) {
            auto d = PartialDate::parse(value, &reason);
            if (!d) return false;
            value = d->text();
        } else if (def->type == graph::ValueType::Country) {
            auto code = countryCode(value);
            if (!code) {
                reason = "'" + value + "' is not an ISO 3166 alpha-2 country code";
                return false;
            }
            value = *code;
        }
        return true;
    }

    void entity(const Value& props, const std::string& type) {
        EntityRef ref;
        ref.key = "ftm:" + id_;
        ref.type = type;
        std::vector<std::string> names = values(props, "name");
        if (schemaName_ == "Address") {
            names = values(props, "full");
            if (names.empty()) {
                std::vector<std::string> parts;
                for (const char* p : {"street", "street2", "postalCode", "city", "region"}) {
                    auto v = values(props, p);
                    if (!v.empty()) parts.push_back(v.front());
                }
                std::string composed = joined(parts, ", ");
                if (!composed.empty()) names.push_back(composed);
            }
        }
        // The caption is the name the publisher chose to show; make it the display name.
        if (!caption_.empty()) {
            auto it = std::find(names.begin(), names.end(), caption_);
            if (it != names.end()) std::rotate(names.begin(), it, it + 1);
        }
        ref.name = names.empty() ? std::string() : names.front();

        std::string country;
        for (const char* p : {"jurisdiction", "country"}) {
            auto v = values(props, p);
            if (v.size() == 1) {
                if (auto code = countryCode(v.front())) {
                    country = *code;
                    for (auto& ch : country) ch = static_cast<char>(ch + 32);
                    break;
                }
            }
        }

        bool first = true;
        auto property = [&](const std::string& ftmProp, const std::string& prop, std::string value,
                            EntityRef subject, const std::string& original) {
            std::string reason;
            if (!checkValue(prop, value, reason)) {
                out_.reject(ftmProp + " of FtM " + schemaName_ + " '" + id_ + "': " + reason);
                return;
            }
            if (prop == "note" && ftmProp != "notes" && ftmProp != "summary" &&
                ftmProp != "description") {
                value = ftmProp + ": " + value;
            }
            Claim c = out_.base("ftm:" + id_ + ":" + ftmProp + ":" + keySegment(original));
            c.kind = Claim::Kind::Property;
            c.subject = std::move(subject);
            c.property = prop;
            c.value = std::move(value);
            // The whole record is kept once, with the entity's first claim; the others keep
            // the record reduced to their own value.
            c.raw = first ? record_.text : excerpt(id_, schemaName_, ftmProp, original);
            first = false;
            out_.emit(std::move(c));
        };

        const char* nameProp = schemaName_ == "Address" ? "full" : "name";
        for (const auto& n : names) {
            EntityRef subject = ref;
            subject.name = n;
            property(nameProp, "name", n, subject, n);
        }
        for (const auto& id : kIdentifierSchemes) {
            for (const auto& v : values(props, id.ftm)) {
                std::string scheme = id.national && !country.empty()
                                         ? country + "-" + std::string(id.scheme)
                                         : std::string(id.scheme);
                EntityRef subject = ref;
                subject.identifiers.emplace_back(scheme, v);
                property(std::string(id.ftm), "identification", scheme + " " + v, subject, v);
            }
        }
        for (const auto& m : props.GetObject()) {
            std::string ftmProp = jsonText(m.name);
            const auto* mapped = ftm::propertyFromFtm(ftmProp);
            if (!mapped) continue;
            for (const auto& v : values(props, ftmProp))
                property(ftmProp, std::string(mapped->property), v, ref, v);
        }
        for (const auto& address : values(props, "addressEntity")) {
            relationClaim(
                "ftm:" + id_ + ":addressEntity:" + keySegment(address), "located_in", ref,
                "ftm:" + address, "", Attributes{}, {}, {},
                first ? record_.text : excerpt(id_, schemaName_, "addressEntity", address));
            first = false;
        }
        if (schemaName_ == "Vehicle" || schemaName_ == "Vessel" || schemaName_ == "Airplane") {
            for (const auto& owner : values(props, "owner")) {
                EntityRef o;
                o.key = "ftm:" + owner;
                Claim c = out_.base("ftm:" + id_ + ":owner:" + keySegment(owner));
                c.kind = Claim::Kind::Relation;
                c.relation = "owns";
                c.subject = std::move(o);
                c.object = ref;
                c.raw = first ? record_.text : excerpt(id_, schemaName_, "owner", owner);
                first = false;
                out_.emit(std::move(c));
            }
        }
        if (!out_.produced()) {
            std::string present;
            for (const auto& m : props.GetObject())
                present += (present.empty() ? "" : ", ") + jsonText(m.name);
            throw RecordRejected{"FtM " + schemaName_ + " '" + id_ +
                                 "' has no name and no property that maps to a claim (it has: " +
                                 (present.empty() ? std::string("nothing") : present) + ")"};
        }
    }

    void relationClaim(const std::string& key, const std::string& relation,
                       const EntityRef& subject, const std::string& objectKey,
                       const std::string& relationKey, const Attributes& attrs,
                       std::optional<PartialDate> from, std::optional<PartialDate> to,
                       std::string raw, std::optional<graph::ShareInterval> share = std::nullopt) {
        Claim c = out_.base(key);
        c.kind = Claim::Kind::Relation;
        c.relation = relation;
        c.subject = subject;
        c.object.key = objectKey;
        c.relationKey = relationKey;
        c.attributesJson = attrs.json();
        c.share = share;
        c.validFrom = from;
        c.validTo = to;
        c.raw = std::move(raw);
        out_.emit(std::move(c));
    }

    // The earliest start and the latest end the record gives; a lone `date` is both.
    void dates(const Value& props, std::optional<PartialDate>& from,
               std::optional<PartialDate>& to) {
        for (const auto& v : values(props, "startDate")) {
            auto d = date(v, "startDate");
            if (!from || d->firstDay() < from->firstDay()) from = d;
        }
        for (const auto& v : values(props, "endDate")) {
            auto d = date(v, "endDate");
            if (!to || d->lastDay() > to->lastDay()) to = d;
        }
        if (!from && !to) {
            for (const auto& v : values(props, "date")) {
                auto d = date(v, "date");
                if (!from || d->firstDay() < from->firstDay()) from = d;
                if (!to || d->lastDay() > to->lastDay()) to = d;
            }
        }
        if (from && to && from->firstDay() > to->lastDay()) {
            throw RecordRejected{"startDate " + from->text() + " is after endDate " + to->text()};
        }
    }

    void relation(const Value& props, const EdgeSchema& edge) {
        auto subjects = values(props, edge.subject);
        auto objects = values(props, edge.object);
        if (subjects.empty())
            throw RecordRejected{"FtM " + schemaName_ + " '" + id_ + "' has no '" +
                                 std::string(edge.subject) + "'"};
        if (objects.empty())
            throw RecordRejected{"FtM " + schemaName_ + " '" + id_ + "' has no '" +
                                 std::string(edge.object) + "'"};
        Attributes attrs;
        std::optional<graph::ShareInterval> share;
        std::vector<std::string> roles = values(props, "role");
        for (const auto& r : values(props, "relationship")) roles.push_back(r);
        if (!roles.empty()) {
            std::string role = joined(roles, "; ");
            if (std::string_view(edge.roleAttribute) == "note")
                attrs.addNote("role: " + role);
            else
                attrs.set(std::string(edge.roleAttribute), role);
        }
        if (schemaName_ == "Ownership") {
            for (const auto& p : values(props, "percentage")) {
                auto s = parsePercent(p);
                if (!s) {
                    attrs.addNote("percentage: " + p);
                    continue;
                }
                // Several figures for one record: the share is one of them, so the interval
                // spanning them all is what the record supports.
                if (share) {
                    share->min = std::min(share->min, s->min);
                    share->max = std::max(share->max, s->max);
                } else {
                    share = s;
                }
            }
            if (share) setShare(attrs, *share);
            for (const auto& v : values(props, "sharesCount")) {
                char* end = nullptr;
                double d = std::strtod(v.c_str(), &end);
                if (end == v.c_str() + v.size() && std::isfinite(d)) {
                    attrs.set("shares_count", d);
                    break;
                }
                attrs.addNote("sharesCount: " + v);
            }
            auto kinds = values(props, "ownershipType");
            if (!kinds.empty()) attrs.set("interest", joined(kinds, "; "));
        }
        if (schemaName_ == "Payment") {
            bool haveAmount = false;
            auto amountFrom = [&](const char* prop, const std::string& currency) {
                if (haveAmount) return;
                for (const auto& v : values(props, prop)) {
                    char* end = nullptr;
                    double d = std::strtod(v.c_str(), &end);
                    if (end != v.c_str() + v.size() || !std::isfinite(d)) {
                        attrs.addNote(std::string(prop) + ": " + v);
                        continue;
                    }
                    attrs.set("amount", d);
                    std::string cur = currency;
                    if (cur.empty()) {
                        auto c = values(props, "currency");
                        if (!c.empty()) cur = c.front();
                    }
                    if (!cur.empty()) attrs.set("currency", cur);
                    haveAmount = true;
                    return;
                }
            };
            amountFrom("amount", "");
            amountFrom("amountEur", "EUR");
            amountFrom("amountUsd", "USD");
            auto purpose = values(props, "purpose");
            if (!purpose.empty()) attrs.set("purpose", joined(purpose, "; "));
            auto mentioned = values(props, "namesMentioned");
            if (!mentioned.empty()) attrs.addNote("names mentioned: " + joined(mentioned, "; "));
            auto programme = values(props, "programme");
            if (!programme.empty()) attrs.addNote("programme: " + joined(programme, "; "));
        }
        if (schemaName_ == "Occupancy") {
            auto status = values(props, "status");
            if (!status.empty()) attrs.addNote("status: " + joined(status, "; "));
        }
        for (const char* p : {"summary", "description"}) {
            auto v = values(props, p);
            if (!v.empty()) attrs.addNote(joined(v, "; "));
        }
        std::optional<PartialDate> from, to;
        dates(props, from, to);
        bool several = subjects.size() * objects.size() > 1;
        for (const auto& s : subjects) {
            for (const auto& o : objects) {
                std::string key = "ftm:" + id_;
                if (several) key += ":" + keySegment(s) + ":" + keySegment(o);
                EntityRef subject;
                subject.key = "ftm:" + s;
                relationClaim(key, std::string(edge.relation), subject, "ftm:" + o, key, attrs,
                              from, to, record_.text, share);
            }
        }
    }

    void sanction(const Value& props) {
        auto entities = values(props, "entity");
        if (entities.empty()) throw RecordRejected{"FtM Sanction '" + id_ + "' has no 'entity'"};
        std::vector<std::string> parts;
        auto authority = values(props, "authority");
        if (!authority.empty()) parts.push_back(joined(authority, "; "));
        auto program = values(props, "program");
        auto programId = values(props, "programId");
        if (!program.empty()) parts.push_back(joined(program, "; "));
        if (!programId.empty()) parts.push_back(joined(programId, "; "));
        std::string value = joined(parts, " - ");
        if (value.empty()) value = "sanctioned";
        std::optional<PartialDate> from, to;
        dates(props, from, to);
        if (!from) {
            for (const auto& v : values(props, "listingDate")) {
                auto d = date(v, "listingDate");
                if (!from || d->firstDay() < from->firstDay()) from = d;
            }
        }
        for (const auto& e : entities) {
            Claim c =
                out_.base(entities.size() > 1 ? "ftm:" + id_ + ":" + keySegment(e) : "ftm:" + id_);
            c.kind = Claim::Kind::Property;
            c.subject.key = "ftm:" + e;
            c.property = "sanction";
            c.value = value;
            c.validFrom = from;
            c.validTo = to;
            c.raw = record_.text;
            out_.emit(std::move(c));
        }
    }

    void identification(const Value& props) {
        auto holders = values(props, "holder");
        if (holders.empty())
            throw RecordRejected{"FtM " + schemaName_ + " '" + id_ + "' has no 'holder'"};
        auto numbers = values(props, "number");
        auto kind = values(props, "type");
        auto country = values(props, "country");
        std::string label = kind.empty()
                                ? (schemaName_ == "Passport" ? "passport" : "identification")
                                : kind.front();
        std::vector<std::string> parts{label};
        if (!numbers.empty()) parts.push_back(numbers.front());
        if (!country.empty()) parts.push_back("(" + country.front() + ")");
        auto authority = values(props, "authority");
        if (!authority.empty()) parts.push_back("issued by " + authority.front());
        std::optional<PartialDate> from, to;
        dates(props, from, to);
        for (const auto& h : holders) {
            Claim c =
                out_.base(holders.size() > 1 ? "ftm:" + id_ + ":" + keySegment(h) : "ftm:" + id_);
            c.kind = Claim::Kind::Property;
            c.subject.key = "ftm:" + h;
            if (!numbers.empty()) {
                std::string scheme = schemaName_ == "Passport" ? "passport" : "id-number";
                if (country.size() == 1) {
                    if (auto code = countryCode(country.front())) {
                        std::string cc = *code;
                        for (auto& ch : cc) ch = static_cast<char>(ch + 32);
                        scheme = cc + "-" + scheme;
                    }
                }
                c.subject.identifiers.emplace_back(scheme, numbers.front());
            }
            c.property = "identification";
            c.value = joined(parts, " ");
            c.validFrom = from;
            c.validTo = to;
            c.raw = record_.text;
            out_.emit(std::move(c));
        }
    }

    const graph::Schema& schema_;
    const JsonRecord& record_;
    RecordEmitter out_;  // out_.produced(): a claim or a rejection came out of the record
    std::string id_;
    std::string schemaName_;
    std::string caption_;
};

}  // namespace

FtmReader::FtmReader(const graph::Schema& schema, std::size_t maxRecord)
    : schema_(schema), maxRecord_(maxRecord) {}

void FtmReader::read(std::istream& in, const std::string& file, RecordSink& sink) {
    graph::Source source;
    std::string stem = fileStem(file);
    source.key = "ftm:" + stem;
    source.title = "FollowTheMoney entities from " + stem;
    source.kind = "list";
    sink.source(std::move(source), file, 1);
    const std::string sourceKey = "ftm:" + stem;

    forEachJsonRecord(in, file, maxRecord_, sink,
                      [&](rapidjson::Document& doc, const JsonRecord& record, RecordSink& out) {
                          RecordReader reader(schema_, sourceKey, file, record, out);
                          reader.read(doc);
                      });
}

}  // namespace cg::ingest
