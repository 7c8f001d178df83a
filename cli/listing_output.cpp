// SPDX-License-Identifier: MIT
#include "cli/listing_output.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <vector>

namespace cg::cli {

namespace {

bool isEntity(const rapidjson::Value& v) {
    return v.IsObject() && v.MemberCount() == 3 && v.HasMember("id") && v["id"].IsString() &&
           v.HasMember("name") && v.HasMember("type");
}

std::string compact(const rapidjson::Value& v) { return JsonOut::compactJson(v); }

// A JSON string's whole text: an escaped NUL stays in it (csvField makes it U+FFFD).
std::string text(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

struct Column {
    std::string key;
    bool entity = false;
};

void writeCsv(std::ostream& out, const rapidjson::Value& rows) {
    std::vector<Column> columns;
    for (const auto& row : rows.GetArray()) {
        if (!row.IsObject()) continue;
        for (const auto& m : row.GetObject()) {
            std::string key = m.name.GetString();
            auto at = std::find_if(columns.begin(), columns.end(),
                                   [&](const Column& c) { return c.key == key; });
            if (at == columns.end()) at = columns.insert(columns.end(), Column{key});
            if (isEntity(m.value)) at->entity = true;
        }
    }
    std::string header;
    for (const auto& c : columns) {
        header += (header.empty() ? "" : ",") + csvField(c.key, true);
        if (c.entity) header += "," + csvField(c.key + "_id", true);
    }
    out << header << '\n';
    for (const auto& row : rows.GetArray()) {
        if (!row.IsObject()) continue;
        std::string line;
        bool first = true;
        auto field = [&](const std::string& text) {
            line += (first ? "" : ",") + text;
            first = false;
        };
        for (const auto& c : columns) {
            auto m = row.FindMember(c.key.c_str());
            const rapidjson::Value* v = m == row.MemberEnd() ? nullptr : &m->value;
            if (!v || v->IsNull()) {
                field("");
            } else if (v->IsString()) {
                field(csvField(text(*v), true));
            } else if (v->IsBool()) {
                field(v->GetBool() ? "true" : "false");
            } else if (v->IsNumber()) {
                field(compact(*v));
            } else if (isEntity(*v)) {
                field(csvField((*v)["name"].IsString() ? text((*v)["name"]) : std::string(), true));
            } else {
                field(csvField(compact(*v), true));
            }
            if (c.entity) field(v && isEntity(*v) ? csvField(text((*v)["id"]), true) : "");
        }
        out << line << '\n';
    }
}

}  // namespace

std::string listingFormat(const Context& ctx, const ResultFormat& format) {
    if (!format.format.empty()) return format.format;
    if (format.csv) return "csv";
    return ctx.json ? "json" : "table";
}

void printListing(std::ostream& out, const std::string& format, JsonOut& array) {
    if (format == "json") {
        array.print(out);
        return;
    }
    rapidjson::Document d;
    d.Parse(array.text().c_str());
    if (!d.IsArray()) return;
    if (format == "jsonl") {
        for (const auto& row : d.GetArray()) out << compact(row) << '\n';
        return;
    }
    writeCsv(out, d);
}

}  // namespace cg::cli
