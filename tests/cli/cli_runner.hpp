// SPDX-License-Identifier: MIT
// Running the built claimgraph binary from a test, as a user runs it: one database in a
// directory of the test's own, standard output and error kept apart, the exit code.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>
#include <vector>

#include "tests/graph/temp_dir.hpp"

namespace cg::testing {

/// What one run of the binary gave.
struct CliOutcome {
    int code = -1;
    std::string out, err;
};

inline std::ostream& operator<<(std::ostream& os, const CliOutcome& r) {
    return os << "exit " << r.code << "\n--- stdout\n" << r.out << "--- stderr\n" << r.err;
}

/// `text` as one single-quoted shell word.
inline std::string shellWord(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Runs `claimgraph ARGS` through the shell (ARGS already shell-safe), standard error merged
/// into `out`, for tests that read what a user sees in a terminal.
inline CliOutcome claimgraph(const std::string& args) {
    CliOutcome r;
    std::string command = shellWord(CG_BINARY) + " " + args + " 2>&1";
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
        int status = ::pclose(pipe);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return r;
}

/// A test that runs the binary against a database in its own temporary directory. `run`
/// starts it in that directory with `--db db_` (set db_ in the constructor to change it),
/// standard input empty.
class CliTest : public ::testing::Test {
  protected:
    CliOutcome run(const std::vector<std::string>& args, bool json = false) const {
        std::string out = dir_.file("out.txt"), err = dir_.file("err.txt");
        std::string cmd = "cd " + shellWord(dir_.path().string()) + " && " + shellWord(CG_BINARY) +
                          " --db " + shellWord(db_) + (json ? " --json" : "");
        for (const auto& a : args) cmd += " " + shellWord(a);
        cmd += " >" + shellWord(out) + " 2>" + shellWord(err) + " </dev/null";
        int status = std::system(cmd.c_str());
        CliOutcome r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = readFile(out);
        r.err = readFile(err);
        return r;
    }

    /// The run's standard output as JSON; a parse error fails the test and shows the run.
    static rapidjson::Document parse(const CliOutcome& r) {
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        EXPECT_FALSE(d.HasParseError()) << "not JSON:\n" << r;
        return d;
    }

    /// Runs with --json, expects exit 0 and returns the parsed output.
    rapidjson::Document json(const std::vector<std::string>& args) const {
        CliOutcome r = run(args, true);
        EXPECT_EQ(r.code, 0) << r;
        return parse(r);
    }

    TempDir dir_;
    std::string db_ = dir_.file("case.claimgraph");
};

}  // namespace cg::testing
