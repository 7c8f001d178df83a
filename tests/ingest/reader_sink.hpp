// SPDX-License-Identifier: MIT
// What the format readers' tests share: a sink that keeps everything a reader produces, the
// paths of the test data, and a store in a directory of its own for end-to-end checks.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/ingest.hpp"
#include "ingest/reader.hpp"

namespace cg::testing {

/// Keeps the sources, claims and rejections a reader produces, in order.
class ReaderSink : public ingest::RecordSink {
  public:
    void source(graph::Source&& s, const std::string&, std::int64_t) override {
        sources.push_back(std::move(s));
    }
    void claim(graph::Claim&& c) override { claims.push_back(std::move(c)); }
    void reject(graph::Rejection&& r) override { rejections.push_back(std::move(r)); }

    /// The claim with this key, or null.
    const graph::Claim* find(const std::string& key) const {
        for (const auto& c : claims) {
            if (c.key == key) return &c;
        }
        return nullptr;
    }
    /// The rejection at this line whose reason contains `text`, or null.
    const graph::Rejection* rejection(std::int64_t line, const std::string& text = "") const {
        for (const auto& r : rejections) {
            if (r.line == line && r.reason.find(text) != std::string::npos) return &r;
        }
        return nullptr;
    }
    std::size_t count(const std::string& relationOrProperty) const {
        std::size_t n = 0;
        for (const auto& c : claims)
            n += (c.relation == relationOrProperty || c.property == relationOrProperty);
        return n;
    }

    std::vector<graph::Source> sources;
    std::vector<graph::Claim> claims;
    std::vector<graph::Rejection> rejections;
};

/// Runs a reader over `text` as if it were the file `file`.
inline ReaderSink readText(ingest::Reader& reader, const std::string& text,
                           const std::string& file = "test.input") {
    ReaderSink sink;
    std::istringstream in(text);
    reader.read(in, file, sink);
    return sink;
}

/// Runs a reader over a file.
inline ReaderSink readFile(ingest::Reader& reader, const std::string& path) {
    ReaderSink sink;
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    reader.read(in, path, sink);
    return sink;
}

/// A test data file of this repository (tests/data/...).
inline std::string dataFile(const std::string& relative) {
    return std::string(CG_TEST_DATA) + "/" + relative;
}

/// A fixture of ../shared/fixtures, or an empty string when the folder is absent.
inline std::string sharedFixture(const std::string& relative) {
    std::string path = std::string(CG_SHARED_DIR) + "/fixtures/" + relative;
    return std::filesystem::exists(path) ? path : std::string();
}

/// A claimgraph database in a directory of its own, removed with it.
class ScratchStore {
  public:
    ScratchStore() {
        static std::atomic<unsigned> counter{0};
        dir_ =
            std::filesystem::temp_directory_path() /
            ("claimgraph-readers-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        store_ = std::make_unique<graph::Store>((dir_ / "test.claimgraph").string());
    }
    ~ScratchStore() {
        store_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    ScratchStore(const ScratchStore&) = delete;
    ScratchStore& operator=(const ScratchStore&) = delete;

    graph::Store& store() { return *store_; }
    const graph::Schema& schema() const { return schema_; }

    /// Ingests a file as the CLI does; `format` may be "auto".
    ingest::IngestSummary ingest(const std::string& path, const std::string& format,
                                 const std::string& mapping = "") {
        ingest::IngestOptions options;
        options.format = format;
        options.mapping = mapping;
        return ingest::ingestFile(*store_, schema_, path, options);
    }
    /// Writes a file next to the database and returns its path.
    std::string write(const std::string& name, const std::string& content) {
        std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

  private:
    std::filesystem::path dir_;
    graph::Schema schema_ = graph::Schema::defaults();
    std::unique_ptr<graph::Store> store_;
};

}  // namespace cg::testing
