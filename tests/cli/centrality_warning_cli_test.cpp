// SPDX-License-Identifier: MIT
// Exact centrality says how long it will take before it starts, and shows progress on a
// terminal only (issue 23, point 5). CLAIMGRAPH_SLOW_QUERY_SECONDS=0 makes a small graph count
// as slow, so that no test waits for a slow one.
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"

namespace {

class CentralityWarning : public cg::testing::CliTest {
  protected:
    void SetUp() override {
        std::string claims = R"({"source": {"id": "s", "title": "t", "kind": "other"}})"
                             "\n";
        for (int i = 0; i < 40; ++i) {
            claims +=
                R"({"id": "c)" + std::to_string(i) +
                R"(", "source": "s", "subject": {"type": "Company", "name": "Co )" +
                std::to_string(i) +
                R"("}, "relation": "associate_of", "object": {"type": "Company", "name": "Co )" +
                std::to_string((i + 1) % 40) + R"("}})" + "\n";
        }
        ASSERT_EQ(run({"ingest", dir_.write("ring.claims.jsonl", claims)}).code, 0);
    }
    void TearDown() override { unsetenv("CLAIMGRAPH_SLOW_QUERY_SECONDS"); }

    // Runs claimgraph on a pseudo-terminal; standard output and error come back together.
    std::string onTerminal(const std::vector<std::string>& args) const {
        std::vector<std::string> all{CG_BINARY, "--db", db_};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        int terminal = -1;
        pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
        if (pid < 0) {
            ADD_FAILURE() << "forkpty failed: errno " << errno;
            return {};
        }
        if (pid == 0) {
            execv(argv[0], argv.data());
            _exit(127);
        }
        std::string out;
        char buffer[4096];
        for (;;) {
            ssize_t n = read(terminal, buffer, sizeof buffer);
            if (n > 0) {
                out.append(buffer, static_cast<std::size_t>(n));
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else {
                break;  // EIO: the program has exited
            }
        }
        close(terminal);
        int status = 0;
        waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
        return out;
    }
};

TEST_F(CentralityWarning, ASlowExactBetweennessSaysSoBeforeItStartsAndSuggestsASample) {
    setenv("CLAIMGRAPH_SLOW_QUERY_SECONDS", "0", 1);
    auto r = run({"query", "centrality", "--metric", "betweenness", "--top", "1"});
    EXPECT_EQ(r.code, 0) << r;
    EXPECT_NE(r.err.find("warning: exact betweenness over 40 entities and 40 relations will take "
                         "about less than 1 s; --samples "),
              std::string::npos)
        << r;
    EXPECT_NE(r.err.find(" estimates it in about "), std::string::npos) << r;
    // Standard error is a file here: no progress bar, no carriage return or escape.
    EXPECT_EQ(r.err.find('\r'), std::string::npos) << r;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r;
    auto harmonic = run({"query", "centrality", "--metric", "harmonic"});
    EXPECT_NE(harmonic.err.find("warning: exact harmonic closeness over 40 entities"),
              std::string::npos)
        << harmonic;
}

TEST_F(CentralityWarning, AQuickOneOrOneThatNeedsNoSearchPerEntitySaysNothing) {
    auto quick = run({"query", "centrality", "--metric", "betweenness"});
    EXPECT_EQ(quick.code, 0) << quick;
    EXPECT_EQ(quick.err, "") << quick;
    setenv("CLAIMGRAPH_SLOW_QUERY_SECONDS", "0", 1);
    for (const char* metric : {"degree", "pagerank", "eigenvector"}) {
        auto r = run({"query", "centrality", "--metric", metric});
        EXPECT_EQ(r.err.find("warning"), std::string::npos) << metric << "\n" << r;
    }
}

TEST_F(CentralityWarning, JsonCarriesTheEstimate) {
    auto d = json({"query", "centrality", "--metric", "closeness"});
    ASSERT_TRUE(d.HasMember("estimated_seconds"));
    EXPECT_TRUE(d["estimated_seconds"].IsNumber());
    EXPECT_GT(d["estimated_seconds"].GetDouble(), 0);
    auto degree = json({"query", "centrality"});
    EXPECT_FALSE(degree.HasMember("estimated_seconds"));
}

TEST_F(CentralityWarning, OnATerminalTheSearchesDoneAreShownAndThenErased) {
    setenv("CLAIMGRAPH_SLOW_QUERY_SECONDS", "0", 1);
    std::string out = onTerminal(
        {"query", "centrality", "--metric", "betweenness", "--top", "1", "--threads", "1"});
    EXPECT_NE(out.find("warning: exact betweenness over 40 entities"), std::string::npos) << out;
    EXPECT_NE(out.find("betweenness ["), std::string::npos) << out;
    EXPECT_NE(out.find("/40"), std::string::npos) << out;
    EXPECT_NE(out.find("\r\x1b[K"), std::string::npos) << out;
    // Without the warning there is no bar either.
    unsetenv("CLAIMGRAPH_SLOW_QUERY_SECONDS");
    std::string quiet = onTerminal({"query", "centrality", "--metric", "betweenness"});
    EXPECT_EQ(quiet.find("betweenness ["), std::string::npos) << quiet;
}

}  // namespace
