// SPDX-License-Identifier: MIT
#include "ingest/claims_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "graph/error.hpp"
#include "graph/json_depth.hpp"
#include "graph/utf8.hpp"
#include "ingest/content_hash.hpp"
#include "ingest/json_document.hpp"
#include "ingest/json_records.hpp"
#include "ingest/json_value.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/record_emitter.hpp"
#include "ingest/spread_record.hpp"

namespace cg::ingest {

using graph::Claim;
using graph::EntityRef;
using graph::PartialDate;
using graph::Rejection;
using graph::ValueType;
using rapidjson::Value;

namespace {

constexpr std::size_t kMaxNameBytes = 4096;
constexpr std::size_t kMaxDepth = 32;

const char* const kClaimKeys[] = {"id",       "source",     "subject",      "relation",
                                  "object",   "attributes", "property",     "value",
                                  "quote",    "stance",     "confidence",   "valid_from",
                                  "valid_to", "location",   "relation_key", "note"};
const char* const kRefKeys[] = {"id", "type", "name", "identifiers", "country", "aliases"};
const char* const kSourceKeys[] = {"id",        "title", "publisher", "url",  "published",
                                   "retrieved", "kind",  "licence",   "note", "license"};
const char* const kSourceKinds[] = {"article", "registry", "leak", "list", "interview", "other"};

template <size_t N>
bool oneOf(std::string_view key, const char* const (&keys)[N]) {
    return std::any_of(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; });
}

template <size_t N>
std::string listOf(const char* const (&keys)[N]) {
    std::string out;
    for (const char* k : keys) {
        if (!out.empty()) out += ", ";
        out += k;
    }
    return out;
}

// Keys starting with '_' or 'x_' are the user's own annotations: kept in the raw record,
// otherwise ignored. Any other unknown key is most likely a typo and is rejected.
bool userKey(std::string_view key) {
    return (!key.empty() && key[0] == '_') || key.rfind("x_", 0) == 0;
}

// Rejects the record being parsed; caught in parseRecord.
[[noreturn]] void reject(std::string reason) { throw RecordRejected{std::move(reason)}; }

std::string stringField(const Value& obj, const char* key, const std::string& where,
                        bool required = false) {
    const Value* v = jsonMember(obj, key);
    if (!v || v->IsNull()) {
        if (required) reject(where + " needs '" + key + "'");
        return {};
    }
    if (!v->IsString()) reject(where + " '" + key + "' must be a string, not " + jsonKind(*v));
    return jsonText(*v);
}

// An id may be written as a string or an integer; both mean the same text id.
std::string idField(const Value& v, const std::string& where) {
    if (v.IsString()) {
        if (v.GetStringLength() == 0) reject(where + " must not be empty");
        return jsonText(v);
    }
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsUint64()) return std::to_string(v.GetUint64());
    reject(where + " must be a string, not " + jsonKind(v));
}

std::optional<PartialDate> dateField(const Value& obj, const char* key, const std::string& where) {
    const Value* v = jsonMember(obj, key);
    if (!v || v->IsNull()) return std::nullopt;
    if (!v->IsString()) reject(where + "'" + key + "' must be a date string, not " + jsonKind(*v));
    std::string error;
    auto d = PartialDate::parse(jsonText(*v), &error);
    if (!d) reject(std::string(key) + ": " + error);
    return d;
}

void checkDepth(const Value& v, std::size_t depth) {
    if (depth > kMaxDepth) reject("record nests deeper than 32 levels");
    if (v.IsObject()) {
        for (const auto& m : v.GetObject()) checkDepth(m.value, depth + 1);
    } else if (v.IsArray()) {
        for (const auto& item : v.GetArray()) checkDepth(item, depth + 1);
    }
}

std::string toJson(const Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    return {buf.GetString(), buf.GetSize()};
}

class LineParser {
  public:
    LineParser(const graph::Schema& schema, const std::string& file, std::int64_t line,
               const std::string& raw)
        : schema_(schema), file_(file), line_(line), raw_(raw) {}

    void parse(const Value& doc, RecordSink& sink) {
        if (!doc.IsObject()) reject("a record must be a JSON object, not " + jsonKind(doc));
        checkDepth(doc, 0);
        const Value* source = jsonMember(doc, "source");
        if (source && source->IsObject()) {
            sink.source(parseSource(*source, doc), file_, line_);
            return;
        }
        sink.claim(parseClaim(doc));
    }

  private:
    graph::Source parseSource(const Value& s, const Value& doc) {
        for (const auto& m : doc.GetObject()) {
            std::string_view k(m.name.GetString(), m.name.GetStringLength());
            if (k != "source" && !userKey(k)) {
                reject("a source declaration holds only 'source', not '" + std::string(k) + "'");
            }
        }
        for (const auto& m : s.GetObject()) {
            std::string_view k(m.name.GetString(), m.name.GetStringLength());
            if (!oneOf(k, kSourceKeys) && !userKey(k)) {
                reject("unknown source field '" + std::string(k) + "' (expected " +
                       listOf(kSourceKeys) + ")");
            }
        }
        graph::Source out;
        const Value* id = jsonMember(s, "id");
        if (!id) reject("source declaration needs an 'id'");
        out.key = idField(*id, "source 'id'");
        out.title = stringField(s, "title", "source");
        out.publisher = stringField(s, "publisher", "source");
        out.url = stringField(s, "url", "source");
        out.licence = stringField(s, "licence", "source");
        if (out.licence.empty()) out.licence = stringField(s, "license", "source");
        if (auto d = dateField(s, "published", "source ")) out.published = d->text();
        if (auto d = dateField(s, "retrieved", "source ")) out.retrieved = d->text();
        std::string kind = stringField(s, "kind", "source");
        if (!kind.empty()) {
            if (!oneOf(kind, kSourceKinds)) {
                reject("unknown source kind '" + kind + "' (expected " + listOf(kSourceKinds) +
                       ")");
            }
            out.kind = kind;
        }
        return out;
    }

    EntityRef parseRef(const Value& v, const char* role) {
        std::string where = role;
        if (!v.IsObject())
            reject(where + " must be an entity reference object, not " + jsonKind(v));
        for (const auto& m : v.GetObject()) {
            std::string_view k(m.name.GetString(), m.name.GetStringLength());
            if (!oneOf(k, kRefKeys) && !userKey(k)) {
                reject("unknown field '" + std::string(k) + "' in " + where + " (expected " +
                       listOf(kRefKeys) + ")");
            }
        }
        EntityRef ref;
        if (const Value* id = jsonMember(v, "id")) ref.key = idField(*id, where + " 'id'");
        ref.type = stringField(v, "type", where);
        ref.name = stringField(v, "name", where);
        if (ref.name.size() > kMaxNameBytes) reject(where + " name is longer than 4096 bytes");
        ref.country = stringField(v, "country", where);
        if (!ref.country.empty()) ref.country = countryCode(ref.country, where + " country");
        if (const Value* ids = jsonMember(v, "identifiers")) {
            if (!ids->IsObject())
                reject(where + " 'identifiers' must be an object of scheme: value");
            for (const auto& m : ids->GetObject()) {
                std::string scheme = jsonText(m.name);
                if (scheme.empty()) reject(where + " has an identifier with an empty scheme");
                if (m.value.IsString()) {
                    if (m.value.GetStringLength() == 0) continue;
                    ref.identifiers.emplace_back(scheme, jsonText(m.value));
                } else if (m.value.IsInt64()) {
                    ref.identifiers.emplace_back(scheme, std::to_string(m.value.GetInt64()));
                } else {
                    reject(where + " identifier '" + scheme + "' must be a string, not " +
                           jsonKind(m.value));
                }
            }
        }
        if (const Value* aliases = jsonMember(v, "aliases")) {
            if (!aliases->IsArray()) reject(where + " 'aliases' must be a list of names");
            for (const auto& a : aliases->GetArray()) {
                if (!a.IsString()) reject(where + " 'aliases' must be a list of names");
                if (a.GetStringLength() > 0) ref.aliases.push_back(jsonText(a));
            }
        }
        if (ref.key.empty()) {
            if (ref.type.empty()) {
                reject(where + " needs an 'id', or a 'type' with a 'name' or 'identifiers'");
            }
            if (!ref.described()) reject(where + " needs a 'name' or 'identifiers'");
        }
        if (!ref.type.empty()) {
            auto t = schema_.entityTypeId(ref.type);
            if (!t || schema_.entityType(*t).abstract) {
                reject("unknown entity type '" + ref.type + "' (expected " +
                       schema_.entityTypeList() + ")");
            }
        }
        return ref;
    }

    static std::string countryCode(const std::string& text, const std::string& where) {
        if (text.size() != 2 || !std::isalpha(static_cast<unsigned char>(text[0])) ||
            !std::isalpha(static_cast<unsigned char>(text[1]))) {
            reject(where + " '" + text + "' is not an ISO 3166 alpha-2 code (such as KH)");
        }
        std::string out = text;
        for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return out;
    }

    static double percent(const Value& v, const std::string& name) {
        if (!v.IsNumber()) reject("'" + name + "' must be a number of percent, not " + jsonKind(v));
        double d = v.GetDouble();
        if (!std::isfinite(d) || d < 0 || d > 100) {
            reject("'" + name + "' must be between 0 and 100, not " + toJson(v));
        }
        return d;
    }

    void parseAttributes(const Value& attrs, const graph::RelationType& rel, Claim& c) {
        if (!attrs.IsObject()) reject("'attributes' must be an object, not " + jsonKind(attrs));
        std::optional<double> exact, lo, hi;
        for (const auto& m : attrs.GetObject()) {
            std::string name = jsonText(m.name);
            if (userKey(name)) continue;
            auto type = schema_.attributeType(rel, name);
            if (!type) {
                reject("unknown attribute '" + name + "' for relation '" + rel.name +
                       "' (expected " + schema_.attributeList(rel) + ")");
            }
            const Value& v = m.value;
            if (v.IsNull()) continue;
            switch (*type) {
                case ValueType::Percent: {
                    double d = percent(v, name);
                    if (name == "share")
                        exact = d;
                    else if (name == "share_min")
                        lo = d;
                    else if (name == "share_max")
                        hi = d;
                    break;
                }
                case ValueType::Number:
                    if (!v.IsNumber() || !std::isfinite(v.GetDouble())) {
                        reject("attribute '" + name + "' must be a number, not " + jsonKind(v));
                    }
                    break;
                case ValueType::Boolean:
                    if (!v.IsBool())
                        reject("attribute '" + name + "' must be true or false, not " +
                               jsonKind(v));
                    break;
                case ValueType::Date: {
                    if (!v.IsString()) reject("attribute '" + name + "' must be a date string");
                    std::string error;
                    if (!PartialDate::parse(jsonText(v), &error)) reject(name + ": " + error);
                    break;
                }
                case ValueType::Country:
                    if (!v.IsString()) reject("attribute '" + name + "' must be a country code");
                    countryCode(jsonText(v), "attribute '" + name + "'");
                    break;
                case ValueType::String:
                    if (!v.IsString())
                        reject("attribute '" + name + "' must be a string, not " + jsonKind(v));
                    if (name == "role" || name == "relationship") c.role = jsonText(v);
                    break;
            }
        }
        if (exact && (lo || hi)) reject("give either 'share' or 'share_min'/'share_max', not both");
        if (exact) {
            c.share = graph::ShareInterval{*exact, *exact};
        } else if (lo || hi) {
            double mn = lo.value_or(0);
            double mx = hi.value_or(100);
            if (mn > mx) {
                char buf[96];
                std::snprintf(buf, sizeof buf, "share_min %g is above share_max %g", mn, mx);
                reject(buf);
            }
            c.share = graph::ShareInterval{mn, mx};
        }
        c.attributesJson = toJson(attrs);
    }

    Claim parseClaim(const Value& doc) {
        for (const auto& m : doc.GetObject()) {
            std::string_view k(m.name.GetString(), m.name.GetStringLength());
            if (!oneOf(k, kClaimKeys) && !userKey(k)) {
                reject("unknown field '" + std::string(k) + "' (expected " + listOf(kClaimKeys) +
                       ")");
            }
        }
        Claim c;
        c.file = file_;
        c.line = line_;
        c.raw = raw_;
        const Value* source = jsonMember(doc, "source");
        if (!source) reject("claim has no 'source' (the id of a declared source)");
        c.sourceKey = idField(*source, "claim 'source'");
        const Value* subject = jsonMember(doc, "subject");
        if (!subject) reject("claim has no 'subject'");
        const Value* relation = jsonMember(doc, "relation");
        const Value* property = jsonMember(doc, "property");
        if (relation && property) reject("a claim has either 'relation' or 'property', not both");
        if (!relation && !property) {
            reject(
                "record is neither a source, a relation claim nor a property claim "
                "(expected 'source' as an object, 'relation' or 'property')");
        }
        c.subject = parseRef(*subject, "subject");
        if (relation) {
            c.kind = Claim::Kind::Relation;
            if (!relation->IsString())
                reject("'relation' must be a string, not " + jsonKind(*relation));
            c.relation = jsonText(*relation);
            const graph::RelationType* rel = schema_.relationType(c.relation);
            if (!rel) {
                reject("unknown relation type '" + c.relation + "' (expected " +
                       schema_.relationTypeList() + ")");
            }
            const Value* object = jsonMember(doc, "object");
            if (!object) reject("relation claim has no 'object'");
            c.object = parseRef(*object, "object");
            if (jsonMember(doc, "value"))
                reject("'value' belongs to property claims; a relation has 'attributes'");
            if (const Value* attrs = jsonMember(doc, "attributes"))
                parseAttributes(*attrs, *rel, c);
            c.relationKey = stringField(doc, "relation_key", "claim");
        } else {
            c.kind = Claim::Kind::Property;
            if (!property->IsString())
                reject("'property' must be a string, not " + jsonKind(*property));
            c.property = jsonText(*property);
            const graph::PropertyDef* def = schema_.property(c.property);
            if (!def) {
                reject("unknown property '" + c.property + "' (expected " + schema_.propertyList() +
                       ")");
            }
            if (jsonMember(doc, "object"))
                reject("a property claim has a 'value', not an 'object'");
            const Value* value = jsonMember(doc, "value");
            if (!value || value->IsNull()) reject("property claim has no 'value'");
            if (value->IsString()) {
                c.value = jsonText(*value);
            } else if (value->IsNumber() || value->IsBool()) {
                c.value = toJson(*value);
            } else {
                reject("'value' must be a string or a number, not " + jsonKind(*value));
            }
            if (c.value.empty()) reject("property claim has an empty 'value'");
            if (def->type == ValueType::Date) {
                std::string error;
                auto d = PartialDate::parse(c.value, &error);
                if (!d) reject(c.property + ": " + error);
                c.value = d->text();
            } else if (def->type == ValueType::Country) {
                c.value = countryCode(c.value, "'" + c.property + "'");
            }
        }
        c.quote = stringField(doc, "quote", "claim");
        if (const Value* loc = jsonMember(doc, "location")) {
            if (loc->IsString())
                c.location = jsonText(*loc);
            else if (loc->IsNumber() || loc->IsObject())
                c.location = toJson(*loc);
            else
                reject("'location' must be a string, a number or an object");
        }
        std::string stance = stringField(doc, "stance", "claim");
        if (stance == "denies") {
            c.stance = graph::Stance::Denies;
        } else if (!stance.empty() && stance != "asserts") {
            reject("unknown stance '" + stance + "' (expected asserts or denies)");
        }
        if (const Value* conf = jsonMember(doc, "confidence"); conf && !conf->IsNull()) {
            if (!conf->IsNumber()) reject("'confidence' must be a number, not " + jsonKind(*conf));
            c.confidence = conf->GetDouble();
            if (!std::isfinite(c.confidence) || c.confidence < 0 || c.confidence > 1) {
                reject("'confidence' must be between 0 and 1, not " + toJson(*conf));
            }
        }
        c.validFrom = dateField(doc, "valid_from", "");
        c.validTo = dateField(doc, "valid_to", "");
        if (c.validFrom && c.validTo && c.validFrom->firstDay() > c.validTo->lastDay()) {
            reject("valid_from " + c.validFrom->text() + " is after valid_to " + c.validTo->text());
        }
        std::uint64_t h = canonicalJsonHash(doc, "id");
        c.contentHash = h;
        if (const Value* id = jsonMember(doc, "id")) {
            c.key = idField(*id, "claim 'id'");
        } else {
            char buf[24];
            std::snprintf(buf, sizeof buf, "h:%016llx", static_cast<unsigned long long>(h));
            c.key = buf;
        }
        return c;
    }

    const graph::Schema& schema_;
    const std::string& file_;
    std::int64_t line_;
    const std::string& raw_;
};

}  // namespace

ClaimsReader::ClaimsReader(const graph::Schema& schema, std::size_t maxLine)
    : schema_(schema), maxLine_(maxLine) {}

bool ClaimsReader::parseLine(const std::string& line, const std::string& file,
                             std::int64_t lineNumber, RecordSink& sink, std::string& reason) {
    std::int64_t faultLine = lineNumber;
    return parseRecord(line, file, lineNumber, sink, reason, faultLine);
}

bool ClaimsReader::parseRecord(const std::string& text, const std::string& file,
                               std::int64_t lineNumber, RecordSink& sink, std::string& reason,
                               std::int64_t& faultLine) {
    if (!graph::isValidUtf8(text)) {
        reason = "invalid UTF-8";
        return false;
    }
    // RapidJSON parses recursively: a line of a million '[' would exhaust the stack before
    // checkDepth could refuse it. Two more levels than checkDepth allows are always refused.
    if (graph::jsonTooDeepAt(text, kMaxDepth + 2)) {
        reason = "record nests deeper than 32 levels";
        return false;
    }
    // The document lives in buffers on the stack: a typical record parses without touching
    // the heap (longer ones take more chunks from it, freed on return).
    char valueBuffer[16384];
    char parseBuffer[4096];
    rapidjson::MemoryPoolAllocator<> valueAllocator(valueBuffer, sizeof valueBuffer);
    rapidjson::MemoryPoolAllocator<> parseAllocator(parseBuffer, sizeof parseBuffer);
    rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>,
                               rapidjson::MemoryPoolAllocator<>>
        doc(&valueAllocator, sizeof parseBuffer / 2, &parseAllocator);
    if (auto error = parseOneJsonValue<rapidjson::kParseFullPrecisionFlag>(doc, text)) {
        // A record on one line is placed by its column, one over several by its line.
        faultLine = lineAt(text, error->offset, lineNumber);
        reason = faultLine == lineNumber && text.find('\n') == std::string::npos
                     ? cat("invalid JSON at column ", error->offset + 1, ": ", error->what)
                     : cat("invalid JSON: ", error->what);
        return false;
    }
    // First-wins at the top, last-wins in attributes: a key given twice has no one meaning.
    if (auto key = duplicateKey(doc)) {
        reason = cat("duplicate key '", *key, "'");
        return false;
    }
    try {
        LineParser(schema_, file, lineNumber, text).parse(doc, sink);
    } catch (const RecordRejected& r) {
        reason = r.reason;
        return false;
    }
    return true;
}

void ClaimsReader::read(std::istream& in, const std::string& file, RecordSink& sink) {
    std::int64_t firstLine = skipLeadingBlank(in);
    if (in.rdbuf() && in.rdbuf()->sgetc() == '[') {
        readArray(in, file, firstLine, sink);
    } else {
        readLines(in, file, firstLine, sink);
    }
}

void ClaimsReader::readLines(std::istream& in, const std::string& file, std::int64_t firstLine,
                             RecordSink& sink) {
    LineReader lines(in, maxLine_, firstLine);
    std::string line;
    std::string reason;
    bool pending = false;  // `line` is a line read past a spread record, not yet handled
    while (pending || lines.next(line)) {
        pending = false;
        if ((lines.lineNumber() & 1023) == 0) sink.progress(lines.bytesRead());
        if (lines.truncated()) {
            sink.reject(
                Rejection{file, lines.lineNumber(),
                          cat("line is ", lines.fullLength(), " bytes, longer than the limit of ",
                              maxLine_, " (only its first ", line.size(), " bytes are kept)"),
                          line});
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (opensSpreadRecord(line)) {
            pending = rejectSpreadRecord(lines, line, file, sink);
            continue;
        }
        if (!parseLine(line, file, lines.lineNumber(), sink, reason)) {
            sink.reject(Rejection{file, lines.lineNumber(), reason, line});
        }
    }
    if (in.bad())
        throw InputError(file + ": read error after line " + std::to_string(lines.lineNumber()));
    sink.progress(lines.bytesRead());
}

bool ClaimsReader::rejectSpreadRecord(LineReader& lines, std::string& line, const std::string& file,
                                      RecordSink& sink) {
    std::int64_t first = lines.lineNumber();
    std::int64_t last = first;
    std::string raw = line;
    JsonNesting nesting;
    nesting.feed(line);
    bool closed = false;
    while (!closed && lines.next(line)) {
        // A record that never closes must not take the records after it along.
        if (!lines.truncated() && startsAnotherRecord(nesting, line)) {
            sink.reject(Rejection{file, first, spreadRecordReason(first, last, false), raw});
            return true;
        }
        last = lines.lineNumber();
        // The raw text is kept up to the limit of one line, for the user to see.
        if (raw.size() + 1 + line.size() <= maxLine_) raw += "\n" + line;
        closed = nesting.feed(line);
    }
    sink.reject(Rejection{file, first, spreadRecordReason(first, last, closed), raw});
    return false;
}

void ClaimsReader::readArray(std::istream& in, const std::string& file, std::int64_t firstLine,
                             RecordSink& sink) {
    JsonRecords records(in, maxLine_, graph::kMaxJsonDepth, firstLine);
    JsonRecord record;
    std::string reason;
    while (records.next(record)) {
        if ((record.element & 1023) == 0) sink.progress(records.bytesRead());
        std::int64_t faultLine = record.line;
        if (record.error.empty()) {
            if (parseRecord(record.text, file, record.line, sink, reason, faultLine)) continue;
        } else {
            reason = record.error;
        }
        if (record.element > 0) reason = cat("element ", record.element, ": ", reason);
        sink.reject(Rejection{file, faultLine, reason, record.text});
    }
    if (in.bad()) throw InputError(file + ": read error");
    sink.progress(records.bytesRead());
}

}  // namespace cg::ingest
