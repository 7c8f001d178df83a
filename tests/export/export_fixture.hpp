// SPDX-License-Identifier: MIT
// Shared by the export tests: a store built from claims files in a directory of its own, and
// helpers to export it and to run the command-line tools that read exports back.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "export/writer_factory.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "graph/view.hpp"
#include "ingest/ingest.hpp"

namespace cg::exporters::testing {

/// A fresh directory under the system temporary directory, removed with its content.
class TempDir {
  public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("claimgraph-export-test-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++) + "-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

/// The whole content of a file, byte for byte.
inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The claims files under samples/, sorted.
inline std::vector<std::string> sampleFiles() {
    std::vector<std::string> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(CG_SOURCE_DIR) + "/samples")) {
        std::string name = entry.path().filename().string();
        if (name.size() > 13 && name.ends_with(".claims.jsonl"))
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The fixture of hostile names: quotes, markup, controls, right-to-left text, emoji, formulas.
inline std::string hostileFile() {
    return std::string(CG_TEST_DATA) + "/export/hostile.claims.jsonl";
}

/// An investigation database built from claims files, with the default schema.
class Investigation {
  public:
    explicit Investigation(const std::vector<std::string>& files)
        : schema_(graph::Schema::defaults()),
          store_(std::make_unique<graph::Store>(dir_.file("test.claimgraph"))) {
        for (const auto& f : files) {
            auto summary = ingest::ingestFile(*store_, schema_, f, ingest::IngestOptions{});
            EXPECT_EQ(summary.rejected, 0)
                << f << ": "
                << (summary.firstRejections.empty() ? std::string()
                                                    : summary.firstRejections.front().reason);
        }
    }

    graph::Store& store() { return *store_; }
    const graph::Schema& schema() const { return schema_; }
    const TempDir& dir() const { return dir_; }
    graph::GraphView view(const graph::ViewFilter& filter = {}) {
        return graph::GraphView::build(*store_, schema_, filter);
    }

    /// The bytes a writer produces for `view` (and `subgraph` when given).
    std::string exportAs(const std::string& format, const graph::GraphView& view,
                         const graph::Subgraph* subgraph = nullptr) {
        std::ostringstream out;
        makeWriter(format)->write(ExportInput{view, *store_, subgraph}, out);
        return out.str();
    }

  private:
    TempDir dir_;
    graph::Schema schema_;
    std::unique_ptr<graph::Store> store_;
};

/// The result of running a command: its exit status (-1 when it could not run) and output.
struct CommandResult {
    int status = -1;
    std::string output;
};

/// Runs a shell command, capturing standard output and error together.
inline CommandResult runCommand(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    int raw = ::pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return result;
}

/// True when `tool` is a command on the PATH.
inline bool haveTool(const std::string& tool) {
    return runCommand("command -v " + tool + " >/dev/null").status == 0;
}

/// Single quotes for the shell.
inline std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

/// The folder of the shared fixtures (schemas), or empty when it is absent.
inline std::string sharedFixtures() {
    std::string dir = std::string(CG_SHARED_DIR) + "/fixtures";
    return std::filesystem::is_directory(dir) ? dir : std::string();
}

}  // namespace cg::exporters::testing
