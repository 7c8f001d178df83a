// SPDX-License-Identifier: MIT
// claimgraph-bench: times claimgraph's operations in one process on a database built by
// `claimgraph ingest`, so that process start and the view build do not hide the algorithms.
// bench/run drives it; each operation prints one JSON line on stdout (seconds, peak resident
// memory during the operation, a summary for agreement checks) and, where the peers are
// compared value by value, writes its raw results (little-endian doubles or int32) to --out.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "export/export_graph.hpp"
#include "export/writer.hpp"
#include "graph/error.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "graph/view.hpp"
#include "queries/betweenness.hpp"
#include "queries/closeness.hpp"
#include "queries/components.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/ownership.hpp"
#include "queries/pagerank.hpp"
#include "queries/relation_set.hpp"
#include "queries/shortest_path.hpp"
#include "queries/simple_graph.hpp"
#include "queries/walk.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using cg::graph::GraphView;
using Node = GraphView::Node;

struct Options {
    std::string db;
    std::string out = ".";
    std::string seeds;   // lines "a b": path pairs; a: 2-hop centre; see bench/run
    std::string owned;   // lines "node": entities whose owners are traced
    std::string sample;  // lines "node": betweenness sources
    std::vector<std::string> ops;
    unsigned threads = 0;
    double pagerankTolerance = 1e-9;
    int pagerankIterations = 1000;
    std::size_t cap = 50;
    int warmup = 20;
};

// Peak resident memory since the last reset, in bytes. Linux: writing 5 to
// /proc/self/clear_refs resets VmHWM, so each operation gets its own peak.
void resetPeak() {
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
}

std::uint64_t peakBytes() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    }
    return 0;
}

// CPU seconds of the whole process (every thread), user and system.
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double cpuMark = 0;

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

template <typename T>
void writeBinary(const std::string& path, const std::vector<T>& values) {
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size() * sizeof(T)));
    if (!f) throw cg::Error(path + ": cannot write");
}

std::vector<std::vector<Node>> readRows(const std::string& path) {
    std::vector<std::vector<Node>> rows;
    std::ifstream f(path);
    if (!f) throw cg::Error(path + ": cannot read");
    std::string line;
    while (std::getline(f, line)) {
        std::istringstream in(line);
        std::vector<Node> row;
        long long v;
        while (in >> v) row.push_back(static_cast<Node>(v));
        if (!row.empty()) rows.push_back(std::move(row));
    }
    return rows;
}

// One JSON line: {"op": ..., "seconds": ..., "peak_bytes": ..., extra}.
void report(const std::string& op, double secs, const std::string& extra) {
    std::cout << "{\"op\":\"" << op << "\",\"seconds\":" << secs
              << ",\"cpu_seconds\":" << cpuSeconds() - cpuMark << ",\"peak_bytes\":" << peakBytes();
    if (!extra.empty()) std::cout << "," << extra;
    std::cout << "}" << std::endl;
}

std::string topNodes(const std::vector<double>& score, std::size_t k) {
    std::vector<Node> order(score.size());
    std::iota(order.begin(), order.end(), Node{0});
    k = std::min(k, order.size());
    std::partial_sort(
        order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
        [&](Node a, Node b) { return score[a] != score[b] ? score[a] > score[b] : a < b; });
    std::ostringstream s;
    s << "[";
    for (std::size_t i = 0; i < k; ++i) s << (i ? "," : "") << order[i];
    s << "]";
    return s.str();
}

std::string latencies(const std::vector<double>& each) {
    std::ostringstream s;
    s.precision(9);
    s << "\"queries\":" << each.size() << ",\"p50\":" << percentile(each, 0.5)
      << ",\"p99\":" << percentile(each, 0.99) << ",\"max\":" << percentile(each, 1.0);
    return s.str();
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "claimgraph-bench: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--db")
            o.db = next();
        else if (a == "--out")
            o.out = next();
        else if (a == "--seeds")
            o.seeds = next();
        else if (a == "--owned")
            o.owned = next();
        else if (a == "--sample")
            o.sample = next();
        else if (a == "--threads")
            o.threads = static_cast<unsigned>(std::stoul(next()));
        else if (a == "--pagerank-tolerance")
            o.pagerankTolerance = std::stod(next());
        else if (a == "--pagerank-iterations")
            o.pagerankIterations = std::stoi(next());
        else if (a == "--cap")
            o.cap = std::stoul(next());
        else if (a == "--ops") {
            std::string list = next();
            std::istringstream in(list);
            std::string op;
            while (std::getline(in, op, ',')) o.ops.push_back(op);
        } else {
            std::cerr
                << "usage: claimgraph-bench --db FILE --ops view,wcc,scc,pagerank,betweenness,"
                   "betweenness-sampled,harmonic,harmonic-sampled,paths,hop2,hop2-uncapped,owners-"
                   "trace,\n"
                   "  owners,export-graphml,export-json,view-nolabels\n"
                   "  [--out DIR] [--seeds FILE] [--owned FILE] [--sample FILE] [--threads N]\n"
                   "  [--pagerank-tolerance X] [--pagerank-iterations N] [--cap N]\n";
            std::exit(2);
        }
    }
    if (o.db.empty() || o.ops.empty()) {
        std::cerr << "claimgraph-bench: --db and --ops are required (--help)\n";
        std::exit(2);
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cg;
    Options opt = parse(argc, argv);
    std::cout.precision(9);
    try {
        graph::Schema schema = graph::Schema::defaults();
        graph::Store store(opt.db, false);

        // The view, with labels as the queries and exports use it; then once without labels
        // for the memory figure of the structure alone.
        resetPeak();
        cpuMark = cpuSeconds();
        auto t0 = Clock::now();
        GraphView view = GraphView::build(store, schema);
        auto t1 = Clock::now();
        std::size_t mismatched = 0;
        for (Node v = 0; v < view.nodeCount(); ++v) {
            char expected[16];
            std::snprintf(expected, sizeof expected, "e%u", static_cast<unsigned>(v));
            if (view.key(v) != expected) ++mismatched;
        }
        {
            std::ostringstream extra;
            extra << "\"nodes\":" << view.nodeCount() << ",\"edges\":" << view.edgeCount()
                  << ",\"memory_bytes\":" << view.memoryBytes()
                  << ",\"numbering_mismatches\":" << mismatched;
            report("view", seconds(t0, t1), extra.str());
        }
        if (mismatched) {
            std::cerr
                << "claimgraph-bench: " << mismatched
                << " nodes are not numbered as the generator numbered them (entity eN at node N); "
                   "the peers' results cannot be compared\n";
        }
        const Node n = view.nodeCount();
        const queries::RelationSet all;
        const queries::Walk undirected(view, all, false);
        const queries::Walk directed(view, all, true);

        for (const auto& op : opt.ops) {
            resetPeak();
            cpuMark = cpuSeconds();
            std::ostringstream extra;
            if (op == "view") {
                continue;  // reported above
            } else if (op == "view-nolabels") {
                graph::ViewFilter f;
                f.labels = false;
                auto a = Clock::now();
                GraphView bare = GraphView::build(store, schema, f);
                auto b = Clock::now();
                extra << "\"memory_bytes\":" << bare.memoryBytes();
                report(op, seconds(a, b), extra.str());
            } else if (op == "wcc" || op == "scc") {
                auto a = Clock::now();
                auto comp = queries::componentOf(view, all, op == "scc");
                auto b = Clock::now();
                std::uint32_t count =
                    comp.empty() ? 0 : *std::max_element(comp.begin(), comp.end()) + 1;
                std::vector<std::uint32_t> sizes(count, 0);
                for (auto c : comp) ++sizes[c];
                extra << "\"components\":" << count << ",\"largest\":" << (count ? sizes[0] : 0);
                report(op, seconds(a, b), extra.str());
            } else if (op == "pagerank") {
                auto a = Clock::now();
                queries::SimpleGraph g(directed, true);
                auto pr = queries::pageRank(g, 0.85, opt.pagerankTolerance, opt.pagerankIterations);
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-pagerank.f64", pr.score);
                extra << "\"iterations\":" << pr.iterations
                      << ",\"converged\":" << (pr.converged ? "true" : "false")
                      << ",\"top\":" << topNodes(pr.score, 10);
                report(op, seconds(a, b), extra.str());
            } else if (op == "betweenness" || op == "betweenness-sampled") {
                std::vector<Node> sample;
                if (op == "betweenness-sampled") {
                    for (auto& row : readRows(opt.sample)) sample.push_back(row[0]);
                }
                auto a = Clock::now();
                queries::SimpleGraph g(undirected, false);
                auto bc = queries::betweennessCentrality(g, op == "betweenness" ? nullptr : &sample,
                                                         opt.threads);
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-" + op + ".f64", bc);
                extra << "\"sources\":" << (op == "betweenness" ? n : sample.size())
                      << ",\"top\":" << topNodes(bc, 10);
                report(op, seconds(a, b), extra.str());
            } else if (op == "harmonic") {
                auto a = Clock::now();
                queries::SimpleGraph g(undirected, false);
                auto hc = queries::closenessCentrality(g, true, opt.threads);
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-harmonic.f64", hc);
                extra << "\"top\":" << topNodes(hc, 10);
                report(op, seconds(a, b), extra.str());
            } else if (op == "harmonic-sampled") {
                // One breadth-first search from each sampled node (closenessOf), as igraph's
                // harmonic_centrality(vertices=...) does.
                std::vector<Node> sample;
                for (auto& row : readRows(opt.sample)) sample.push_back(row[0]);
                auto a = Clock::now();
                queries::SimpleGraph g(undirected, false);
                auto hc = queries::closenessOf(g, sample, true, opt.threads);
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-harmonic-sampled.f64", hc);
                extra << "\"nodes\":" << sample.size();
                report(op, seconds(a, b), extra.str());
            } else if (op == "paths") {
                auto pairs = readRows(opt.seeds);
                for (int i = 0; i < opt.warmup && i < static_cast<int>(pairs.size()); ++i) {
                    (void)queries::shortestRoute(undirected, pairs[i][0], pairs[i][1]);
                }
                std::vector<double> each;
                std::vector<std::int32_t> lengths;
                auto a = Clock::now();
                for (const auto& p : pairs) {
                    auto q0 = Clock::now();
                    auto route = queries::shortestRoute(undirected, p[0], p[1]);
                    auto q1 = Clock::now();
                    each.push_back(seconds(q0, q1));
                    lengths.push_back(route ? static_cast<std::int32_t>(route->steps.size()) : -1);
                }
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-paths.i32", lengths);
                report(op, seconds(a, b), latencies(each));
            } else if (op == "hop2" || op == "hop2-uncapped") {
                auto pairs = readRows(opt.seeds);
                std::size_t cap = op == "hop2" ? opt.cap : 0;
                for (int i = 0; i < opt.warmup && i < static_cast<int>(pairs.size()); ++i) {
                    (void)queries::neighbourhoodOf(undirected, pairs[i][0], 2, cap);
                }
                std::vector<double> each;
                std::vector<std::int32_t> sizes;
                auto a = Clock::now();
                for (const auto& p : pairs) {
                    auto q0 = Clock::now();
                    auto found = queries::neighbourhoodOf(undirected, p[0], 2, cap);
                    auto q1 = Clock::now();
                    each.push_back(seconds(q0, q1));
                    sizes.push_back(static_cast<std::int32_t>(found.size()));
                }
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-" + op + ".i32", sizes);
                extra << latencies(each) << ",\"cap\":" << cap;
                report(op, seconds(a, b), extra.str());
            } else if (op == "owners-trace") {
                // The walk alone, as the Python reference does it: chains and figures, no table.
                auto targets = readRows(opt.owned);
                queries::OwnershipParams params;
                std::vector<double> each;
                std::vector<std::int32_t> figures;
                auto a = Clock::now();
                for (const auto& t : targets) {
                    auto q0 = Clock::now();
                    auto trace = queries::traceOwnership(view, t[0], true, params);
                    auto q1 = Clock::now();
                    each.push_back(seconds(q0, q1));
                    figures.push_back(static_cast<std::int32_t>(trace.figures.size()));
                }
                auto b = Clock::now();
                writeBinary(opt.out + "/claimgraph-owners.i32", figures);
                report(op, seconds(a, b), latencies(each));
            } else if (op == "owners") {
                auto targets = readRows(opt.owned);
                queries::OwnershipParams params;
                std::vector<double> each;
                std::size_t rows = 0;
                auto a = Clock::now();
                for (const auto& t : targets) {
                    params.entity = view.entityId(t[0]);
                    auto q0 = Clock::now();
                    auto result = queries::owners(view, params);
                    auto q1 = Clock::now();
                    each.push_back(seconds(q0, q1));
                    rows += result.table.rows.size();
                }
                auto b = Clock::now();
                extra << latencies(each) << ",\"rows\":" << rows;
                report(op, seconds(a, b), extra.str());
            } else if (op == "export-graphml" || op == "export-json") {
                std::string format = op.substr(7);
                std::string path = opt.out + "/claimgraph-export." + format;
                exporters::ExportInput input{view, store};
                std::ostringstream sink;
                auto a = Clock::now();
                auto summary = exporters::exportGraph(input, format, path, sink);
                auto b = Clock::now();
                std::ifstream f(path, std::ios::binary | std::ios::ate);
                extra << "\"bytes\":" << static_cast<long long>(f.tellg())
                      << ",\"nodes\":" << summary.nodes << ",\"edges\":" << summary.edges;
                report(op, seconds(a, b), extra.str());
                std::remove(path.c_str());
            } else {
                std::cerr << "claimgraph-bench: unknown operation '" << op << "'\n";
                return 2;
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "claimgraph-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
