// SPDX-License-Identifier: MIT
// `claimgraph query ...`: parses options, builds the filtered view, runs one query from
// queries/ and prints its result as tables or JSON.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli/json_out.hpp"
#include "cli/progress_bar.hpp"
#include "cli/registry.hpp"
#include "cli/result_output.hpp"
#include "cli/table.hpp"
#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/view.hpp"
#include "queries/all_shortest_paths.hpp"
#include "queries/centrality.hpp"
#include "queries/centrality_estimate.hpp"
#include "queries/components.hpp"
#include "queries/cycles.hpp"
#include "queries/denials.hpp"
#include "queries/most_credible_path.hpp"
#include "queries/neighbourhood.hpp"
#include "queries/ownership.hpp"
#include "queries/red_flags.hpp"
#include "queries/shared_neighbours.hpp"
#include "queries/shortest_path.hpp"
#include "queries/simple_paths.hpp"
#include "resolve/database_entity_finder.hpp"
#include "resolve/entity_lookup.hpp"

namespace cg::cli {

namespace {

using graph::GraphView;
using queries::Cell;
using queries::QueryResult;
using queries::ResultTable;

// The filters every query takes, and whether to list the claims behind the result.
struct ViewArgs {
    std::string asOf;
    double minConfidence = 0;
    std::vector<std::string> types;
    std::vector<std::string> relations;
    std::vector<std::string> sources;
    bool explain = false;
    bool includeDenied = false;  // set by the queries that list denied relations
    std::size_t maxMemory = queries::MemoryBudget::kDefaultBytes >> 20;  // MB
    ResultFormat format;

    std::size_t maxMemoryBytes() const { return maxMemory << 20; }
};

void addViewOptions(CLI::App* cmd, ViewArgs& args) {
    cmd->add_option(
           "--as-of", args.asOf,
           "Only relations valid at this date (YYYY[-MM[-DD]]; a month or year keeps the relations "
           "valid at any time in it)")
        ->check(CLI::Validator(
            [](std::string& text) {
                std::string error;
                return graph::PartialDate::parse(text, &error) ? std::string() : error;
            },
            "DATE"));
    cmd->add_option("--min-confidence", args.minConfidence,
                    "Leave out relations whose confidence is below this (0 to 1)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--types", args.types,
                    "Only entities of these types and their subtypes (T,...)")
        ->delimiter(',');
    cmd->add_option("--relations", args.relations, "Only relations of these types (R,...)")
        ->delimiter(',');
    cmd->add_option("--sources", args.sources,
                    "Only relations supported by a claim from one of these sources (S,...)")
        ->delimiter(',');
    cmd->add_flag("--explain", args.explain,
                  "List the claims behind every relation of the result, with source and quote");
    addMaxMemoryOption(cmd, args.maxMemory);
    addResultFormatOptions(cmd, args.format);
}

GraphView buildView(Context& ctx, const ViewArgs& args) {
    graph::ViewFilter filter;
    filter.entityTypes = args.types;
    filter.relationTypes = args.relations;
    if (!args.asOf.empty()) {
        if (auto date = graph::PartialDate::parse(args.asOf)) filter.asOf = date->period();
    }
    filter.minConfidence = args.minConfidence;
    filter.sources = args.sources;
    filter.includeDenied = args.includeDenied;
    return GraphView::build(ctx.store(), ctx.schema(), filter);
}

graph::EntityId entityOf(Context& ctx, const std::string& text) {
    return resolve::findEntity(ctx.store(), text);
}

// Registers a query subcommand whose runner builds the view and prints what `query` returns.
template <typename Args>
void addQuery(CLI::App* group, Context& ctx, Registry& registry, const char* name,
              const char* description, std::shared_ptr<Args> args,
              const std::function<void(CLI::App*, Args&)>& options,
              const std::function<QueryResult(Context&, const GraphView&, const Args&)>& query) {
    auto* cmd = group->add_subcommand(name, description);
    options(cmd, *args);
    addViewOptions(cmd, args->view);
    registry.add(cmd, [&ctx, args, query] {
        GraphView view = buildView(ctx, args->view);
        return printResult(ctx, view, query(ctx, view, *args), args->view.explain,
                           args->view.format);
    });
}

struct PathArgs {
    ViewArgs view;
    std::string from, to;
    int maxHops = 0;
    bool all = false, credible = false, directed = false, viaPlaces = false;
    std::size_t limit = 100;
};

struct NeighbourArgs {
    ViewArgs view;
    std::string entity;
    int hops = 2;
    std::size_t cap = 50;
    bool directed = false, allEdges = false, viaPlaces = false;
};

struct OwnershipArgs {
    ViewArgs view;
    std::string entity;
    double threshold = 25;
    int maxDepth = 10;
    std::size_t chains = 10;
};

struct CycleArgs {
    ViewArgs view;
    std::size_t limit = 1000;
};

struct ComponentArgs {
    ViewArgs view;
    bool strong = false, viaPlaces = false;
    std::size_t minSize = 2, top = 50;
};

struct CentralityArgs {
    ViewArgs view;
    std::string metric = "degree";
    std::size_t top = 20;
    std::uint32_t samples = 0;
    std::uint64_t seed = 42;
    unsigned threads = 0;
    bool directed = false, viaPlaces = false;
};

struct SharedArgs {
    ViewArgs view;
    std::string via;
    std::size_t min = 2, top = 50;
};

struct DenialArgs {
    DenialArgs() { view.includeDenied = true; }
    ViewArgs view;
    std::vector<std::string> sides;
};

struct RedFlagArgs {
    ViewArgs view;
    std::size_t minCompanies = 5, minBoards = 5;
};

// Connection queries follow every kind of relation but location and mention, and never pass
// through a place or a position (queries::RelationSet::connections); this asks for them.
void addViaPlaces(CLI::App* cmd, bool& viaPlaces) {
    cmd->add_flag("--via-places", viaPlaces,
                  "Also follow location relations (located_in, registered_at) and pass through "
                  "places and positions");
}

queries::PathParams pathParams(Context& ctx, const PathArgs& a) {
    queries::PathParams p;
    p.from = entityOf(ctx, a.from);
    p.to = entityOf(ctx, a.to);
    p.maxHops = a.maxHops;
    p.directed = a.directed;
    p.limit = a.limit;
    p.viaPlaces = a.viaPlaces;
    p.maxMemory = a.view.maxMemoryBytes();
    return p;
}

}  // namespace

void addQueryCommands(CLI::App& app, Context& ctx, Registry& registry) {
    auto* group =
        app.add_subcommand("query",
                           "Ask the graph: paths, neighbourhoods, ownership, cycles, centrality, "
                           "components, shared neighbours, red flags");
    group->require_subcommand(1);
    group->footer(
        "Every query takes --as-of, --min-confidence, --types, --relations, --sources, "
        "--explain\n"
        "and --max-memory MB (1024 unless given): past it the answer stops, says where, and is\n"
        "partial (\"partial\": true in JSON);\n"
        "--json (before 'query') prints the result for scripts. ENTITY is an id or a name.\n"
        "path, paths, neighbours, components and centrality follow every relation but location\n"
        "(located_in, registered_at) and mention (reported_on), and never pass through a place\n"
        "or a position; --via-places, or naming a location relation in --relations, asks for\n"
        "them. Routes give each hop's confidence and mark weak and disputed hops.\n"
        "See docs/queries.md for what each query computes.");

    addQuery<PathArgs>(
        group, ctx, registry, "path",
        "Shortest path between two entities (or all shortest, or the most credible)",
        std::make_shared<PathArgs>(),
        [](CLI::App* cmd, PathArgs& a) {
            cmd->add_option("from", a.from, "Entity id or name")->required();
            cmd->add_option("to", a.to, "Entity id or name")->required();
            cmd->add_option("--max-hops", a.maxHops,
                            "At most this many hops (0: no limit; not for --credible)")
                ->check(CLI::NonNegativeNumber);
            cmd->add_flag("--all", a.all, "Every shortest path, not just one");
            cmd->add_flag("--credible", a.credible,
                          "The path whose claims are jointly the most credible");
            cmd->add_flag("--directed", a.directed, "Follow relations from subject to object only");
            cmd->add_option("--limit", a.limit, "With --all: at most this many paths")
                ->capture_default_str();
            addViaPlaces(cmd, a.viaPlaces);
        },
        [](Context& c, const GraphView& view, const PathArgs& a) {
            auto p = pathParams(c, a);
            if (a.credible) return queries::mostCrediblePath(view, p);
            if (a.all) return queries::allShortestPaths(view, p);
            return queries::shortestPath(view, p);
        });

    addQuery<PathArgs>(
        group, ctx, registry, "paths",
        "Every simple path between two entities up to a number of hops",
        std::make_shared<PathArgs>(),
        [](CLI::App* cmd, PathArgs& a) {
            cmd->add_option("from", a.from, "Entity id or name")->required();
            cmd->add_option("to", a.to, "Entity id or name")->required();
            cmd->add_option("--max-hops", a.maxHops, "At most this many hops")
                ->required()
                ->check(CLI::PositiveNumber);
            cmd->add_option("--limit", a.limit, "At most this many paths, shortest first")
                ->capture_default_str();
            cmd->add_flag("--directed", a.directed, "Follow relations from subject to object only");
            addViaPlaces(cmd, a.viaPlaces);
        },
        [](Context& c, const GraphView& view, const PathArgs& a) {
            return queries::simplePaths(view, pathParams(c, a));
        });

    addQuery<NeighbourArgs>(
        group, ctx, registry, "neighbours", "The entities within a few hops of one",
        std::make_shared<NeighbourArgs>(),
        [](CLI::App* cmd, NeighbourArgs& a) {
            cmd->add_option("entity", a.entity, "Entity id or name")->required();
            cmd->add_option("--hops", a.hops, "How far")
                ->capture_default_str()
                ->check(CLI::NonNegativeNumber);
            cmd->add_option(
                   "--cap", a.cap,
                   "At most this many new neighbours per entity, most credible first (0: all)")
                ->capture_default_str();
            cmd->add_flag("--directed", a.directed, "Follow relations from subject to object only");
            cmd->add_flag("--all-edges", a.allEdges,
                          "Subgraph with every relation among the entities found");
            addViaPlaces(cmd, a.viaPlaces);
        },
        [](Context& c, const GraphView& view, const NeighbourArgs& a) {
            queries::NeighbourhoodParams p;
            p.entity = entityOf(c, a.entity);
            p.hops = a.hops;
            p.cap = a.cap;
            p.directed = a.directed;
            p.allEdges = a.allEdges;
            p.viaPlaces = a.viaPlaces;
            p.maxMemory = a.view.maxMemoryBytes();
            return queries::neighbourhood(view, p);
        });

    auto ownershipOptions = [](CLI::App* cmd, OwnershipArgs& a) {
        cmd->add_option("entity", a.entity, "Entity id or name")->required();
        cmd->add_option("--threshold", a.threshold,
                        "Show those whose share can reach this percentage")
            ->capture_default_str()
            ->check(CLI::Range(0.0, 100.0));
        cmd->add_option("--max-depth", a.maxDepth, "Longest chain followed, in hops")
            ->capture_default_str()
            ->check(CLI::PositiveNumber);
        cmd->add_option("--chains", a.chains, "Chains listed per figure")->capture_default_str();
    };
    auto ownershipParams = [](Context& c, const OwnershipArgs& a) {
        queries::OwnershipParams p;
        p.entity = entityOf(c, a.entity);
        p.threshold = a.threshold;
        p.maxDepth = a.maxDepth;
        p.chainsPerOwner = a.chains;
        p.maxMemory = a.view.maxMemoryBytes();
        return p;
    };
    addQuery<OwnershipArgs>(
        group, ctx, registry, "owners",
        "Who ultimately owns an entity, with the chains behind each share",
        std::make_shared<OwnershipArgs>(), ownershipOptions,
        [ownershipParams](Context& c, const GraphView& view, const OwnershipArgs& a) {
            return queries::owners(view, ownershipParams(c, a));
        });
    addQuery<OwnershipArgs>(
        group, ctx, registry, "holdings",
        "What an entity ultimately owns, with the chains behind each share",
        std::make_shared<OwnershipArgs>(), ownershipOptions,
        [ownershipParams](Context& c, const GraphView& view, const OwnershipArgs& a) {
            return queries::holdings(view, ownershipParams(c, a));
        });

    addQuery<CycleArgs>(
        group, ctx, registry, "cycles",
        "Circular ownership: chains of owns and controls that come back",
        std::make_shared<CycleArgs>(),
        [](CLI::App* cmd, CycleArgs& a) {
            cmd->add_option("--limit", a.limit, "At most this many cycles")->capture_default_str();
        },
        [](Context&, const GraphView& view, const CycleArgs& a) {
            queries::CycleParams p;
            p.limit = a.limit;
            p.maxMemory = a.view.maxMemoryBytes();
            return queries::cycles(view, p);
        });

    addQuery<ComponentArgs>(
        group, ctx, registry, "components", "Groups of entities linked to each other",
        std::make_shared<ComponentArgs>(),
        [](CLI::App* cmd, ComponentArgs& a) {
            cmd->add_flag("--strong", a.strong,
                          "Strongly connected: following relations from subject to object");
            cmd->add_option("--min-size", a.minSize,
                            "List components of at least this many entities")
                ->capture_default_str();
            cmd->add_option("--top", a.top, "List at most this many components (0: all)")
                ->capture_default_str();
            addViaPlaces(cmd, a.viaPlaces);
        },
        [](Context&, const GraphView& view, const ComponentArgs& a) {
            queries::ComponentParams p;
            p.strong = a.strong;
            p.minSize = a.minSize;
            p.top = a.top;
            p.viaPlaces = a.viaPlaces;
            p.maxMemory = a.view.maxMemoryBytes();
            return queries::components(view, p);
        });

    addQuery<CentralityArgs>(
        group, ctx, registry, "centrality", "The most central entities by a measure",
        std::make_shared<CentralityArgs>(),
        [](CLI::App* cmd, CentralityArgs& a) {
            cmd->add_option("--metric,--measure", a.metric,
                            "One of: " + queries::centralityMetricList())
                ->capture_default_str()
                ->check(CLI::IsMember(
                    {"degree", "betweenness", "pagerank", "closeness", "harmonic", "eigenvector"}));
            cmd->add_option("--top", a.top, "Rows shown (0: every entity)")->capture_default_str();
            cmd->add_option("--samples", a.samples,
                            "Betweenness from this many sampled sources (0: exact)")
                ->capture_default_str();
            cmd->add_option("--seed", a.seed, "Seed of the betweenness sample")
                ->capture_default_str();
            cmd->add_option("--threads", a.threads,
                            "Worker threads for betweenness, closeness, harmonic and eigenvector "
                            "(0: every core)")
                ->capture_default_str();
            cmd->add_flag("--directed", a.directed, "Follow relations from subject to object only");
            addViaPlaces(cmd, a.viaPlaces);
        },
        [](Context& c, const GraphView& view, const CentralityArgs& a) {
            queries::CentralityParams p;
            p.metric = *queries::centralityMetric(a.metric);
            p.top = a.top;
            p.samples = a.samples;
            p.seed = a.seed;
            p.threads = a.threads;
            p.directed = a.directed;
            p.viaPlaces = a.viaPlaces;
            p.maxMemory = a.view.maxMemoryBytes();
            // A search per entity on a large view takes minutes to hours: say so before it
            // starts, suggest a sample, and show how far it is on a terminal.
            std::optional<ProgressBar> bar;
            auto estimate = queries::estimateCentrality(view, p);
            if (estimate && estimate->seconds > queries::slowQuerySeconds()) {
                c.err << "warning: " << queries::centralityWarning(view, p, *estimate) << '\n'
                      << std::flush;
                bar.emplace(a.metric, ProgressBar::Unit::Count, 0);
                p.progress = [&bar](std::uint64_t done, std::uint64_t total) {
                    bar->update(done, total);
                };
            }
            return queries::centrality(view, p);
        });

    addQuery<SharedArgs>(
        group, ctx, registry, "shared",
        "Entities sharing a neighbour through a relation (companies at one address)",
        std::make_shared<SharedArgs>(),
        [](CLI::App* cmd, SharedArgs& a) {
            cmd->add_option("--via", a.via,
                            "The relation type shared (registered_at, director_of, ...)")
                ->required();
            cmd->add_option("--min", a.min, "Smallest group listed")->capture_default_str();
            cmd->add_option("--top", a.top, "At most this many groups (0: all)")
                ->capture_default_str();
        },
        [](Context&, const GraphView& view, const SharedArgs& a) {
            queries::SharedParams p;
            p.via = a.via;
            p.minShared = a.min;
            p.top = a.top;
            p.maxMemory = a.view.maxMemoryBytes();
            return queries::sharedNeighbours(view, p);
        });

    addQuery<RedFlagArgs>(
        group, ctx, registry, "red-flags",
        "Addresses with many companies, people on many boards, owners holding over 100%",
        std::make_shared<RedFlagArgs>(),
        [](CLI::App* cmd, RedFlagArgs& a) {
            cmd->add_option("--min-companies", a.minCompanies,
                            "Flag an address with at least this many registered")
                ->capture_default_str();
            cmd->add_option("--min-boards", a.minBoards,
                            "Flag an entity on at least this many boards")
                ->capture_default_str();
        },
        [](Context&, const GraphView& view, const RedFlagArgs& a) {
            queries::RedFlagParams p;
            p.minCompanies = a.minCompanies;
            p.minDirectorships = a.minBoards;
            p.maxMemory = a.view.maxMemoryBytes();
            return queries::redFlags(view, p);
        });

    addQuery<DenialArgs>(
        group, ctx, registry, "denials",
        "Relations some claim denies, and the holdings the chains compute against a denial",
        std::make_shared<DenialArgs>(),
        [](CLI::App* cmd, DenialArgs& a) {
            cmd->add_option("--denying-types", a.sides,
                            "Only denials by entities of these types and their subtypes (T,...)")
                ->delimiter(',');
        },
        [](Context& context, const GraphView& view, const DenialArgs& a) {
            queries::DenialParams p;
            p.types = a.sides;
            p.maxMemory = a.view.maxMemoryBytes();
            return queries::denials(view, resolve::DatabaseEntityFinder(context.store()), p);
        });
}

}  // namespace cg::cli
