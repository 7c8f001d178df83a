// SPDX-License-Identifier: MIT
#include "ingest/icij_reader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "graph/error.hpp"
#include "graph/normalize.hpp"
#include "graph/utf8.hpp"
#include "ingest/attributes.hpp"
#include "ingest/country_code.hpp"
#include "ingest/csv_parser.hpp"
#include "ingest/key_segment.hpp"
#include "ingest/loose_date.hpp"
#include "ingest/record_emitter.hpp"
#include "ingest/trimmed.hpp"

namespace cg::ingest {

using graph::Claim;
using graph::EntityRef;
using graph::PartialDate;

namespace {

enum class FileKind { Entities, Officers, Intermediaries, Addresses, Others, Relationships };

const char* kindName(FileKind k) {
    switch (k) {
        case FileKind::Entities:
            return "nodes-entities";
        case FileKind::Officers:
            return "nodes-officers";
        case FileKind::Intermediaries:
            return "nodes-intermediaries";
        case FileKind::Addresses:
            return "nodes-addresses";
        case FileKind::Others:
            return "nodes-others";
        case FileKind::Relationships:
            return "relationships";
    }
    return "";
}

// Which of ICIJ's files a header belongs to, by the columns only that file has.
std::optional<FileKind> fileKind(const std::map<std::string, std::size_t>& columns) {
    auto has = [&](const char* c) { return columns.count(c) > 0; };
    if (has("node_id_start") && has("node_id_end") && has("rel_type"))
        return FileKind::Relationships;
    if (!has("node_id")) return std::nullopt;
    if (has("type") &&
        (has("incorporation_date") || has("closed_date") || has("struck_off_date"))) {
        return FileKind::Others;
    }
    if (has("incorporation_date") && (has("company_type") || has("service_provider") ||
                                      has("ibcRUC") || has("jurisdiction_description"))) {
        return FileKind::Entities;
    }
    if (has("internal_id") && has("name")) return FileKind::Intermediaries;
    if (has("address") && !has("status")) return FileKind::Addresses;
    if (has("name")) return FileKind::Officers;
    return std::nullopt;
}

// ICIJ relationship types that only say two nodes may be the same one.
bool similarity(const std::string& relType) {
    static const std::set<std::string, std::less<>> kSimilar = {"same_name_as",
                                                                "same_as",
                                                                "similar",
                                                                "same_company_as",
                                                                "same_intermediary_as",
                                                                "same_address_as",
                                                                "probably_same_officer_as",
                                                                "similar_company_as",
                                                                "same_id_as"};
    return kSimilar.count(relType) > 0 || relType.rfind("same_", 0) == 0 ||
           relType.rfind("similar", 0) == 0;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        std::string part(trimmed(std::string_view(text).substr(start, end - start)));
        if (!part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}

class RowReader {
  public:
    RowReader(FileKind kind, const std::map<std::string, std::size_t>& columns,
              const std::string& sourceKey, const std::string& file, const CsvRow& row,
              RecordSink& sink)
        : kind_(kind),
          columns_(columns),
          row_(row),
          out_(sink, sourceKey, file, row.line, row.raw) {}

    void read() {
        if (kind_ == FileKind::Relationships)
            relationship();
        else
            node();
    }

  private:
    std::string field(const char* name) const {
        auto it = columns_.find(name);
        if (it == columns_.end() || it->second >= row_.fields.size()) return {};
        return std::string(trimmed(row_.fields[it->second]));
    }

    void property(const EntityRef& subject, const std::string& keyTail, const std::string& prop,
                  const std::string& value) {
        if (value.empty()) return;
        Claim c = out_.base(subject.key + ":" + keyTail);
        c.kind = Claim::Kind::Property;
        c.subject = subject;
        c.property = prop;
        c.value = value;
        out_.emit(std::move(c));
    }

    void dateProperty(const EntityRef& subject, const char* column, const std::string& prop) {
        std::string text = field(column);
        if (text.empty()) return;
        std::string error;
        auto d = parseLooseDate(text, &error);
        if (!d) {
            out_.reject(std::string(column) + ": " + error);
            return;
        }
        if (prop == "note")
            property(subject, column, "note", std::string(column) + ": " + d->text());
        else
            property(subject, column, prop, d->text());
    }

    void node() {
        std::string id = field("node_id");
        if (id.empty()) throw RecordRejected{"row has no node_id"};
        EntityRef ref;
        ref.key = "icij:" + id;
        std::string name = field("name");
        switch (kind_) {
            case FileKind::Entities: {
                // Offshore entities are mostly companies; trusts and foundations are not.
                std::string type = lower(field("company_type"));
                bool other = type.find("trust") != std::string::npos ||
                             type.find("foundation") != std::string::npos ||
                             type.find("partnership") != std::string::npos;
                ref.type = other ? "Organization" : "Company";
                break;
            }
            case FileKind::Addresses:
                ref.type = "Place";
                if (!field("address").empty()) name = field("address");
                break;
            default:
                // Officers, intermediaries and other nodes may be people or organisations:
                // the data does not say, so the entity keeps no type rather than a guess.
                break;
        }
        ref.name = name;
        property(ref, "name", "name", name);
        if (kind_ == FileKind::Addresses && field("name") != name) {
            property(ref, "alias:" + keySegment(field("name")), "alias", field("name"));
        }
        for (const char* c : {"original_name", "former_name"}) {
            std::string v = field(c);
            if (!v.empty() && v != name)
                property(ref, std::string(c) + ":" + keySegment(v), "alias", v);
        }
        if (kind_ != FileKind::Addresses) property(ref, "address", "address", field("address"));
        std::string jurisdiction = field("jurisdiction");
        std::string described = field("jurisdiction_description");
        if (!jurisdiction.empty() || !described.empty()) {
            auto code = countryFromName(described);
            if (!code) code = countryFromName(jurisdiction);
            if (code) {
                property(ref, "jurisdiction", "jurisdiction", *code);
            } else {
                std::string text = described.empty() ? jurisdiction : described;
                if (!jurisdiction.empty() && !described.empty()) text += " (" + jurisdiction + ")";
                property(ref, "jurisdiction", "note", "jurisdiction: " + text);
            }
        }
        std::vector<std::string> codes = splitList(field("country_codes"));
        std::vector<std::string> names = splitList(field("countries"));
        for (std::size_t i = 0; i < codes.size(); ++i) {
            auto code = countryFromName(codes[i]);
            if (code) {
                property(ref, "country:" + keySegment(codes[i]), "country", *code);
            } else {
                std::string label = i < names.size() ? names[i] + " (" + codes[i] + ")" : codes[i];
                property(ref, "country:" + keySegment(codes[i]), "note", "country: " + label);
            }
        }
        property(ref, "company_type", "legal_form", field("company_type"));
        property(ref, "type", "legal_form", field("type"));
        property(ref, "status", "status", field("status"));
        dateProperty(ref, "incorporation_date", "incorporation_date");
        dateProperty(ref, "struck_off_date", "dissolution_date");
        dateProperty(ref, "closed_date", "dissolution_date");
        dateProperty(ref, "inactivation_date", "note");
        dateProperty(ref, "dorm_date", "note");
        if (std::string sp = field("service_provider"); !sp.empty()) {
            property(ref, "service_provider", "note", "service provider: " + sp);
        }
        if (std::string ruc = field("ibcRUC"); !ruc.empty()) {
            EntityRef withId = ref;
            withId.identifiers.emplace_back("icij-ibcruc", ruc);
            property(withId, "ibcRUC", "identification", "icij-ibcruc " + ruc);
        }
        property(ref, "note", "note", field("note"));
        if (!out_.produced())
            throw RecordRejected{"node " + id + " has no name and nothing else to claim"};
    }

    void relationship() {
        std::string start = field("node_id_start");
        std::string end = field("node_id_end");
        std::string type = field("rel_type");
        if (start.empty() || end.empty())
            throw RecordRejected{"relationship needs node_id_start and node_id_end"};
        if (type.empty()) throw RecordRejected{"relationship has no rel_type"};
        std::string link = field("link");
        std::string error;
        auto from = parseLooseDate(field("start_date"), &error);
        if (!from && !error.empty()) throw RecordRejected{"start_date: " + error};
        auto to = parseLooseDate(field("end_date"), &error);
        if (!to && !error.empty()) throw RecordRejected{"end_date: " + error};
        if (from && to && from->firstDay() > to->lastDay()) {
            throw RecordRejected{"start_date " + from->text() + " is after end_date " + to->text()};
        }
        std::string key = "icij:" + start + ":" + type + ":" + end;
        if (!link.empty()) key += ":" + keySegment(link);
        if (from) key += ":" + from->text();
        if (to) key += ":" + to->text();

        if (similarity(type)) {
            // A suggestion for the analyst, kept with the node it starts from; merging is
            // a judgement, never the data's.
            Claim c = out_.base(key);
            c.kind = Claim::Kind::Property;
            c.subject.key = "icij:" + start;
            c.property = "possible_duplicate";
            c.value = "icij:" + end;
            out_.emit(std::move(c));
            return;
        }
        Claim c = out_.base(key);
        c.kind = Claim::Kind::Relation;
        c.subject.key = "icij:" + start;
        c.object.key = "icij:" + end;
        c.validFrom = from;
        c.validTo = to;
        Attributes attrs;
        std::string l = lower(link);
        if (type == "officer_of") {
            if (l.find("shareholder") != std::string::npos ||
                l.find("owner") != std::string::npos || l.find("beneficiar") != std::string::npos) {
                c.relation = "owns";
                attrs.set("interest", link);
            } else if (l.find("director") != std::string::npos) {
                c.relation = "director_of";
                attrs.set("role", link);
            } else {
                c.relation = "officer_of";
                if (!link.empty()) attrs.set("role", link);
            }
        } else if (type == "intermediary_of") {
            c.relation = "represents";
            attrs.set("role", link.empty() ? std::string("intermediary") : link);
        } else if (type == "registered_address") {
            c.relation = "registered_at";
        } else {
            c.relation = "linked_to";
            attrs.addNote(link.empty() ? type : type + ": " + link);
        }
        if (std::string status = field("status"); !status.empty())
            attrs.addNote("status: " + status);
        c.attributesJson = attrs.json();
        if (c.relation == "director_of" || c.relation == "officer_of") c.role = link;
        out_.emit(std::move(c));
    }

    FileKind kind_;
    const std::map<std::string, std::size_t>& columns_;
    const CsvRow& row_;
    RecordEmitter out_;
};

}  // namespace

IcijReader::IcijReader(const graph::Schema& /*schema*/, std::size_t maxRow) : maxRow_(maxRow) {}

void IcijReader::read(std::istream& in, const std::string& file, RecordSink& sink) {
    CsvParser parser(in, ',', maxRow_);
    CsvRow header;
    if (!parser.next(header)) return;
    if (!header.error.empty())
        throw InputError(cat(file, ":", header.line, ": header: ", header.error));
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        columns.emplace(std::string(trimmed(header.fields[i])), i);
    }
    auto kind = fileKind(columns);
    if (!kind) {
        throw InputError(
            cat(file, ":", header.line,
                ": header is not one of the ICIJ Offshore Leaks files (nodes-entities, "
                "nodes-officers, nodes-intermediaries, nodes-addresses, nodes-others, "
                "relationships)"));
    }

    // One source per leak, declared when its first row is met.
    std::map<std::string, std::string> sources;
    auto sourceFor = [&](const std::string& sourceId, std::int64_t line) -> const std::string& {
        auto it = sources.find(sourceId);
        if (it != sources.end()) return it->second;
        graph::Source s;
        std::string slug = graph::slugify(sourceId);
        s.key = "icij:" + (slug.empty() ? std::string("offshore-leaks") : slug);
        s.title = sourceId.empty() ? std::string("ICIJ Offshore Leaks Database")
                                   : sourceId + " (ICIJ Offshore Leaks Database)";
        s.publisher = "International Consortium of Investigative Journalists";
        s.url = "https://offshoreleaks.icij.org";
        s.kind = "leak";
        s.licence = "ODbL 1.0 (database), CC BY-SA 3.0 (contents)";
        std::string key = s.key;
        sink.source(std::move(s), file, line);
        return sources.emplace(sourceId, key).first->second;
    };

    auto sourceColumn = columns.find("sourceID");
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
            reject(cat("row has ", row.fields.size(), " fields, the ", kindName(*kind),
                       " header has ", header.fields.size()));
            continue;
        }
        std::string sourceId;
        if (sourceColumn != columns.end())
            sourceId = std::string(trimmed(row.fields[sourceColumn->second]));
        const std::string& sourceKey = sourceFor(sourceId, row.line);
        RowReader reader(*kind, columns, sourceKey, file, row, sink);
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
