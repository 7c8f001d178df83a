// SPDX-License-Identifier: MIT
// End to end: the claimgraph binary ingests samples/ and exports them in every format.
#include <gtest/gtest.h>

#include "tests/export/export_fixture.hpp"

using namespace cg::exporters::testing;

namespace {

class ExportCommand : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string files;
        for (const auto& f : sampleFiles()) files += " " + shellQuote(f);
        auto r = claimgraph("ingest" + files);
        ASSERT_EQ(r.status, 0) << r.output;
    }

    CommandResult claimgraph(const std::string& args) {
        return runCommand(shellQuote(CG_BINARY) + " --db " +
                          shellQuote(dir_.file("demo.claimgraph")) + " " + args);
    }
    std::string file(const std::string& name) const { return dir_.file(name); }

  private:
    TempDir dir_;
};

}  // namespace

TEST_F(ExportCommand, WritesEveryFormatToAFile) {
    for (const auto& [format, name] :
         std::vector<std::pair<std::string, std::string>>{{"graphml", "g.graphml"},
                                                          {"gexf", "g.gexf"},
                                                          {"json", "g.json"},
                                                          {"cytoscape", "g.cyjs"}}) {
        auto r = claimgraph("export --format " + format + " --out " + shellQuote(file(name)));
        EXPECT_EQ(r.status, 0) << r.output;
        EXPECT_NE(r.output.find("exported "), std::string::npos) << r.output;
        EXPECT_GT(std::filesystem::file_size(file(name)), 1000u) << format;
    }
    auto r = claimgraph("export --format neo4j --out " + shellQuote(file("neo4j")));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(file("neo4j") + "/nodes.csv"));
    EXPECT_TRUE(std::filesystem::exists(file("neo4j") + "/relationships.csv"));
}

TEST_F(ExportCommand, WritesToStandardOutputByDefault) {
    auto r = runCommand(shellQuote(CG_BINARY) + " -q --db " + shellQuote(file("demo.claimgraph")) +
                        " export --format json 2>/dev/null");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.output.rfind("{\"directed\": true, \"multigraph\": true", 0), 0u)
        << r.output.substr(0, 200);
}

TEST_F(ExportCommand, AppliesTheFilters) {
    auto all = claimgraph("--json export --format json --out " + shellQuote(file("all.json")));
    auto people = claimgraph(
        "--json export --format json --types Person --min-confidence 0.5 --as-of 2024-01-01 "
        "--out " +
        shellQuote(file("people.json")));
    ASSERT_EQ(all.status, 0) << all.output;
    ASSERT_EQ(people.status, 0) << people.output;
    EXPECT_NE(all.output.find("\"nodes\""), std::string::npos) << all.output;
    EXPECT_NE(all.output, people.output) << "the summaries count fewer nodes";
    std::string text = readFile(file("people.json"));
    EXPECT_EQ(text.find("\"type\": \"Company\""), std::string::npos);
}

TEST_F(ExportCommand, RejectsBadOptionsWithUsageErrors) {
    EXPECT_EQ(claimgraph("export --format dot").status, 2);
    EXPECT_EQ(claimgraph("export").status, 2);
    EXPECT_EQ(claimgraph("export --format json --as-of 2022-02-30").status, 2);
    EXPECT_EQ(claimgraph("export --format json --min-confidence 2").status, 2);
    auto r = claimgraph("export --format neo4j");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("--out: the neo4j format writes a directory"), std::string::npos)
        << r.output;
    r = claimgraph("export --format json --types Compnay");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("unknown entity type 'Compnay'"), std::string::npos) << r.output;
}
