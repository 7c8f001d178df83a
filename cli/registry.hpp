// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <utility>
#include <vector>

#include "cli/context.hpp"

namespace cg::cli {

/// The leaf commands of the command line and what each runs. Every command group adds its
/// subcommands and runners in its own file, so groups never edit each other's code.
class Registry {
  public:
    using Runner = std::function<int()>;

    /// Registers the runner for a leaf subcommand (`stats`, or `path` under `query`).
    void add(CLI::App* command, Runner run) { runners_.emplace_back(command, std::move(run)); }

    /// The runner of the leaf command that was parsed, or nothing.
    Runner* parsed() {
        for (auto& [command, run] : runners_) {
            if (command->parsed()) return &run;
        }
        return nullptr;
    }

  private:
    std::vector<std::pair<CLI::App*, Runner>> runners_;
};

/// `init`, `ingest`, `stats`, `sources`, `entities`, `show`, `explain`, `rejections`.
void addCoreCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `resolve suggest | merge | not-same | split | undo | list`.
void addResolveCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `retract --source ID | --file PATH | --list | --undo [ID]`.
void addRetractCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `export --format graphml|gexf|json|cytoscape|neo4j` with the view's filters.
void addExportCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `view ENTITY [--hops N] [--out FILE]`: the HTML view of an entity's neighbourhood.
void addViewCommand(CLI::App& app, Context& ctx, Registry& registry);

/// `query path | paths | neighbours | owners | holdings | cycles | components | centrality |
/// shared | red-flags | denials`, one per query kind, and `query kinds`.
void addQueryCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `search TEXT`: full-text search across the evidence (graph/search.hpp).
void addSearchCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `report ENTITY [--format html|md] [--out FILE] [--hops N]`: an entity's dossier.
void addReportCommands(CLI::App& app, Context& ctx, Registry& registry);

/// `query save | list | show | run | delete`: saved queries; call after addQueryCommands.
void addSavedQueryCommands(CLI::App& app, Context& ctx, Registry& registry);

}  // namespace cg::cli
