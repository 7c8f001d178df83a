// SPDX-License-Identifier: MIT
// Shared by the query tests: generated investigations ingested into a temporary store, the
// view's edge list written for networkx, and the reference script run on it.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "graph/view.hpp"
#include "ingest/ingest.hpp"
#include "queries/result.hpp"
#include "tests/graph/temp_dir.hpp"

namespace cg::testing {

/// One generated relation claim between nodes `a` and `b` (indexes into the node list).
struct GenEdge {
    int a = 0;
    int b = 0;
    std::string type;
    double confidence = 1;
    std::optional<std::pair<double, double>> share;
};

/// A temporary investigation: the claims written as JSON Lines, ingested, and viewed.
class Investigation {
  public:
    /// `nodes` companies named N0.. with ids n0.., linked by `edges`.
    Investigation(int nodes, const std::vector<GenEdge>& edges)
        : schema_(graph::Schema::defaults()) {
        std::ostringstream out;
        out << R"({"source": {"id": "gen", "title": "generated", "kind": "other"}})" << '\n';
        for (int i = 0; i < nodes; ++i) {
            out << R"({"id": "p)" << i << R"(", "source": "gen", "subject": )" << ref(i)
                << R"(, "property": "status", "value": "active"})" << '\n';
        }
        int id = 0;
        for (const auto& e : edges) {
            out << R"({"id": "c)" << id++ << R"(", "source": "gen", "subject": )" << ref(e.a)
                << R"(, "relation": ")" << e.type << R"(", "object": )" << ref(e.b)
                << R"(, "confidence": )" << e.confidence;
            if (e.share) {
                out << R"(, "attributes": {"share_min": )" << e.share->first << R"(, "share_max": )"
                    << e.share->second << "}";
            }
            out << "}\n";
        }
        load(dir_.write("generated.claims.jsonl", out.str()));
    }

    /// Ingests an existing claims file (a sample).
    explicit Investigation(const std::string& claimsFile) : schema_(graph::Schema::defaults()) {
        load(claimsFile);
    }

    graph::Store& store() { return *store_; }
    const graph::Schema& schema() const { return schema_; }
    const graph::GraphView& view() const { return *view_; }
    const TempDir& dir() const { return dir_; }

    /// Rebuilds the view with a filter.
    void rebuild(const graph::ViewFilter& filter) {
        view_ =
            std::make_unique<graph::GraphView>(graph::GraphView::build(*store_, schema_, filter));
        index_.clear();
    }

    /// The node of an entity id text ("n42"); fails the test when absent.
    graph::GraphView::Node node(const std::string& key) {
        if (index_.empty()) {
            for (graph::GraphView::Node v = 0; v < view_->nodeCount(); ++v)
                index_[view_->key(v)] = v;
        }
        auto it = index_.find(key);
        EXPECT_NE(it, index_.end()) << key;
        return it == index_.end() ? graph::GraphView::kNoNode : it->second;
    }

    /// The entity id behind a name, for query parameters.
    graph::EntityId entity(const std::string& key) { return view_->entityId(node(key)); }

    /// The view as JSON for nx_reference.py: node keys and every edge with its attributes
    /// (confidences as the view computes with them, shares as decimal() reads them).
    std::string graphJson() const {
        const auto& v = *view_;
        std::ostringstream out;
        out.precision(17);
        out << R"({"nodes": [)";
        for (graph::GraphView::Node n = 0; n < v.nodeCount(); ++n)
            out << (n ? "," : "") << '"' << v.key(n) << '"';
        out << R"(], "edges": [)";
        for (graph::GraphView::Edge e = 0; e < v.edgeCount(); ++e) {
            out << (e ? "," : "") << "[\"" << v.key(v.source(e)) << "\",\"" << v.key(v.target(e))
                << "\",\"" << v.relationTypeOf(e).name << "\","
                << (v.directed(e) ? "true" : "false") << ',' << static_cast<double>(v.confidence(e))
                << ',';
            if (auto s = v.share(e)) {
                out << queries::decimal(s->first) << ',' << queries::decimal(s->second);
            } else {
                out << "null,null";
            }
            out << ']';
        }
        out << "]}";
        return out.str();
    }

  private:
    static std::string ref(int i) {
        return R"({"id": "n)" + std::to_string(i) + R"(", "type": "Company", "name": "N)" +
               std::to_string(i) + R"("})";
    }
    void load(const std::string& claimsFile) {
        store_ = std::make_unique<graph::Store>(dir_.file("test.claimgraph"), true);
        ingest::IngestOptions options;
        auto summary = ingest::ingestFile(*store_, schema_, claimsFile, options);
        EXPECT_EQ(summary.rejected, 0)
            << (summary.firstRejections.empty() ? "" : summary.firstRejections[0].reason);
        rebuild({});
    }

    TempDir dir_;
    graph::Schema schema_;
    std::unique_ptr<graph::Store> store_;
    std::unique_ptr<graph::GraphView> view_;
    std::map<std::string, graph::GraphView::Node> index_;
};

/// Random relations among `nodes` companies: about `edges` of them, of mixed types, with
/// random confidences and (for owns and controls) exact, banded or missing shares.
inline std::vector<GenEdge> randomEdges(int nodes, int edges, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    const char* types[] = {"owns",         "owns", "controls", "director_of",
                           "associate_of", "paid", "linked_to"};
    std::vector<GenEdge> out;
    for (int i = 0; i < edges; ++i) {
        GenEdge e;
        e.a = pick(nodes);
        e.b = pick(nodes);
        if (e.a == e.b) continue;
        e.type = types[pick(7)];
        e.confidence = (30 + pick(71)) / 100.0;
        if (e.type == "owns" || e.type == "controls") {
            int kind = pick(3);
            if (kind == 0) {
                double s = 1 + pick(100);
                e.share = std::make_pair(s, s);
            } else if (kind == 1) {
                double lo = pick(60);
                e.share = std::make_pair(lo, lo + 1 + pick(40));
            }
        }
        out.push_back(e);
    }
    return out;
}

/// True when python3 with networkx can run.
inline bool haveNetworkx() {
    static int state = -1;
    if (state < 0) state = std::system("python3 -c 'import networkx' >/dev/null 2>&1") == 0 ? 1 : 0;
    return state == 1;
}

/// Runs nx_reference.py on the investigation's view and a task; returns its JSON answer.
inline rapidjson::Document networkx(const Investigation& inv, const std::string& taskJson) {
    std::string graphFile = inv.dir().write("graph.json", inv.graphJson());
    std::string taskFile = inv.dir().write("task.json", taskJson);
    std::string command =
        "python3 " CG_SOURCE_DIR "/tests/queries/nx_reference.py " + graphFile + " " + taskFile;
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buf[65536];
        std::size_t n;
        while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
        EXPECT_EQ(pclose(pipe), 0) << command;
    }
    rapidjson::Document doc;
    doc.Parse(output.c_str());
    EXPECT_FALSE(doc.HasParseError()) << "networkx answer is not JSON: " << output.substr(0, 200);
    return doc;
}

/// Writes a JSON value built with a rapidjson writer callback, as text.
template <typename Fn>
std::string json(Fn&& fn) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    fn(writer);
    return buffer.GetString();
}

/// The relative difference of two numbers, 0 when both are 0.
inline double relativeDifference(double a, double b) {
    double scale = std::max(std::abs(a), std::abs(b));
    return scale == 0 ? 0 : std::abs(a - b) / scale;
}

}  // namespace cg::testing

#define CG_REQUIRE_NETWORKX() \
    if (!::cg::testing::haveNetworkx()) GTEST_SKIP() << "python3 with networkx is not available"
