// SPDX-License-Identifier: MIT
#include "cli/export_figures.hpp"

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "export/text_escape.hpp"

namespace cg::cli {

namespace {

using exporters::AttributeType;
using queries::Cell;
using queries::EntityCell;
using queries::PathCell;

std::string attributeName(const std::string& column) {
    std::string name = "query_";
    for (char c : column) name.push_back(c == ' ' || c == '-' ? '_' : c);
    return name;
}

bool isYesNo(const Cell& cell) {
    const auto* text = std::get_if<std::string>(&cell);
    return text && (*text == "yes" || *text == "no");
}

// The attribute type a column's cells fit: numbers if any is a number, integers if all
// numbers are, yes/no as booleans, else text; nothing when it holds no value to write.
std::optional<AttributeType> columnType(const queries::ResultTable& table, std::size_t c) {
    bool anyInteger = false, anyNumber = false, anyText = false, allYesNo = true, any = false;
    for (const auto& row : table.rows) {
        if (c >= row.size()) continue;
        const Cell& cell = row[c];
        if (std::holds_alternative<std::monostate>(cell)) continue;
        if (std::holds_alternative<PathCell>(cell)) return std::nullopt;
        // An entity named beside the row's own (via_control, denied_by) is written as its id.
        if (std::holds_alternative<EntityCell>(cell)) {
            anyText = true;
            allYesNo = false;
            any = true;
            continue;
        }
        any = true;
        anyInteger = anyInteger || std::holds_alternative<std::int64_t>(cell);
        anyNumber = anyNumber || std::holds_alternative<double>(cell);
        anyText = anyText || std::holds_alternative<std::string>(cell);
        allYesNo = allYesNo && isYesNo(cell);
    }
    if (!any) return std::nullopt;
    if (anyText) return allYesNo ? AttributeType::Boolean : AttributeType::String;
    return anyNumber ? AttributeType::Real : AttributeType::Long;
}

std::optional<std::size_t> firstColumnOf(const std::vector<Cell>& row, bool entity) {
    for (std::size_t c = 0; c < row.size(); ++c) {
        if (entity ? std::holds_alternative<EntityCell>(row[c])
                   : std::holds_alternative<PathCell>(row[c]))
            return c;
    }
    return std::nullopt;
}

exporters::FigureValue valueOf(const Cell& cell, AttributeType type, const graph::GraphView& view) {
    if (const auto* e = std::get_if<EntityCell>(&cell)) return std::string(view.key(e->node));
    if (const auto* n = std::get_if<std::int64_t>(&cell)) {
        if (type == AttributeType::Real) return static_cast<double>(*n);
        return *n;
    }
    if (const auto* x = std::get_if<double>(&cell)) return *x;
    const auto& text = std::get<std::string>(cell);
    if (type == AttributeType::Boolean) return text == "yes";
    return text;
}

// Collects a JSON array of arrays per edge, written once every row is seen.
class EdgeLists {
  public:
    void add(graph::GraphView::Edge edge, std::string item) {
        auto& list = lists_[edge];
        list += list.empty() ? "[" : ", ";
        list += item;
    }
    void write(exporters::QueryFigures& figures, const char* name) {
        if (lists_.empty()) return;
        auto attribute = figures.edgeAttribute(name, AttributeType::Json);
        for (auto& [edge, list] : lists_) figures.setEdge(edge, attribute, list + "]");
    }

  private:
    std::map<graph::GraphView::Edge, std::string> lists_;
};

std::string jsonText(std::string_view text) {
    std::string out;
    exporters::appendJsonString(out, text);
    return out;
}

}  // namespace

exporters::QueryFigures queryFigures(const queries::QueryResult& result,
                                     const graph::GraphView& view) {
    exporters::QueryFigures figures;
    const auto& table = result.table;

    // Node figures: one attribute per column that holds plain values.
    std::vector<std::optional<std::size_t>> attributes(table.columns.size());
    std::vector<AttributeType> types(table.columns.size(), AttributeType::String);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        // The node's type is written already.
        if (table.columns[c] == "type") continue;
        if (auto type = columnType(table, c)) {
            types[c] = *type;
            attributes[c] = figures.nodeAttribute(attributeName(table.columns[c]), *type);
        }
    }
    EdgeLists routes, cycles, chains;
    bool cycleTable = table.column("cycle").has_value();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (auto e = firstColumnOf(row, true)) {
            auto node = std::get<EntityCell>(row[*e]).node;
            for (std::size_t c = 0; c < row.size() && c < attributes.size(); ++c) {
                if (c == *e || !attributes[c] || std::holds_alternative<std::monostate>(row[c]))
                    continue;
                figures.setNode(node, *attributes[c], valueOf(row[c], types[c], view));
            }
        }
        if (auto p = firstColumnOf(row, false)) {
            std::int64_t number = static_cast<std::int64_t>(r) + 1;
            for (const auto& cell : row) {
                if (const auto* n = std::get_if<std::int64_t>(&cell)) {
                    number = *n;
                    break;
                }
            }
            const auto& route = std::get<PathCell>(row[*p]);
            for (std::size_t hop = 0; hop < route.steps.size(); ++hop) {
                auto edge = route.steps[hop].edge;
                routes.add(edge,
                           "[" + std::to_string(number) + ", " + std::to_string(hop + 1) + "]");
                if (cycleTable) cycles.add(edge, std::to_string(number));
            }
        }
    }
    routes.write(figures, "query_routes");
    if (cycleTable) {
        // A cycle's number is a bare integer, not a pair.
        figures.edgeAttribute("query_cycle_ids", AttributeType::Json);
        cycles.write(figures, "query_cycle_ids");
    }

    const auto& detail = result.detail;
    if (detail.column("claim")) {
        // Claims behind a relation (the denials' detail): each as an object on its edge.
        EdgeLists claims;
        for (const auto& row : detail.rows) {
            auto p = firstColumnOf(row, false);
            if (!p) continue;
            std::string item = "{";
            for (std::size_t c = 0; c < row.size() && c < detail.columns.size(); ++c) {
                if (c == *p) continue;
                item += (item.size() > 1 ? ", " : "") + jsonText(detail.columns[c]) + ": ";
                item += std::holds_alternative<std::monostate>(row[c])
                            ? std::string("null")
                            : jsonText(queries::cellText(view, row[c]));
            }
            item += "}";
            for (const auto& step : std::get<PathCell>(row[*p]).steps) claims.add(step.edge, item);
        }
        claims.write(figures, "query_claims");
        return figures;
    }
    auto chainColumn = detail.column("chain");
    for (const auto& row : detail.rows) {
        auto e = firstColumnOf(row, true);
        auto p = firstColumnOf(row, false);
        if (!e || !p) continue;
        auto node = std::get<EntityCell>(row[*e]).node;
        std::int64_t chain = 0;
        if (chainColumn && *chainColumn < row.size()) {
            if (const auto* n = std::get_if<std::int64_t>(&row[*chainColumn])) chain = *n;
        }
        const auto& route = std::get<PathCell>(row[*p]);
        for (std::size_t hop = 0; hop < route.steps.size(); ++hop) {
            chains.add(route.steps[hop].edge, "[" + jsonText(view.key(node)) + ", " +
                                                  std::to_string(chain) + ", " +
                                                  std::to_string(hop + 1) + "]");
        }
    }
    chains.write(figures, "query_chains");
    return figures;
}

std::vector<std::pair<std::string, std::string>> resultFacts(const queries::QueryResult& result,
                                                             const graph::GraphView& view) {
    std::vector<std::pair<std::string, std::string>> facts;
    for (const auto& [name, flag] : result.flags)
        facts.emplace_back("result." + name, flag ? "true" : "false");
    for (const auto& [name, cell] : result.values) {
        // What the export holds, never how long it took to compute on this machine.
        if (name == "estimated_seconds") continue;
        std::string text = "null";
        if (const auto* n = std::get_if<std::int64_t>(&cell)) {
            text = std::to_string(*n);
        } else if (const auto* x = std::get_if<double>(&cell)) {
            std::ostringstream out;
            out << *x;
            text = out.str();
        } else if (const auto* t = std::get_if<std::string>(&cell)) {
            text = *t;
        } else if (const auto* entity = std::get_if<EntityCell>(&cell)) {
            text = std::string(view.key(entity->node));
        }
        facts.emplace_back("result." + name, text);
    }
    return facts;
}

}  // namespace cg::cli
