// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace cg::cli {

/// What to say after a bad command line: for a command or option name the command tree does
/// not know, the nearest known one ("unknown command 'shwo'; did you mean 'show'?"), a line
/// each, then how to list what is there. `args` are the arguments after the program name.
/// Empty when every command and option name is known.
std::string commandLineHint(const CLI::App& app, const std::vector<std::string>& args);

/// The name among `known` closest to `typed` by edits (letters added, dropped, changed or two
/// swapped), if it is close enough to be a slip: at most one edit for names of up to four
/// letters, two up to eight, three beyond; or `typed` is the start of exactly one name.
std::string nearestName(const std::string& typed, const std::vector<std::string>& known);

}  // namespace cg::cli
