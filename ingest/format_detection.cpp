// SPDX-License-Identifier: MIT
#include "ingest/format_detection.hpp"

#include <rapidjson/document.h>

#include <set>
#include <sstream>

#include "ingest/csv_parser.hpp"
#include "ingest/json_records.hpp"
#include "ingest/json_value.hpp"
#include "ingest/trimmed.hpp"

namespace cg::ingest {

namespace {

std::string ofJsonRecord(const rapidjson::Value& v) {
    if (!v.IsObject()) return {};
    auto has = [&](const char* k) { return jsonMember(v, k) != nullptr; };
    if (has("statementType") || (has("recordType") && has("recordDetails"))) return "bods";
    const rapidjson::Value* data = jsonMember(v, "data");
    if (data && data->IsObject()) {
        std::string kind = jsonScalar(*data, "kind").value_or("");
        if (has("company_number") || kind.find("significant-control") != std::string::npos ||
            kind == "exemptions") {
            return "psc";
        }
    }
    if (has("id") && has("schema") && (has("properties") || has("caption"))) return "ftm";
    const rapidjson::Value* source = jsonMember(v, "source");
    if (source && source->IsObject()) return "claims";
    if (has("subject") && (has("relation") || has("property"))) return "claims";
    return {};
}

}  // namespace

std::string formatOfContent(std::string_view head) {
    std::string_view body = trimmed(head);
    if (body.rfind("\xEF\xBB\xBF", 0) == 0) body = trimmed(body.substr(3));
    if (body.empty()) return {};
    if (body.front() == '{' || body.front() == '[') {
        std::istringstream in{std::string(head)};
        JsonRecords records(in);
        JsonRecord record;
        // The first records that parse decide; a record cut at the end of `head` does not.
        for (int seen = 0; seen < 3 && records.next(record); ++seen) {
            // A record written over several lines is still what it is, though JSON Lines
            // cannot hold it: its reader says so, once.
            if (!record.error.empty() && !record.spread) continue;
            rapidjson::Document doc;
            doc.Parse(record.text.data(), record.text.size());
            if (doc.HasParseError()) continue;
            return ofJsonRecord(doc);
        }
        return {};
    }
    std::istringstream in{std::string(head)};
    CsvParser csv(in);
    CsvRow header;
    if (!csv.next(header) || !header.error.empty()) return {};
    std::set<std::string> columns;
    for (const auto& f : header.fields) columns.insert(std::string(trimmed(f)));
    bool nodes = columns.count("node_id") && columns.count("sourceID");
    bool relationships =
        columns.count("node_id_start") && columns.count("node_id_end") && columns.count("rel_type");
    if (nodes || relationships) return "icij";
    return {};
}

}  // namespace cg::ingest
