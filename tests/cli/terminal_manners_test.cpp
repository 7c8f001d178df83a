// SPDX-License-Identifier: MIT
// On a terminal (a pseudo-terminal made by util-linux's `script`), tables fit its width
// without cutting the ids a command needs, --wide prints them whole, and an ingest's summary
// starts on a line of its own after the progress bar. In pipes nothing is cut.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/table.hpp"
#include "tests/cli/cli_runner.hpp"

using namespace cg::testing;

namespace {

constexpr const char* kScript = "/usr/bin/script";
const std::string kLongId = "company/a-long-identifier-for-a-company-registered-offshore";
const std::string kLongName =
    "The Extraordinarily Long Named Holding Company of the Imaginary Islands Limited";

class TerminalManners : public CliTest {
  protected:
    void SetUp() override {
        if (!std::filesystem::exists(kScript))
            GTEST_SKIP() << kScript << " (util-linux) is missing";
        std::ofstream out(dir_.file("long.claims.jsonl"));
        out << R"x({"source": {"id": "registry", "title": "Registry extract (fictional)"}})x"
            << '\n'
            << R"x({"id": "c1", "source": "registry", "subject": {"type": "Company", "id": ")x"
            << kLongId << R"x(", "name": ")x" << kLongName
            << R"x("}, "relation": "owns", "object": {"type": "Company", "name": "Target Ltd"}})x"
            << '\n';
    }

    // What `claimgraph ARGS` prints on a terminal `columns` wide, carriage returns removed.
    std::string onTerminal(const std::string& args, int columns) const {
        std::string command = "stty cols " + std::to_string(columns) + "; cd " +
                              shellWord(dir_.path().string()) + " && " + shellWord(CG_BINARY) +
                              " --db " + shellWord(db_) + " " + args;
        auto r = CliOutcome{};
        std::string out = dir_.file("tty.txt");
        int status = std::system((std::string(kScript) + " -qec " + shellWord(command) +
                                  " /dev/null > " + shellWord(out) + " 2>&1 </dev/null")
                                     .c_str());
        EXPECT_EQ(status, 0);
        std::string text = readFile(out), clean;
        for (char c : text) {
            if (c != '\r') clean += c;
        }
        return clean;
    }
};

std::size_t widestLine(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    std::size_t widest = 0;
    while (std::getline(lines, line)) widest = std::max(widest, cg::cli::displayWidth(line));
    return widest;
}

TEST_F(TerminalManners, TablesFitTheTerminalWithoutCuttingIds) {
    ASSERT_EQ(run({"ingest", dir_.file("long.claims.jsonl")}).code, 0);
    auto narrow = onTerminal("entities", 100);
    EXPECT_LE(widestLine(narrow), 100u) << narrow;
    EXPECT_TRUE(contains(narrow, kLongId)) << narrow;
    EXPECT_FALSE(contains(narrow, kLongName)) << narrow;
    EXPECT_TRUE(contains(narrow, "…")) << narrow;

    auto wide = onTerminal("--wide entities", 100);
    EXPECT_TRUE(contains(wide, kLongName)) << wide;

    // In a pipe every cell is whole.
    auto piped = run({"entities"});
    EXPECT_TRUE(contains(piped.out, kLongName)) << piped;
}

TEST_F(TerminalManners, IngestAndExportSummariesStartOnALineOfTheirOwnAfterTheProgressBar) {
    // Over a megabyte, so that the bar is drawn.
    {
        std::ofstream out(dir_.file("big.claims.jsonl"));
        out << R"x({"source": {"id": "registry", "title": "Registry extract (fictional)"}})x"
            << '\n';
        for (int i = 0; i < 12000; ++i) {
            out << R"x({"id": "b)x" << i
                << R"x(", "source": "registry", "subject": {"type": "Company", "name": "Holder )x"
                << i % 500
                << R"x( Ltd"}, "relation": "owns", "object": {"type": "Company", "name": "Target )x"
                << i << R"x( Ltd"}, "quote": "a quote long enough to pass a megabyte in all"})x"
                << '\n';
        }
    }
    ASSERT_GT(std::filesystem::file_size(dir_.file("big.claims.jsonl")), 1u << 20);
    auto text = onTerminal("ingest big.claims.jsonl", 100);
    auto summary = text.find("big.claims.jsonl (claims): accepted 12000");
    ASSERT_NE(summary, std::string::npos) << text;
    // The bar was drawn, then erased ("\033[K") before the summary was printed.
    EXPECT_TRUE(contains(text, "ingest big.claims.jsonl [")) << text;
    ASSERT_GE(summary, 3u);
    EXPECT_EQ(text.substr(summary - 3, 3), "\033[K") << text.substr(0, summary + 40);

    // A large export shows its bar too, erased before its summary; a pipe gets no bar.
    auto exported = onTerminal("export --format graphml --out big.graphml", 100);
    EXPECT_TRUE(contains(exported, "export graphml [")) << exported;
    auto done = exported.find("exported ");
    ASSERT_NE(done, std::string::npos) << exported;
    ASSERT_GE(done, 3u);
    EXPECT_EQ(exported.substr(done - 3, 3), "\033[K") << exported;
    auto piped = run({"export", "--format", "graphml", "--out", dir_.file("piped.graphml")});
    EXPECT_EQ(piped.code, 0) << piped;
    EXPECT_FALSE(contains(piped.err, "[")) << piped.err;
}

TEST_F(TerminalManners, ResolveSuggestShowsItsProgressBarErasedBeforeTheResults) {
    // 300 companies of one name in one block: 44,850 pairs to score, enough for the bar.
    {
        std::ofstream out(dir_.file("alike.claims.jsonl"));
        out << R"x({"source": {"id": "registry", "title": "Registry extract (fictional)"}})x"
            << '\n';
        for (int i = 0; i < 300; ++i) {
            out << R"x({"id": "a)x" << i
                << R"x(", "source": "registry", "subject": {"type": "Company", "id": "alike-)x" << i
                << R"x(", "name": "Golden Sands Holding Ltd"}, "relation": "owns", "object": )x"
                << R"x({"type": "Company", "id": "target-)x" << i << R"x(", "name": "Target )x" << i
                << R"x( Ltd"}})x" << '\n';
        }
    }
    ASSERT_EQ(run({"ingest", dir_.file("alike.claims.jsonl")}).code, 0);
    // One name shared by all is a common name: a low minimum lets the pairs through.
    auto text = onTerminal("resolve suggest --max-block 400 --min-score 0.3 --limit 3", 200);
    EXPECT_TRUE(contains(text, "resolve suggest [")) << text;
    // The bar was erased ("\033[K") and the table starts right after it.
    auto erased = text.rfind("\033[K");
    ASSERT_NE(erased, std::string::npos) << text;
    EXPECT_EQ(text.substr(erased + 3, 5), "score") << text;
    EXPECT_TRUE(contains(text.substr(erased), "Golden Sands Holding Ltd")) << text;

    // Into a pipe, no bar: standard error stays empty.
    auto piped =
        run({"resolve", "suggest", "--max-block", "400", "--min-score", "0.3", "--limit", "3"});
    EXPECT_EQ(piped.code, 0) << piped;
    EXPECT_TRUE(contains(piped.out, "Golden Sands Holding Ltd")) << piped.out;
    EXPECT_FALSE(contains(piped.err, "resolve suggest [")) << piped.err;
}

}  // namespace
