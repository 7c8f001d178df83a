// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace cg::cli {

/// The manual page claimgraph(1) in roff (man's `-man` macros), written from the command tree
/// itself: every command with its description, arguments and options as `--help` shows them,
/// then the exit codes, the environment and where to read more. No date, so that a build
/// writes the same page every time.
std::string manualPage(const CLI::App& app);

/// A bash completion script for claimgraph, from the command tree: commands and subcommands
/// by position, each command's options (with the main program's, which every command takes),
/// and file names for the arguments and options that take a value.
std::string bashCompletion(const CLI::App& app);

/// Adds the hidden command `claimgraph generate man|bash-completion`, which prints the two
/// above (the build writes them beside the binary, and `cmake --install` installs them).
class Registry;
void addGenerateCommand(CLI::App& app, Registry& registry);

}  // namespace cg::cli
