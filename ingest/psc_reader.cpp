// SPDX-License-Identifier: MIT
#include "ingest/psc_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <regex>
#include <vector>

#include "graph/error.hpp"
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

enum class PscKind {
    Individual,
    Corporate,
    LegalPerson,
    SuperSecure,
    Statement,
    Exemptions,
    Totals
};

std::optional<PscKind> pscKind(const std::string& kind) {
    auto starts = [&](const char* prefix) { return kind.rfind(prefix, 0) == 0; };
    if (kind == "totals#persons-of-significant-control-snapshot") return PscKind::Totals;
    if (kind == "persons-with-significant-control-statement") return PscKind::Statement;
    if (kind == "exemptions") return PscKind::Exemptions;
    if (starts("individual-")) return PscKind::Individual;
    if (starts("corporate-entity-")) return PscKind::Corporate;
    if (starts("legal-person-")) return PscKind::LegalPerson;
    if (starts("super-secure-")) return PscKind::SuperSecure;
    return std::nullopt;
}

// What one nature of control says: the relation, the interest, and the band.
struct Nature {
    std::string relation;
    std::string interest;
    std::optional<graph::ShareInterval> share;
};

// Companies House bands: "25-to-50" is more than 25% up to 50%, "50-to-75" more than 50% and
// less than 75%, "75-to-100" 75% or more; "more-than-25" on overseas entities is above 25%.
std::optional<Nature> nature(const std::string& code) {
    // Companies House codes are short; std::regex matches recursively and a code of a few
    // hundred kilobytes would exhaust the stack. Percentages have at most three digits, so
    // std::stod never sees a number out of range (docs/reliability.md, findings).
    constexpr std::size_t kMaxCode = 256;
    if (code.size() > kMaxCode) return std::nullopt;
    static const std::regex band("^(.*?)-(\\d{1,3})-to-(\\d{1,3})-percent(.*)$");
    static const std::regex moreThan("^(.*?)-more-than-(\\d{1,3})-percent(.*)$");
    Nature n;
    std::smatch m;
    std::string base = code;
    std::string rest;
    if (std::regex_match(code, m, band)) {
        double lo = std::stod(m[2]);
        double hi = std::stod(m[3]);
        if (lo > hi || hi > 100) return std::nullopt;
        graph::ShareInterval s{lo, hi};
        s.minExclusive = lo < 75;
        s.maxExclusive = lo == 50 && hi == 75;
        n.share = s;
        base = m[1];
        rest = m[4];
    } else if (std::regex_match(code, m, moreThan)) {
        graph::ShareInterval s{std::stod(m[2]), 100};
        s.minExclusive = true;
        n.share = s;
        base = m[1];
        rest = m[3];
    }
    bool shares = base == "ownership-of-shares" || base == "right-to-share-surplus-assets" ||
                  base == "part-right-to-share-surplus-assets";
    bool control = base.rfind("voting-rights", 0) == 0 ||
                   base.rfind("right-to-appoint-and-remove", 0) == 0 ||
                   base.rfind("significant-influence-or-control", 0) == 0;
    if (!shares && !control) return std::nullopt;
    n.relation = shares ? "owns" : "controls";
    n.interest = base + rest;
    if (!rest.empty() && rest.front() == '-') n.interest = base + " (" + rest.substr(1) + ")";
    return n;
}

// Nationalities registries write as adjectives; the UK's own are the ones the register
// holds most. Anything else that is not a country name is kept as a note.
std::optional<std::string> nationalityCode(const std::string& text) {
    static const char* const kUk[] = {"British",
                                      "English",
                                      "Welsh",
                                      "Scottish",
                                      "Northern Irish",
                                      "UK",
                                      "Citizen of the United Kingdom"};
    for (const char* k : kUk) {
        if (text == k) return std::string("GB");
    }
    return countryFromName(text);
}

std::string companyNumber(std::string number) {
    number = std::string(trimmed(number));
    for (auto& c : number) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    bool digits = !number.empty() && std::all_of(number.begin(), number.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; });
    if (digits && number.size() < 8) number.insert(0, 8 - number.size(), '0');
    return number;
}

bool ukRegister(const Value& identification) {
    std::string place = jsonScalar(identification, "place_registered").value_or("");
    std::string country = jsonScalar(identification, "country_registered").value_or("");
    std::string lowerPlace = place;
    for (auto& c : lowerPlace) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lowerPlace.find("companies house") != std::string::npos) return true;
    if (lowerPlace.find("registrar of companies") != std::string::npos &&
        countryFromName(country).value_or("") == "GB") {
        return true;
    }
    return false;
}

class RecordReader {
  public:
    RecordReader(const std::string& sourceKey, const std::string& file, const JsonRecord& record,
                 RecordSink& sink)
        : out_(sink, sourceKey, file, record.line, record.text) {}

    // Returns the snapshot date when the record is the totals line.
    std::optional<std::string> read(const Value& doc) {
        if (!doc.IsObject())
            throw RecordRejected{"a PSC record must be a JSON object, not " + jsonKind(doc)};
        const Value* data = jsonMember(doc, "data");
        if (!data || !data->IsObject()) throw RecordRejected{"PSC record has no 'data' object"};
        std::string kindText = jsonScalar(*data, "kind").value_or("");
        if (kindText.empty()) throw RecordRejected{"PSC record has no 'kind'"};
        auto kind = pscKind(kindText);
        if (!kind) {
            throw RecordRejected{
                "unknown PSC kind '" + kindText +
                "' (expected individual-, corporate-entity-, "
                "legal-person- or super-secure- persons, a statement, exemptions or totals)"};
        }
        if (*kind == PscKind::Totals) {
            auto at = jsonScalar(*data, "generated_at");
            if (at) {
                if (auto d = PartialDate::parse(*at)) return d->text();
            }
            return std::string();
        }
        auto number = jsonScalar(doc, "company_number");
        if (!number) throw RecordRejected{"PSC record has no 'company_number'"};
        company_.key = "gb-coh:" + companyNumber(*number);
        company_.type = "Company";
        company_.identifiers.emplace_back("gb-coh", companyNumber(*number));
        from_ = date(*data, "notified_on");
        to_ = date(*data, "ceased_on");
        if (from_ && to_ && from_->firstDay() > to_->lastDay()) {
            throw RecordRejected{"notified_on " + from_->text() + " is after ceased_on " +
                                 to_->text()};
        }
        std::string self;
        if (const Value* links = jsonMember(*data, "links"))
            self = jsonScalar(*links, "self").value_or("");
        recordId_ = self.empty() ? std::string() : self.substr(self.rfind('/') + 1);

        if (*kind == PscKind::Statement) {
            statement(*data);
        } else if (*kind == PscKind::Exemptions) {
            exemptions(*data);
        } else {
            person(*data, *kind);
        }
        return std::nullopt;
    }

  private:
    std::optional<PartialDate> date(const Value& obj, const char* name) const {
        auto text = jsonScalar(obj, name);
        if (!text) return std::nullopt;
        std::string error;
        auto d = PartialDate::parse(*text, &error);
        if (!d) throw RecordRejected{std::string(name) + " '" + *text + "': " + error};
        return d;
    }

    void property(const EntityRef& subject, const std::string& key, const std::string& prop,
                  const std::string& value, bool dated = false) {
        if (value.empty()) return;
        Claim c = out_.base(key);
        c.kind = Claim::Kind::Property;
        c.subject = subject;
        c.property = prop;
        c.value = value;
        if (dated) {
            c.validFrom = from_;
            c.validTo = to_;
        }
        out_.emit(std::move(c));
    }

    void statement(const Value& data) {
        std::string text = jsonScalar(data, "statement").value_or("");
        if (text.empty()) throw RecordRejected{"PSC statement has no 'statement'"};
        if (auto linked = jsonScalar(data, "linked_psc_name")) text += " (linked: " + *linked + ")";
        std::string id =
            recordId_.empty() ? keySegment(text + (from_ ? from_->text() : "")) : recordId_;
        property(company_, company_.key + ":statement:" + id, "control_statement", text, true);
    }

    void exemptions(const Value& data) {
        const Value* list = jsonMember(data, "exemptions");
        if (!list || !list->IsObject() || list->MemberCount() == 0) {
            throw RecordRejected{"PSC exemptions record has no 'exemptions'"};
        }
        for (const auto& m : list->GetObject()) {
            std::string type = jsonScalar(m.value, "exemption_type").value_or(jsonText(m.name));
            const Value* items = jsonMember(m.value, "items");
            std::size_t n = 0;
            if (items && items->IsArray()) {
                for (const auto& item : items->GetArray()) {
                    Claim c = out_.base(company_.key + ":exemption:" + keySegment(type) + ":" +
                                        std::to_string(n++));
                    c.kind = Claim::Kind::Property;
                    c.subject = company_;
                    c.property = "control_statement";
                    c.value = "exemption: " + type;
                    c.validFrom = date(item, "exempt_from");
                    c.validTo = date(item, "exempt_to");
                    out_.emit(std::move(c));
                }
            }
            if (n == 0)
                property(company_, company_.key + ":exemption:" + keySegment(type),
                         "control_statement", "exemption: " + type);
        }
    }

    static std::string addressText(const Value& a) {
        std::vector<std::string> parts;
        for (const char* k : {"care_of", "po_box", "premises", "address_line_1", "address_line_2",
                              "locality", "region", "postal_code", "country"}) {
            if (auto v = jsonScalar(a, k)) parts.push_back(*v);
        }
        std::string out;
        for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
        return out;
    }

    void person(const Value& data, PscKind kind) {
        EntityRef who;
        std::string name = jsonScalar(data, "name").value_or("");
        who.name = name;
        const Value* identification = jsonMember(data, "identification");
        if (kind == PscKind::Individual || kind == PscKind::SuperSecure) {
            who.type = "Person";
        } else {
            who.type = kind == PscKind::Corporate ? "Company" : "Organization";
        }
        std::string pscKey =
            "gb-psc:" +
            (recordId_.empty() ? company_.key.substr(7) + ":" + keySegment(name) : recordId_);
        who.key = pscKey;
        std::string registration;
        if (identification && identification->IsObject()) {
            if (auto reg = jsonScalar(*identification, "registration_number")) {
                registration = *reg;
                if (kind == PscKind::Corporate && ukRegister(*identification)) {
                    // A UK company is keyed by its number, so the chain reaches its own PSCs.
                    who.key = "gb-coh:" + companyNumber(registration);
                    who.identifiers.emplace_back("gb-coh", companyNumber(registration));
                } else {
                    std::string cc =
                        countryFromName(
                            jsonScalar(*identification, "country_registered").value_or(""))
                            .value_or("");
                    for (auto& c : cc)
                        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    who.identifiers.emplace_back(
                        (cc.empty() ? "" : cc + "-") + "registration-number", registration);
                }
            }
        }
        // Claims about the person are keyed by the PSC record, not by the entity, since a
        // UK company is the same entity under many records.
        std::string prefix = pscKey;
        if (!name.empty()) property(who, prefix + ":name", "name", name);
        if (!who.identifiers.empty()) {
            EntityRef withId = who;
            property(withId, prefix + ":identification", "identification",
                     who.identifiers.front().first + " " + who.identifiers.front().second);
            who.identifiers.clear();
        }
        EntityRef ref = who;
        if (kind == PscKind::SuperSecure) {
            property(
                ref, prefix + ":note", "note",
                "super-secure person with significant control: details withheld by the register");
        }
        if (const Value* elements = jsonMember(data, "name_elements")) {
            if (auto title = jsonScalar(*elements, "title"))
                property(ref, prefix + ":title", "title", *title);
        }
        if (const Value* dob = jsonMember(data, "date_of_birth"); dob && dob->IsObject()) {
            const Value* y = jsonMember(*dob, "year");
            const Value* mo = jsonMember(*dob, "month");
            if (y && y->IsInt()) {
                char buf[16];
                if (mo && mo->IsInt())
                    std::snprintf(buf, sizeof buf, "%04d-%02d", y->GetInt(), mo->GetInt());
                else
                    std::snprintf(buf, sizeof buf, "%04d", y->GetInt());
                auto d = PartialDate::parse(buf);
                if (d) {
                    property(ref, prefix + ":date_of_birth", "birth_date", d->text());
                } else {
                    out_.reject("date_of_birth " + std::string(buf) + " is not a date");
                }
            }
        }
        if (auto nationality = jsonScalar(data, "nationality")) {
            if (auto code = nationalityCode(*nationality))
                property(ref, prefix + ":nationality", "nationality", *code);
            else
                property(ref, prefix + ":nationality", "note", "nationality: " + *nationality);
        }
        if (auto residence = jsonScalar(data, "country_of_residence")) {
            if (auto code = countryFromName(*residence))
                property(ref, prefix + ":country_of_residence", "country", *code);
            else
                property(ref, prefix + ":country_of_residence", "note",
                         "country of residence: " + *residence);
        }
        if (const Value* address = jsonMember(data, "address"); address && address->IsObject()) {
            property(ref, prefix + ":address", "address", addressText(*address));
        }
        if (identification && identification->IsObject()) {
            if (auto form = jsonScalar(*identification, "legal_form"))
                property(ref, prefix + ":legal_form", "legal_form", *form);
            if (auto authority = jsonScalar(*identification, "legal_authority")) {
                property(ref, prefix + ":legal_authority", "note",
                         "legal authority: " + *authority);
            }
        }

        std::vector<std::string> natures;
        if (const Value* list = jsonMember(data, "natures_of_control"); list && list->IsArray()) {
            for (const auto& n : list->GetArray()) {
                if (n.IsString()) natures.push_back(jsonText(n));
            }
        }
        EntityRef holder;
        holder.key = who.key;
        if (natures.empty()) {
            Claim c = out_.base(prefix + ":control");
            c.kind = Claim::Kind::Relation;
            c.relation = "controls";
            c.subject = holder;
            c.object = company_;
            c.relationKey = pscKey;
            Attributes attrs;
            attrs.set("interest", "significant control of an unstated nature");
            c.attributesJson = attrs.json();
            c.validFrom = from_;
            c.validTo = to_;
            out_.emit(std::move(c));
            return;
        }
        for (const auto& code : natures) {
            auto n = nature(code);
            if (!n) {
                out_.reject("unknown nature of control '" +
                            (code.size() > 100 ? code.substr(0, 100) + "..." : code) + "'");
                continue;
            }
            Claim c = out_.base(prefix + ":" + code);
            c.kind = Claim::Kind::Relation;
            c.relation = n->relation;
            c.subject = holder;
            c.object = company_;
            c.relationKey = pscKey;
            c.share = n->share;
            Attributes attrs;
            attrs.set("interest", n->interest);
            if (n->share) setShare(attrs, *n->share);
            c.attributesJson = attrs.json();
            c.validFrom = from_;
            c.validTo = to_;
            out_.emit(std::move(c));
        }
    }

    RecordEmitter out_;
    EntityRef company_;
    std::optional<PartialDate> from_;
    std::optional<PartialDate> to_;
    std::string recordId_;
};

}  // namespace

PscReader::PscReader(const graph::Schema& /*schema*/, std::size_t maxRecord)
    : maxRecord_(maxRecord) {}

void PscReader::read(std::istream& in, const std::string& file, RecordSink& sink) {
    std::string stem = fileStem(file);
    graph::Source source;
    source.key = "gb-psc:" + stem;
    source.title = "Companies House persons with significant control, " + stem;
    source.publisher = "Companies House";
    source.kind = "registry";
    const std::string sourceKey = source.key;
    sink.source(graph::Source(source), file, 1);

    forEachJsonRecord(in, file, maxRecord_, sink,
                      [&](rapidjson::Document& doc, const JsonRecord& record, RecordSink& out) {
                          RecordReader reader(sourceKey, file, record, out);
                          // The totals line closing a snapshot dates it: the source is
                          // declared again with that date, which fills the date the
                          // first declaration left empty.
                          if (auto generated = reader.read(doc); generated && !generated->empty()) {
                              graph::Source dated = source;
                              dated.published = *generated;
                              sink.source(std::move(dated), file, record.line);
                          }
                      });
}

}  // namespace cg::ingest
