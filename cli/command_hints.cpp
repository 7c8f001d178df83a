// SPDX-License-Identifier: MIT
#include "cli/command_hints.hpp"

#include <algorithm>
#include <cstddef>

namespace cg::cli {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions.
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::vector<std::string> subcommandNames(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

const CLI::App* subcommandNamed(const CLI::App& app, const std::string& name) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (sub->get_name() == name) return sub;
    }
    return nullptr;
}

// Long option names ("--db") of a command and, since options fall through, of its parents.
std::vector<std::string> optionNames(const CLI::App* app) {
    std::vector<std::string> names;
    for (; app; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            for (const auto& name : option->get_lnames()) names.push_back("--" + name);
        }
    }
    return names;
}

// The options of the main program that take a value, so that the value is not read as a
// command name.
bool takesValue(const CLI::App& app, const std::string& arg) {
    if (arg.rfind("--", 0) != 0 || arg.find('=') != std::string::npos) return false;
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& name : option->get_lnames()) {
            if ("--" + name == arg) return option->get_type_size() != 0;
        }
    }
    return false;
}

std::string path(const CLI::App* app) {
    std::string out;
    for (; app && app->get_parent(); app = app->get_parent())
        out = app->get_name() + (out.empty() ? "" : " " + out);
    return out;
}

}  // namespace

std::string nearestName(const std::string& typed, const std::vector<std::string>& known) {
    if (typed.empty()) return "";
    std::size_t letters = typed.size() - (typed.rfind("--", 0) == 0 ? 2 : 0);
    std::size_t allowed = letters <= 4 ? 1 : letters <= 8 ? 2 : 3;
    std::string best;
    std::size_t bestDistance = allowed + 1;
    for (const auto& name : known) {
        std::size_t distance = editDistance(typed, name);
        if (distance < bestDistance) {
            best = name;
            bestDistance = distance;
        }
    }
    if (!best.empty()) return best;
    std::string prefixed;
    for (const auto& name : known) {
        if (name.size() > typed.size() && name.rfind(typed, 0) == 0) {
            if (!prefixed.empty()) return "";
            prefixed = name;
        }
    }
    return prefixed;
}

std::string commandLineHint(const CLI::App& app, const std::vector<std::string>& args) {
    const CLI::App* current = &app;
    std::string hint;
    bool commandsDone = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") break;
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(0, arg.find('='));
            auto known = optionNames(current);
            if (std::find(known.begin(), known.end(), name) != known.end()) {
                if (current == &app && takesValue(app, arg)) ++i;
                continue;
            }
            std::string near = nearestName(name, known);
            hint += "unknown option '" + name + "'" +
                    (near.empty() ? "" : "; did you mean '" + near + "'?") + "\n";
            continue;
        }
        if (arg.rfind('-', 0) == 0 || commandsDone) continue;
        auto names = subcommandNames(*current);
        if (names.empty()) {
            commandsDone = true;  // the rest are the command's own arguments
            continue;
        }
        if (const CLI::App* sub = subcommandNamed(*current, arg)) {
            current = sub;
            continue;
        }
        std::string near = nearestName(arg, names);
        std::string where = path(current);
        hint +=
            "unknown command '" + (where.empty() ? "" : where + " ") + arg + "'" +
            (near.empty() ? ""
                          : "; did you mean '" + (where.empty() ? "" : where + " ") + near + "'?") +
            "\n";
        break;  // what follows belongs to a command that does not exist
    }
    if (hint.empty()) return "";
    std::string where = path(current);
    return hint + "run 'claimgraph " + (where.empty() ? "" : where + " ") + "--help' for " +
           (subcommandNames(*current).empty() ? "its options" : "the commands and options");
}

}  // namespace cg::cli
