// SPDX-License-Identifier: MIT
// The sample saved queries through the built binary: each output against its expected file
// in tests/data/saved-queries/, and a saved query's result exported and read by networkx.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/graph/temp_dir.hpp"

namespace {

const std::string kSource = CG_SOURCE_DIR;

// Runs the binary with `args` (already shell-safe) in `dir`; returns the exit code and fills `out`.
int claimgraph(const cg::testing::TempDir& dir, const std::string& args, std::string& out) {
    std::string file = dir.file("out.txt");
    std::string cmd = "cd '" + dir.path().string() + "' && '" + std::string(CG_BINARY) +
                      "' --db test.claimgraph " + args + " > '" + file + "' 2>&1 < /dev/null";
    int status = std::system(cmd.c_str());
    out = cg::testing::readFile(file);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class SampleQueries : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string out;
        ASSERT_EQ(claimgraph(dir_,
                             "ingest '" + kSource + "/samples/seed-article.claims.jsonl' '" +
                                 kSource + "/samples/fictional-ownership.claims.jsonl'",
                             out),
                  0)
            << out;
    }
    cg::testing::TempDir dir_;
};

}  // namespace

TEST_F(SampleQueries, EachOutputMatchesItsExpectedFile) {
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kSource + "/samples/queries")) {
        if (entry.path().extension() != ".json") continue;
        std::string name = entry.path().stem().string();
        std::string out;
        ASSERT_EQ(claimgraph(dir_, "query save '" + entry.path().string() + "'", out), 0) << out;
        ASSERT_EQ(claimgraph(dir_, "query run " + name, out), 0) << out;
        std::string expectedPath = kSource + "/tests/data/saved-queries/" + name + ".txt";
        ASSERT_TRUE(std::filesystem::exists(expectedPath)) << "no expected output for " << name;
        EXPECT_EQ(out, cg::testing::readFile(expectedPath))
            << "query " << name << " differs from " << expectedPath;
        // Running the file directly gives the same answer as running it saved.
        std::string direct;
        ASSERT_EQ(claimgraph(dir_, "query run '" + entry.path().string() + "'", direct), 0)
            << direct;
        EXPECT_EQ(direct, out);
        ++checked;
    }
    EXPECT_GE(checked, 6);
}

TEST_F(SampleQueries, AResultExportedAsGraphmlOpensInNetworkx) {
    if (std::system("python3 -c 'import networkx' > /dev/null 2>&1") != 0)
        GTEST_SKIP() << "python3 with networkx not found";
    std::string out;
    ASSERT_EQ(
        claimgraph(
            dir_,
            "export --query '" + kSource +
                "/samples/queries/ultimate-owners.json' --param threshold=10 --format graphml "
                "--out owners.graphml",
            out),
        0)
        << out;
    std::string script = "import networkx as nx; g = nx.read_graphml('" +
                         dir_.file("owners.graphml") +
                         "'); labels = sorted(d['label'] for _, d in g.nodes(data=True)); "
                         "print(g.number_of_nodes(), g.number_of_edges(), "
                         "'Marisol Vantongeren' in labels, 'Opaline Bay Casino & Hotel' in labels)";
    std::string py = dir_.file("py.txt");
    ASSERT_EQ(std::system(("python3 -c \"" + script + "\" > '" + py + "' 2>&1").c_str()), 0)
        << cg::testing::readFile(py);
    // Eleven owners and companies on the chains above 10%, joined by eleven ownership links,
    // and the foundation Marisol Vantongeren controls (via_control), with its `controls` and
    // its 25% of Corvane.
    EXPECT_EQ(cg::testing::readFile(py), "12 13 True True\n");
}

TEST_F(SampleQueries, TheDenialsNameTheDenyingClaimItsSourceAndQuote) {
    const std::string quote =
        "M.V. (via counsel): 'Ms Vantongeren has never held any interest in Kestrel Meridian'";
    const std::string title =
        "Lantern Papers leak (fictional; invented for testing, not real people or companies)";
    std::string out;
    ASSERT_EQ(claimgraph(dir_, "query denials", out), 0) << out;
    for (const std::string& part : {std::string("fx-051 (fx-lantern-leak)"),
                                    std::string("the denying claims:"), title, quote}) {
        EXPECT_NE(out.find(part), std::string::npos) << part << " not in\n" << out;
    }
    ASSERT_EQ(claimgraph(dir_, "--json query denials", out), 0) << out;
    EXPECT_NE(out.find("\"denied_by\": \"fx-051 (fx-lantern-leak)\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"source_title\": \"" + title + "\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"quote\": \"" + quote + "\""), std::string::npos) << out;
    // Exported, the denied edge carries the denying claims as the query computed them.
    for (const std::string format : {"graphml", "json"}) {
        ASSERT_EQ(claimgraph(dir_,
                             "export --query '" + kSource +
                                 "/samples/queries/official-denials.json' --format " + format +
                                 " --out denials." + format,
                             out),
                  0)
            << out;
        std::string text = cg::testing::readFile(dir_.file("denials." + format));
        EXPECT_NE(text.find("query_claims"), std::string::npos) << format;
        EXPECT_NE(text.find("Lantern Papers leak (fictional; invented for testing"),
                  std::string::npos)
            << format;
        EXPECT_NE(text.find("Ms Vantongeren has never held any interest in Kestrel Meridian"),
                  std::string::npos)
            << format;
        EXPECT_NE(text.find("fx-051 (fx-lantern-leak)"), std::string::npos) << format;
    }
}

TEST_F(SampleQueries, SavingANewVersionKeepsTheHistory) {
    std::string out;
    std::string v1 = kSource + "/samples/queries/shared-addresses.json";
    ASSERT_EQ(claimgraph(dir_, "query save '" + v1 + "'", out), 0) << out;
    std::string text = cg::testing::readFile(v1);
    text.replace(text.find("\"version\": 1"), 12, "\"version\": 2");
    std::string v2 = dir_.write("shared-addresses.json", text);
    ASSERT_EQ(claimgraph(dir_, "query save '" + v2 + "'", out), 0) << out;
    ASSERT_EQ(claimgraph(dir_, "query show shared-addresses", out), 0) << out;
    EXPECT_NE(out.find("version 2"), std::string::npos) << out;
    EXPECT_NE(out.find("versions: 1"), std::string::npos) << out;
    // The same version with another text is refused: claims and queries are both immutable.
    text.replace(text.find("\"min\": {"), 8, "\"min\":  {");
    std::string changed = dir_.write("changed.json", text);
    EXPECT_EQ(claimgraph(dir_, "query save '" + changed + "'", out), 1) << out;
    EXPECT_NE(out.find("already stored with another text"), std::string::npos) << out;
    ASSERT_EQ(claimgraph(dir_, "query delete shared-addresses", out), 0) << out;
    EXPECT_EQ(claimgraph(dir_, "query run shared-addresses", out), 1) << out;
    EXPECT_NE(out.find("no saved query 'shared-addresses'"), std::string::npos) << out;
}
