// SPDX-License-Identifier: MIT
#include "cli/result_output.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "cli/json_out.hpp"
#include "cli/table.hpp"
#include "export/text_escape.hpp"

namespace cg::cli {

namespace {

using graph::GraphView;
using queries::Cell;
using queries::QueryResult;
using queries::ResultTable;

// A column's name as a key for scripts: snake_case ("share min" is share_min).
std::string columnKey(const std::string& column) {
    std::string key;
    for (char c : column) {
        if (c == ' ' || c == '-') {
            key += '_';
        } else {
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return key;
}

// What scripts get for each column: yes/no columns are booleans, and a column that names
// entities is followed in CSV by one with their ids.
struct ColumnShape {
    bool yesNo = false;
    bool entities = false;
};

std::vector<ColumnShape> columnShapes(const ResultTable& table) {
    std::vector<ColumnShape> shapes(table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        bool any = false, allYesNo = true, anyEntity = false;
        for (const auto& row : table.rows) {
            if (c >= row.size() || std::holds_alternative<std::monostate>(row[c])) continue;
            any = true;
            const auto* text = std::get_if<std::string>(&row[c]);
            allYesNo = allYesNo && text && (*text == "yes" || *text == "no");
            anyEntity = anyEntity || std::holds_alternative<queries::EntityCell>(row[c]);
        }
        shapes[c].yesNo = any && allYesNo;
        shapes[c].entities = anyEntity;
    }
    return shapes;
}

void writeCsv(std::ostream& out, const GraphView& view, const ResultTable& table) {
    auto shapes = columnShapes(table);
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        std::string key = columnKey(table.columns[i]);
        out << (i ? "," : "") << csvField(key, true);
        if (shapes[i].entities) out << ',' << csvField(key + "_id", true);
    }
    out << "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size() && i < shapes.size(); ++i) {
            const Cell& cell = row[i];
            bool isText = !std::holds_alternative<std::int64_t>(cell) &&
                          !std::holds_alternative<double>(cell);
            std::string text = queries::cellText(view, cell);
            if (shapes[i].yesNo && !text.empty()) text = text == "yes" ? "true" : "false";
            out << (i ? "," : "") << csvField(text, isText && !shapes[i].yesNo);
            if (shapes[i].entities) {
                const auto* e = std::get_if<queries::EntityCell>(&cell);
                out << ',' << (e ? csvField(view.key(e->node), true) : std::string());
            }
        }
        out << "\r\n";
    }
}

void printTable(std::ostream& out, const GraphView& view, const ResultTable& table,
                std::size_t width) {
    // Routes are the point of the answer: never cut them.
    std::vector<std::size_t> whole;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        for (const auto& row : table.rows) {
            if (i < row.size() && std::holds_alternative<queries::PathCell>(row[i])) {
                whole.push_back(i);
                break;
            }
        }
    }
    Table t(table.columns, whole);
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        cells.reserve(row.size());
        for (const auto& cell : row) cells.push_back(queries::cellText(view, cell));
        t.add(std::move(cells));
    }
    t.print(out, width);
}

void writeEntityJson(JsonOut& j, const GraphView& view, GraphView::Node v,
                     const char* key = nullptr) {
    j.beginObject(key).field("id", view.key(v)).field("name", view.name(v));
    j.field("type", view.schema().entityType(view.nodeType(v)).name).endObject();
}

void writeCellJson(JsonOut& j, const GraphView& view, const char* key, const Cell& cell) {
    if (std::holds_alternative<std::monostate>(cell)) {
        j.null(key);
    } else if (const auto* s = std::get_if<std::string>(&cell)) {
        j.field(key, *s);
    } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        j.field(key, *i);
    } else if (const auto* d = std::get_if<double>(&cell)) {
        if (std::isnan(*d)) {
            j.null(key);
        } else {
            j.field(key, *d);
        }
    } else if (const auto* e = std::get_if<queries::EntityCell>(&cell)) {
        writeEntityJson(j, view, e->node, key);
    } else if (const auto* p = std::get_if<queries::PathCell>(&cell)) {
        j.beginObject(key).field("text", queries::routeText(view, *p));
        j.beginArray("entities");
        for (auto v : queries::routeNodes(view, *p)) writeEntityJson(j, view, v);
        j.endArray().beginArray("relations");
        for (const auto& step : p->steps) {
            j.beginObject().field("relation",
                                  static_cast<std::int64_t>(view.relationId(step.edge)));
            j.field("type", view.relationTypeOf(step.edge).name).field("forward", step.forward);
            j.field("kind",
                    std::string(graph::relationKindName(view.relationTypeOf(step.edge).kind)));
            j.field("confidence", queries::decimal(view.confidence(step.edge)));
            j.field("disputed", view.disputed(step.edge))
                .field("weak", queries::weakHop(view, step.edge));
            j.endObject();
        }
        j.endArray().endObject();
    }
}

void writeRowJson(JsonOut& j, const GraphView& view, const ResultTable& table,
                  const std::vector<ColumnShape>& shapes, const std::vector<Cell>& row) {
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
        std::string key = columnKey(table.columns[i]);
        const auto* text = std::get_if<std::string>(&row[i]);
        if (shapes[i].yesNo && text) {
            j.field(key.c_str(), *text == "yes");
        } else {
            writeCellJson(j, view, key.c_str(), row[i]);
        }
    }
}

void writeTableJson(JsonOut& j, const GraphView& view, const ResultTable& table) {
    auto shapes = columnShapes(table);
    std::vector<std::string> keys;
    for (const auto& c : table.columns) keys.push_back(columnKey(c));
    j.beginArray("columns");
    for (const auto& key : keys) j.field(nullptr, key);
    j.endArray().beginArray("rows");
    for (const auto& row : table.rows) {
        j.beginObject();
        writeRowJson(j, view, table, shapes, row);
        j.endObject();
    }
    j.endArray();
}

std::string stanceName(graph::Stance s) {
    return s == graph::Stance::Denies ? "denies" : "asserts";
}

std::string edgeText(const GraphView& view, GraphView::Edge e) {
    queries::PathCell one{view.source(e), {{e, true}}};
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.2f", static_cast<double>(view.confidence(e)));
    return queries::routeText(view, one, false) + "  (confidence " + conf +
           (view.disputed(e) ? ", disputed" : "") + ")";
}

}  // namespace

// One CSV field (result_output.hpp): quoted when it holds a separator, a quote or a line break; a
// text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark;
// NUL and invalid UTF-8 (a lone surrogate a JSON escape let in) become U+FFFD.
std::string csvField(const std::string& text, bool isText) {
    std::string v = exporters::withValidUtf8(text);
    if (isText && !v.empty() &&
        (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
         v[0] == '\r')) {
        v.insert(v.begin(), '\'');
    }
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void addResultFormatOptions(CLI::App* command, ResultFormat& format) {
    command
        ->add_option("--format", format.format, "Output: table, json, jsonl (a row a line) or csv")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}));
    command->add_flag("--csv", format.csv, "The result table as CSV (--format csv)");
}

void addMaxMemoryOption(CLI::App* command, std::size_t& megabytes) {
    command
        ->add_option("--max-memory", megabytes,
                     "Memory the query may take, in MB (default 1024); past it the answer "
                     "stops, says where and is partial")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24));
}

int printResult(Context& ctx, const GraphView& view, const QueryResult& r, bool explain,
                const ResultFormat& format) {
    auto& store = ctx.store();
    std::string chosen = format.format;
    if (chosen.empty()) chosen = format.csv ? "csv" : ctx.json ? "json" : "table";
    if (chosen == "csv") {
        writeCsv(ctx.out, view, r.table);
        for (const auto& n : r.notes) ctx.err << "note: " << n << '\n';
        return kOk;
    }
    if (chosen == "jsonl") {
        auto shapes = columnShapes(r.table);
        for (const auto& row : r.table.rows) {
            JsonOut j;
            j.beginObject();
            writeRowJson(j, view, r.table, shapes, row);
            j.endObject().printLine(ctx.out);
        }
        for (const auto& n : r.notes) ctx.err << "note: " << n << '\n';
        return kOk;
    }
    if (chosen == "json") {
        JsonOut j;
        j.beginObject().field("query", r.kind).field("partial", r.partial);
        for (const auto& [key, flag] : r.flags) j.field(key.c_str(), flag);
        for (const auto& [key, value] : r.values) writeCellJson(j, view, key.c_str(), value);
        writeTableJson(j, view, r.table);
        if (!r.detail.columns.empty()) {
            j.beginObject("detail");
            writeTableJson(j, view, r.detail);
            j.endObject();
        }
        j.beginArray("notes");
        for (const auto& n : r.notes) j.field(nullptr, n);
        j.endArray();
        j.beginObject("subgraph").beginArray("nodes");
        for (auto v : r.subgraph.nodes) writeEntityJson(j, view, v);
        j.endArray().beginArray("edges");
        for (auto e : r.subgraph.edges) {
            j.beginObject().field("relation", static_cast<std::int64_t>(view.relationId(e)));
            j.field("type", view.relationTypeOf(e).name);
            j.field("source", view.key(view.source(e))).field("target", view.key(view.target(e)));
            j.field("directed", view.directed(e)).field("disputed", view.disputed(e));
            j.field("confidence", queries::decimal(view.confidence(e)));
            if (auto share = view.share(e)) {
                j.field("share_min", queries::decimal(share->first))
                    .field("share_max", queries::decimal(share->second));
            }
            if (explain) {
                j.beginArray("claims");
                for (const auto& c : store.claimsOfRelation(view.relationId(e))) {
                    j.beginObject().field("id", c.key).field("stance", stanceName(c.stance));
                    j.field("confidence", c.confidence).field("source", c.sourceKey);
                    j.textOrNull("published", c.sourcePublished).textOrNull("quote", c.quote);
                    j.field("file", c.file).field("line", c.line).endObject();
                }
                j.endArray();
            }
            j.endObject();
        }
        j.endArray().endObject().endObject();
        j.print(ctx.out);
        return kOk;
    }
    auto& o = ctx.out;
    if (!r.table.rows.empty()) printTable(o, view, r.table, ctx.tableWidth());
    if (!r.detail.rows.empty()) {
        o << '\n' << r.detailTitle << ":\n";
        printTable(o, view, r.detail, ctx.tableWidth());
    }
    for (const auto& n : r.notes) o << "note: " << n << '\n';
    if (explain && !r.subgraph.edges.empty()) {
        o << "\nclaims behind the " << r.subgraph.edges.size() << " relation(s) of the result:\n";
        for (auto e : r.subgraph.edges) {
            o << "  " << edgeText(view, e) << '\n';
            for (const auto& c : store.claimsOfRelation(view.relationId(e))) {
                o << "    " << stanceName(c.stance) << "  " << c.key << "  source " << c.sourceKey;
                if (!c.sourcePublished.empty()) o << " (" << c.sourcePublished << ")";
                o << '\n';
                if (!c.quote.empty()) o << "      \"" << c.quote << "\"\n";
            }
        }
    }
    return kOk;
}

}  // namespace cg::cli
