// SPDX-License-Identifier: MIT
#include "ingest/csv_reader.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "graph/error.hpp"
#include "graph/utf8.hpp"
#include "ingest/attributes.hpp"
#include "ingest/country_code.hpp"
#include "ingest/csv_parser.hpp"
#include "ingest/file_stem.hpp"
#include "ingest/key_segment.hpp"
#include "ingest/loose_date.hpp"
#include "ingest/percent.hpp"
#include "ingest/record_emitter.hpp"
#include "ingest/trimmed.hpp"

namespace cg::ingest {

using graph::Claim;
using graph::EntityRef;
using graph::ValueType;

namespace {

class RowReader {
  public:
    RowReader(const graph::Schema& schema, const CsvMapping& mapping,
              const std::map<std::string, std::size_t>& columns, const std::string& sourceKey,
              const std::string& file, const CsvRow& row, RecordSink& sink)
        : schema_(schema),
          mapping_(mapping),
          columns_(columns),
          sourceKey_(sourceKey),
          row_(row),
          out_(sink, sourceKey, file, row.line, row.raw) {}

    void read() {
        std::string rowId =
            mapping_.rowId.empty() ? "line" + std::to_string(row_.line) : column(mapping_.rowId);
        if (rowId.empty()) throw RecordRejected{"row_id column '" + mapping_.rowId + "' is empty"};
        prefix_ = "csv:" + sourceKey_ + ":" + keySegment(rowId) + ":";
        std::map<std::string, EntityRef> present;
        for (const auto& e : mapping_.entities) {
            try {
                if (auto ref = entity(e)) present.emplace(e.as, *ref);
            } catch (const RecordRejected& r) {
                out_.reject("entity '" + e.as + "': " + r.reason);
            }
        }
        for (std::size_t i = 0; i < mapping_.relations.size(); ++i) {
            const CsvRelation& r = mapping_.relations[i];
            auto s = present.find(r.subject);
            auto o = present.find(r.object);
            // A row may leave an entity out (no director on this line): no relation then.
            if (s == present.end() || o == present.end()) continue;
            try {
                relation(r, i, s->second, o->second);
            } catch (const RecordRejected& x) {
                out_.reject("relation " + std::to_string(i + 1) + " (" + r.relation +
                            "): " + x.reason);
            }
        }
        if (!out_.produced()) throw RecordRejected{"row gives no entity the mapping describes"};
    }

  private:
    std::string column(const std::string& name) const {
        auto it = columns_.find(name);
        if (it == columns_.end() || it->second >= row_.fields.size()) return {};
        return std::string(trimmed(row_.fields[it->second]));
    }

    std::string value(const CsvValue& v) const {
        std::string text = v.column.empty() ? v.constant : column(v.column);
        if (text.empty() || v.table.empty()) return text;
        auto it = v.table.find(text);
        if (it != v.table.end()) return it->second;
        if (v.fallback) return *v.fallback;
        std::string known;
        for (const auto& [from, to] : v.table) known += (known.empty() ? "" : ", ") + from;
        throw RecordRejected{"value '" + text + "' of column '" + v.column +
                             "' is not in the mapping's map (" + known + ")"};
    }

    Claim base(const std::string& keyTail) const { return out_.base(prefix_ + keyTail); }

    // A value checked and normalised for its schema type.
    std::string typed(ValueType type, const std::string& text, const std::string& what) const {
        switch (type) {
            case ValueType::Date: {
                std::string error;
                auto d = parseLooseDate(text, &error);
                if (!d) throw RecordRejected{what + ": " + error};
                return d->text();
            }
            case ValueType::Country: {
                auto code = countryFromName(text);
                if (!code)
                    throw RecordRejected{what + ": '" + text +
                                         "' is not a country name or ISO 3166 code"};
                return *code;
            }
            default:
                return text;
        }
    }

    std::optional<EntityRef> entity(const CsvEntity& e) {
        EntityRef ref;
        ref.type = value(e.type);
        ref.name = value(e.name);
        for (const auto& [scheme, v] : e.identifiers) {
            std::string id = value(v);
            if (!id.empty()) ref.identifiers.emplace_back(scheme, id);
        }
        if (!e.keyTemplate.empty()) {
            // Every placeholder must be filled, or the key would be shared by unrelated rows.
            std::string key;
            bool complete = true;
            std::size_t pos = 0;
            while (pos < e.keyTemplate.size()) {
                auto open = e.keyTemplate.find('{', pos);
                auto close = open == std::string::npos ? open : e.keyTemplate.find('}', open);
                if (close == std::string::npos) {
                    key += e.keyTemplate.substr(pos);
                    break;
                }
                key += e.keyTemplate.substr(pos, open - pos);
                std::string v = column(e.keyTemplate.substr(open + 1, close - open - 1));
                if (v.empty()) complete = false;
                key += v;
                pos = close + 1;
            }
            if (complete) ref.key = key;
        }
        if (ref.key.empty() && ref.name.empty() && ref.identifiers.empty()) return std::nullopt;
        if (ref.type.empty()) throw RecordRejected{"no entity type for this row"};
        auto type = schema_.entityTypeId(ref.type);
        if (!type || schema_.entityType(*type).abstract) {
            throw RecordRejected{"unknown entity type '" + ref.type + "' (expected " +
                                 schema_.entityTypeList() + ")"};
        }

        if (!ref.name.empty()) {
            Claim c = base(e.as + ":name");
            c.kind = Claim::Kind::Property;
            c.subject = ref;
            c.property = "name";
            c.value = ref.name;
            out_.emit(std::move(c));
        }
        for (const auto& a : e.aliases) {
            std::string alias = value(a);
            if (alias.empty() || alias == ref.name) continue;
            Claim c = base(e.as + ":alias:" + keySegment(alias));
            c.kind = Claim::Kind::Property;
            c.subject = ref;
            c.property = "alias";
            c.value = alias;
            out_.emit(std::move(c));
        }
        for (const auto& [scheme, id] : ref.identifiers) {
            Claim c = base(e.as + ":identifier:" + keySegment(scheme));
            c.kind = Claim::Kind::Property;
            c.subject = ref;
            c.property = "identification";
            c.value = scheme + " " + id;
            out_.emit(std::move(c));
        }
        for (const auto& [prop, v] : e.properties) {
            try {
                std::string text = value(v);
                if (text.empty()) continue;
                Claim c = base(e.as + ":" + prop);
                c.kind = Claim::Kind::Property;
                c.subject = ref;
                c.property = prop;
                c.value = typed(schema_.property(prop)->type, text, prop);
                out_.emit(std::move(c));
            } catch (const RecordRejected& r) {
                out_.reject("entity '" + e.as + "': " + r.reason);
            }
        }
        return ref;
    }

    void relation(const CsvRelation& r, std::size_t index, const EntityRef& subject,
                  const EntityRef& object) {
        const graph::RelationType* rel = schema_.relationType(r.relation);
        Claim c = base(r.relation + "." + std::to_string(index + 1));
        c.kind = Claim::Kind::Relation;
        c.relation = r.relation;
        c.subject = subject;
        c.object = object;
        Attributes attrs;
        for (const auto& [name, v] : r.attributes) {
            std::string text = value(v);
            if (text.empty()) continue;
            ValueType type = *schema_.attributeType(*rel, name);
            switch (type) {
                case ValueType::Percent: {
                    auto share = parsePercent(text);
                    if (!share)
                        throw RecordRejected{name + ": '" + text +
                                             "' is not a percentage between 0 and 100"};
                    if (name == "share") {
                        c.share = share;
                        setShare(attrs, *share);
                    } else {
                        attrs.set(name, name == "share_max" ? share->max : share->min);
                    }
                    break;
                }
                case ValueType::Number: {
                    char* end = nullptr;
                    double d = std::strtod(text.c_str(), &end);
                    if (end != text.c_str() + text.size() || !std::isfinite(d)) {
                        throw RecordRejected{name + ": '" + text + "' is not a number"};
                    }
                    attrs.set(name, d);
                    break;
                }
                case ValueType::Boolean: {
                    std::string l = text;
                    for (auto& ch : l)
                        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                    if (l == "true" || l == "yes" || l == "y" || l == "1")
                        attrs.set(name, true);
                    else if (l == "false" || l == "no" || l == "n" || l == "0")
                        attrs.set(name, false);
                    else
                        throw RecordRejected{name + ": '" + text + "' is not true or false"};
                    break;
                }
                default:
                    attrs.set(name, typed(type, text, name));
                    if (name == "role" || name == "relationship") c.role = text;
            }
        }
        // share_min and share_max given as columns make the interval.
        if (!c.share) {
            std::optional<double> lo, hi;
            for (const auto& [name, v] : r.attributes) {
                std::string text = value(v);
                if (text.empty()) continue;
                if (name == "share_min") lo = parsePercent(text)->min;
                if (name == "share_max") hi = parsePercent(text)->max;
            }
            if (lo || hi) {
                if (lo.value_or(0) > hi.value_or(100)) {
                    throw RecordRejected{cat("share_min ", *lo, " is above share_max ", *hi)};
                }
                c.share = graph::ShareInterval{lo.value_or(0), hi.value_or(100)};
            }
        }
        c.attributesJson = attrs.json();
        std::string error;
        if (std::string t = value(r.validFrom); !t.empty()) {
            c.validFrom = parseLooseDate(t, &error);
            if (!c.validFrom) throw RecordRejected{"valid_from: " + error};
        }
        if (std::string t = value(r.validTo); !t.empty()) {
            c.validTo = parseLooseDate(t, &error);
            if (!c.validTo) throw RecordRejected{"valid_to: " + error};
        }
        if (c.validFrom && c.validTo && c.validFrom->firstDay() > c.validTo->lastDay()) {
            throw RecordRejected{"valid_from " + c.validFrom->text() + " is after valid_to " +
                                 c.validTo->text()};
        }
        if (std::string t = value(r.confidence); !t.empty()) {
            char* end = nullptr;
            double d = std::strtod(t.c_str(), &end);
            if (end != t.c_str() + t.size() || !(d >= 0 && d <= 1)) {
                throw RecordRejected{"confidence '" + t + "' is not a number between 0 and 1"};
            }
            c.confidence = d;
        }
        c.quote = value(r.quote);
        out_.emit(std::move(c));
    }

    const graph::Schema& schema_;
    const CsvMapping& mapping_;
    const std::map<std::string, std::size_t>& columns_;
    const std::string& sourceKey_;
    const CsvRow& row_;
    RecordEmitter out_;
    std::string prefix_;
};

}  // namespace

CsvReader::CsvReader(const graph::Schema& schema, CsvMapping mapping, std::size_t maxRow)
    : schema_(schema), mapping_(std::move(mapping)), maxRow_(maxRow) {}

void CsvReader::read(std::istream& in, const std::string& file, RecordSink& sink) {
    CsvParser parser(in, mapping_.delimiter, maxRow_);
    CsvRow header;
    if (!parser.next(header)) return;
    if (!header.error.empty())
        throw InputError(cat(file, ":", header.line, ": header: ", header.error));
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        columns.emplace(std::string(trimmed(header.fields[i])), i);
    for (const auto& c : mapping_.columns()) {
        if (columns.count(c)) continue;
        std::string have;
        for (const auto& h : header.fields) have += (have.empty() ? "" : ", ") + h;
        throw InputError(cat(file, ":", header.line, ": the mapping ", mapping_.origin,
                             " names column '", c,
                             "', which the header does not have (it has: ", have, ")"));
    }

    graph::Source source = mapping_.source;
    if (source.key.empty()) {
        source.key = "csv:" + fileStem(file);
        source.title = "CSV file " + fileStem(file);
    }
    const std::string sourceKey = source.key;
    sink.source(std::move(source), file, 1);

    CsvRow row;
    std::int64_t count = 0;
    while (parser.next(row)) {
        if ((++count & 1023) == 0) sink.progress(parser.bytesRead());
        auto reject = [&](const std::string& reason) {
            sink.reject(graph::Rejection{file, row.line, reason, row.raw});
        };
        if (!row.error.empty()) {
            reject(row.error);
            continue;
        }
        if (!graph::isValidUtf8(row.raw)) {
            reject("invalid UTF-8");
            continue;
        }
        if (row.fields.size() != header.fields.size()) {
            reject(cat("row has ", row.fields.size(), " fields, the header has ",
                       header.fields.size()));
            continue;
        }
        RowReader reader(schema_, mapping_, columns, sourceKey, file, row, sink);
        try {
            reader.read();
        } catch (const RecordRejected& r) {
            reject(r.reason);
        }
    }
    if (in.bad()) throw InputError(file + ": read error");
    sink.progress(parser.bytesRead());
}

}  // namespace cg::ingest
