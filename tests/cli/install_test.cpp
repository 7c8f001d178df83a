// SPDX-License-Identifier: MIT
// `cmake --install` puts the binary, its manual page and its bash completion under a prefix,
// and the two are written from the command tree, so they name every command --help names.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/cli_runner.hpp"

using cg::testing::claimgraph;
using cg::testing::contains;
using cg::testing::readFile;
using cg::testing::shellWord;
using cg::testing::TempDir;

namespace {

int shell(const std::string& command, std::string& out, const TempDir& dir) {
    std::string file = dir.file("shell.txt");
    int status = std::system((command + " >" + shellWord(file) + " 2>&1").c_str());
    out = readFile(file);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every command and subcommand `--help` lists, as "query owners".
std::vector<std::string> commandsInHelp() {
    std::vector<std::string> out;
    for (std::string group : {"", "query", "resolve"}) {
        auto help = claimgraph(group + " --help");
        auto at = help.out.find("Subcommands:");
        EXPECT_NE(at, std::string::npos) << help.out;
        std::size_t line = help.out.find('\n', at);
        while (line != std::string::npos && line + 1 < help.out.size()) {
            std::size_t end = help.out.find('\n', line + 1);
            std::string text = help.out.substr(line + 1, end - line - 1);
            line = end;
            if (text.rfind("  ", 0) != 0) break;
            std::string name = text.substr(2, text.find(' ', 2) - 2);
            out.push_back(group.empty() ? name : group + " " + name);
        }
    }
    return out;
}

}  // namespace

TEST(Install, PutsTheBinaryTheManualPageAndTheCompletionUnderThePrefix) {
    TempDir dir;
    std::string out;
    ASSERT_EQ(shell("cmake --install " + shellWord(CG_BUILD_DIR) + " --prefix " +
                        shellWord(dir.file("prefix")),
                    out, dir),
              0)
        << out;
    namespace fs = std::filesystem;
    fs::path prefix = dir.file("prefix");
    ASSERT_TRUE(fs::exists(prefix / "bin/claimgraph")) << out;
    ASSERT_TRUE(fs::exists(prefix / "share/man/man1/claimgraph.1")) << out;
    ASSERT_TRUE(fs::exists(prefix / "share/bash-completion/completions/claimgraph")) << out;
    ASSERT_EQ(shell(shellWord((prefix / "bin/claimgraph").string()) + " --version", out, dir), 0);
    EXPECT_TRUE(contains(out, "claimgraph 0.")) << out;
}

TEST(Install, TheManualPageDescribesEveryCommandAndReadsCleanly) {
    auto page = claimgraph("generate man");
    ASSERT_EQ(page.code, 0) << page.out;
    auto commands = commandsInHelp();
    ASSERT_GT(commands.size(), 20u);
    for (const auto& command : commands) {
        std::string heading = ".SS " + command;
        for (std::size_t i = 0; i < heading.size(); ++i) {
            if (heading[i] == '-') heading.replace(i++, 1, "\\-");
        }
        EXPECT_TRUE(contains(page.out, heading + "\n")) << command;
    }
    EXPECT_TRUE(contains(page.out, "\\-\\-threshold")) << "query owners' options are listed";
    EXPECT_TRUE(contains(page.out, ".SH EXIT STATUS"));
    // The same page twice: no date, nothing that changes between builds.
    EXPECT_EQ(claimgraph("generate man").out, page.out);
    TempDir dir;
    std::string out;
    if (shell("command -v groff", out, dir) != 0) GTEST_SKIP() << "groff not installed";
    std::string file = dir.write("claimgraph.1", page.out);
    EXPECT_EQ(shell("groff -man -ww -z " + shellWord(file), out, dir), 0) << out;
    EXPECT_EQ(out, "") << "groff warns about the page";
}

TEST(Install, TheBashCompletionCompletesCommandsOptionsAndValues) {
    auto script = claimgraph("generate bash-completion");
    ASSERT_EQ(script.code, 0);
    TempDir dir;
    std::string file = dir.write("claimgraph.bash", script.out);
    std::string driver = dir.write("driver.sh", R"(source "$1"
complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _claimgraph; echo "${COMPREPLY[*]}"; }
complete_line claimgraph sh
complete_line claimgraph query ow
complete_line claimgraph --db x.db query owners X --thr
complete_line claimgraph resolve no
complete_line claimgraph --js
complete -p claimgraph
)");
    std::string out;
    ASSERT_EQ(shell("bash " + shellWord(driver) + " " + shellWord(file), out, dir), 0) << out;
    EXPECT_EQ(out,
              "show\n"
              "owners\n"
              "--threshold\n"
              "not-same\n"
              "--json\n"
              "complete -o filenames -F _claimgraph claimgraph\n");
}
