// SPDX-License-Identifier: MIT
#include "export/neo4j_csv_writer.hpp"

#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "tests/export/export_fixture.hpp"

using cg::exporters::ExportInput;
using cg::exporters::Neo4jCsvWriter;
using namespace cg::exporters::testing;

namespace {

using Row = std::vector<std::string>;

// RFC 4180 as neo4j-admin reads it: quoted fields may hold commas, doubled quotes, newlines.
std::vector<Row> parseCsv(const std::string& text) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool inQuotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inQuotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                inQuotes = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            inQuotes = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    EXPECT_FALSE(inQuotes) << "unterminated quoted field";
    EXPECT_TRUE(field.empty() && row.empty()) << "last line has no newline";
    return rows;
}

const Row* rowWith(const std::vector<Row>& rows, std::size_t column, const std::string& value) {
    for (const auto& r : rows) {
        if (r.size() > column && r[column] == value) return &r;
    }
    return nullptr;
}

std::size_t columnOf(const Row& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    return static_cast<std::size_t>(it - header.begin());
}

}  // namespace

TEST(Neo4jCsvWriter, WritesTheImportHeaderLayout) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    auto files =
        Neo4jCsvWriter().writeTo(ExportInput{view, inv.store()}, inv.dir().path() / "neo4j");
    ASSERT_EQ(files.size(), 2u);
    auto nodes = parseCsv(readFile(inv.dir().path() / "neo4j" / "nodes.csv"));
    auto rels = parseCsv(readFile(inv.dir().path() / "neo4j" / "relationships.csv"));
    ASSERT_FALSE(nodes.empty());
    ASSERT_FALSE(rels.empty());
    EXPECT_EQ(nodes[0],
              (Row{"label", "entity_id:ID", "name", "type", "confidence:double", "source_count:int",
                   "source_ids:string[]", "first_seen", "last_seen", "disputed:boolean", "color",
                   "names", "aliases", "identifiers", "properties", ":LABEL"}));
    EXPECT_EQ(rels[0], (Row{":START_ID",
                            ":END_ID",
                            ":TYPE",
                            "label",
                            "weight:double",
                            "relation_id:long",
                            "type",
                            "confidence:double",
                            "support:int",
                            "source_count:int",
                            "source_ids:string[]",
                            "first_seen",
                            "last_seen",
                            "disputed:boolean",
                            "symmetric:boolean",
                            "share_min:double",
                            "share_max:double",
                            "valid_from:date",
                            "valid_to:date",
                            "stance",
                            "dispute:int",
                            "role",
                            "relationship",
                            "note",
                            "amount",
                            "currency",
                            "purpose",
                            "claim_ids:string[]",
                            "source_titles",
                            "source_urls",
                            "quotes",
                            "claims",
                            "relation_kind"}));
    EXPECT_EQ(nodes.size(), view.nodeCount() + 1);
    EXPECT_EQ(rels.size(), view.edgeCount() + 1);
    for (const auto& r : nodes) EXPECT_EQ(r.size(), nodes[0].size());
    for (const auto& r : rels) EXPECT_EQ(r.size(), rels[0].size());
}

TEST(Neo4jCsvWriter, NeutralisesFormulasTheSameWayInIdsAndReferences) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    Neo4jCsvWriter().writeTo(ExportInput{view, inv.store()}, inv.dir().path() / "neo4j");
    std::string nodesText = readFile(inv.dir().path() / "neo4j" / "nodes.csv");
    auto nodes = parseCsv(nodesText);
    auto rels = parseCsv(readFile(inv.dir().path() / "neo4j" / "relationships.csv"));
    const Row* evil = rowWith(nodes, 1, "'=evil-id");
    ASSERT_NE(evil, nullptr);
    EXPECT_EQ((*evil)[2], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    EXPECT_NE(nodesText.find("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
              std::string::npos);
    const Row* formula = rowWith(nodes, 1, "hx-formula");
    ASSERT_NE(formula, nullptr);
    EXPECT_EQ((*formula)[2], "'+1 @mention -minus");
    EXPECT_NE(rowWith(rels, 1, "'=evil-id"), nullptr) << "relationships point at the same id";
    for (const auto& r : nodes) {
        for (const auto& cell : r) {
            EXPECT_TRUE(cell.empty() || (cell[0] != '=' && cell[0] != '+' && cell[0] != '@'))
                << cell;
        }
    }
}

TEST(Neo4jCsvWriter, WritesTypedCellsAndLabels) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    Neo4jCsvWriter().writeTo(ExportInput{view, inv.store()}, inv.dir().path() / "neo4j");
    auto nodes = parseCsv(readFile(inv.dir().path() / "neo4j" / "nodes.csv"));
    auto rels = parseCsv(readFile(inv.dir().path() / "neo4j" / "relationships.csv"));
    const Row* evil = rowWith(nodes, 1, "'=evil-id");
    ASSERT_NE(evil, nullptr);
    EXPECT_EQ((*evil)[columnOf(nodes[0], ":LABEL")], "Company;Organization;Asset");
    const Row* banker = rowWith(nodes, 1, "hx-banker");
    ASSERT_NE(banker, nullptr);
    EXPECT_EQ((*banker)[columnOf(nodes[0], "source_ids:string[]")],
              "hx-leak;hx-registry;hx-undated");
    EXPECT_EQ((*banker)[columnOf(nodes[0], "disputed:boolean")], "true");
    int owns = 0;
    for (const auto& r : rels) {
        if (r[0] != "hx-banker" || r[2] != "OWNS") continue;
        ++owns;
        EXPECT_EQ(r[columnOf(rels[0], "share_min:double")], "25.0");
        EXPECT_EQ(r[columnOf(rels[0], "valid_from:date")], "2010-01-01");
        EXPECT_EQ(r[columnOf(rels[0], "valid_to:date")], "") << "open end: no property";
        EXPECT_EQ(r[columnOf(rels[0], "label")], "owns");
    }
    EXPECT_EQ(owns, 1);
    const Row* family = rowWith(rels, 2, "FAMILY_OF");
    ASSERT_NE(family, nullptr);
    EXPECT_EQ((*family)[columnOf(rels[0], "symmetric:boolean")], "true");
    EXPECT_EQ((*family)[columnOf(rels[0], "share_min:double")], "");
}

TEST(Neo4jCsvWriter, KeepsNewlinesInsideQuotedCells) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    Neo4jCsvWriter().writeTo(ExportInput{view, inv.store()}, inv.dir().path() / "neo4j");
    auto nodes = parseCsv(readFile(inv.dir().path() / "neo4j" / "nodes.csv"));
    const Row* lines = rowWith(nodes, 1, "hx-lines");
    ASSERT_NE(lines, nullptr);
    EXPECT_NE((*lines)[2].find("Tab\tand\nNew Line ]]> Holdings"), std::string::npos);
}

TEST(Neo4jCsvWriter, RefusesToWriteOneStream) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::ostringstream out;
    Neo4jCsvWriter writer;
    EXPECT_TRUE(writer.writesDirectory());
    EXPECT_THROW(writer.write(ExportInput{view, inv.store()}, out), cg::InputError);
}

TEST(Neo4jCsvWriter, RefusesADirectoryWhereAFileIs) {
    Investigation inv({hostileFile()});
    auto view = inv.view();
    std::string blocker = inv.dir().file("blocker");
    std::ofstream(blocker) << "x";
    EXPECT_THROW(Neo4jCsvWriter().writeTo(ExportInput{view, inv.store()}, blocker), cg::InputError);
}
