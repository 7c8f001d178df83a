// SPDX-License-Identifier: MIT
// Safe output: names with markup, quotes, control characters, lone surrogates, SQL and formula
// openers, and very long names go through ingest into every exporter and the CLI's --csv, and
// come out as well-formed XML, valid JSON and CSV that keeps its columns and runs no formula.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "graph/utf8.hpp"
#include "ingest/csv_parser.hpp"
#include "tests/graph/temp_dir.hpp"
#include "tests/reliability/child_process.hpp"

using cg::testing::readFile;
using cg::testing::runChild;
using cg::testing::RunResult;
using cg::testing::TempDir;

namespace {

const std::string kBinary = CG_BINARY;

// Names as JSON string literals (escapes as the claims file holds them) and as the
// investigator means them, where the store keeps them as given.
struct Hostile {
    std::string json;
    std::string text;  ///< empty when the name cannot come out unchanged (lone surrogate)
};

const std::string kLong(4000, 'L');

std::vector<Hostile> hostileNames() {
    return {
        {R"(<script>alert(\"x\")</script> & Sons 'Ltd')",
         R"(<script>alert("x")</script> & Sons 'Ltd')"},
        {R"(]]><!-- -->&amp;&#0; <b>Bold</b>)", R"(]]><!-- -->&amp;&#0; <b>Bold</b>)"},
        {R"(Ctrl\u0001\u0008Name\u000b\u001f\u007f Ltd)", ""},
        {R"(Lone \udc00 Surrogate Ltd)", ""},
        {R"(=HYPERLINK(\"http://evil.example\",\"click\"))",
         R"(=HYPERLINK("http://evil.example","click"))"},
        {R"(+SUM(1,2) Holdings)", "+SUM(1,2) Holdings"},
        {R"(-2+3 Trust)", "-2+3 Trust"},
        {R"(@cmd Partners)", "@cmd Partners"},
        {R"(x'); DROP TABLE claims; --)", "x'); DROP TABLE claims; --"},
        {R"(Line\nbreak, \"quoted\", comma)", "Line\nbreak, \"quoted\", comma"},
        {kLong, kLong},
    };
}

// Each hostile entity owns a share of one hub company, so that every one of them appears in
// every export and in the centrality results.
std::string hostileClaims(const TempDir& dir) {
    std::ostringstream out;
    out << R"({"source": {"id": "hostile", "title": "<Leak> & \"friends\"", "kind": "leak"}})"
        << '\n';
    int i = 0;
    for (const auto& h : hostileNames()) {
        ++i;
        out << R"({"id": "h)" << i
            << R"(", "source": "hostile", "subject": {"type": "Company", "id": "hostile-)" << i
            << R"(", "name": ")" << h.json
            << R"("}, "relation": "owns", "object": {"type": "Company", "name": "Hub Co"}, "quote": "=1+1 <q>", "confidence": 0.9})"
            << '\n';
    }
    return dir.write("hostile.claims.jsonl", out.str());
}

class SafeOutput : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = dir_.file("hostile.claimgraph");
        RunResult r = runChild(dir_, {kBinary, "--db", db_, "ingest", hostileClaims(dir_)});
        ASSERT_EQ(r.code, 0) << r.err;
        ASSERT_NE(r.out.find("accepted " + std::to_string(hostileNames().size()) + ", rejected 0"),
                  std::string::npos)
            << r.out << r.err;
    }

    std::string exportTo(const std::string& format, const std::string& name) {
        std::string out = dir_.file(name);
        RunResult r =
            runChild(dir_, {kBinary, "--db", db_, "export", "--format", format, "--out", out});
        EXPECT_EQ(r.code, 0) << r.err;
        return out;
    }

    TempDir dir_;
    std::string db_;
};

bool hasNul(const std::string& text) { return text.find('\0') != std::string::npos; }

// Every text cell of a CSV file: the header's width in every row, valid UTF-8, and no cell a
// spreadsheet would run as a formula.
void expectSafeCsv(const std::string& path, std::size_t minRows) {
    std::string text = readFile(path);
    ASSERT_FALSE(text.empty()) << path;
    EXPECT_TRUE(cg::graph::isValidUtf8(text)) << path;
    EXPECT_FALSE(hasNul(text)) << path;
    std::istringstream in(text);
    cg::ingest::CsvParser parser(in);
    cg::ingest::CsvRow row;
    std::size_t width = 0;
    std::size_t rows = 0;
    while (parser.next(row)) {
        EXPECT_TRUE(row.error.empty()) << path << ":" << row.line << ": " << row.error;
        if (rows++ == 0) {
            width = row.fields.size();
            continue;
        }
        EXPECT_EQ(row.fields.size(), width) << path << ":" << row.line;
        for (const auto& f : row.fields) {
            if (f.empty()) continue;
            bool number = f.find_first_not_of("0123456789.-eE") == std::string::npos &&
                          f.find_first_of("0123456789") != std::string::npos;
            if (number) continue;
            EXPECT_EQ(std::string("=+-@\t\r").find(f[0]), std::string::npos)
                << path << ":" << row.line << ": formula cell " << f.substr(0, 60);
        }
    }
    EXPECT_GE(rows, minRows) << path;
}

void expectWellFormedXml(const std::string& path) {
    std::string text = readFile(path);
    EXPECT_TRUE(cg::graph::isValidUtf8(text)) << path;
    EXPECT_FALSE(hasNul(text)) << path;
    EXPECT_EQ(text.find("<script>"), std::string::npos) << path;
    EXPECT_NE(text.find("&lt;script&gt;"), std::string::npos) << path;
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "xmllint is not installed (scripts/install-deps.sh installs it)";
    }
    std::string cmd = "xmllint --noout '" + path + "' 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << path << " is not well-formed XML";
}

// The names a JSON export holds, read back by a validating parser.
void expectValidJsonWithNames(const std::string& path) {
    std::string text = readFile(path);
    EXPECT_TRUE(cg::graph::isValidUtf8(text)) << path;
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
    ASSERT_FALSE(doc.HasParseError()) << path << ": invalid JSON at " << doc.GetErrorOffset();
    for (const auto& h : hostileNames()) {
        if (h.text.empty()) continue;
        std::string escaped;
        for (char c : h.text) {
            if (c == '"' || c == '\\') escaped += '\\';
            if (c == '\n') {
                escaped += "\\n";
                continue;
            }
            escaped += c;
        }
        EXPECT_NE(text.find(escaped), std::string::npos)
            << path << " lacks " << h.text.substr(0, 40);
    }
}

TEST_F(SafeOutput, GraphmlIsWellFormed) { expectWellFormedXml(exportTo("graphml", "x.graphml")); }

TEST_F(SafeOutput, GexfIsWellFormed) { expectWellFormedXml(exportTo("gexf", "x.gexf")); }

TEST_F(SafeOutput, NodeLinkJsonIsValidAndKeepsNames) {
    expectValidJsonWithNames(exportTo("json", "x.json"));
}

TEST_F(SafeOutput, CytoscapeJsonIsValidAndKeepsNames) {
    expectValidJsonWithNames(exportTo("cytoscape", "x.cyjs"));
}

TEST_F(SafeOutput, Neo4jCsvKeepsColumnsAndRunsNoFormula) {
    std::string dir = exportTo("neo4j", "neo4j");
    expectSafeCsv(dir + "/nodes.csv", hostileNames().size() + 2);
    expectSafeCsv(dir + "/relationships.csv", hostileNames().size() + 1);
}

TEST_F(SafeOutput, QueryCsvKeepsColumnsAndRunsNoFormula) {
    RunResult r = runChild(dir_, {kBinary, "--db", db_, "query", "run",
                                  CG_SOURCE_DIR "/samples/queries/central-actors.json", "--param",
                                  "metric=degree", "--param", "top=50", "--csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string path = dir_.write("central.csv", r.out);
    expectSafeCsv(path, hostileNames().size() + 2);
    // The formula-like names are there, behind an apostrophe.
    EXPECT_NE(r.out.find("'=HYPERLINK("), std::string::npos) << r.out.substr(0, 2000);
    EXPECT_NE(r.out.find("'@cmd Partners"), std::string::npos);
}

TEST_F(SafeOutput, SqlInNamesIsStoredAsText) {
    SQLite::Database d(db_, SQLite::OPEN_READONLY);
    EXPECT_EQ(d.execAndGet("PRAGMA integrity_check").getString(), "ok");
    SQLite::Statement q(d, "SELECT count(*) FROM entities WHERE name = ?");
    q.bind(1, "x'); DROP TABLE claims; --");
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt(), 1);
    EXPECT_EQ(d.execAndGet("SELECT count(*) FROM claims").getInt(),
              static_cast<int>(hostileNames().size()));
    RunResult r = runChild(dir_, {kBinary, "--db", db_, "show", "x'); DROP TABLE claims; --"});
    EXPECT_EQ(r.code, 0) << r.err;
}

}  // namespace
