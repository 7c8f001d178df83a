// SPDX-License-Identifier: MIT
#include "cli/manual.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "cli/context.hpp"
#include "cli/registry.hpp"

namespace cg::cli {

namespace {

std::vector<const CLI::App*> visibleSubcommands(const CLI::App& app) {
    return app.get_subcommands(
        [](const CLI::App* sub) { return !sub->get_group().empty() && !sub->get_name().empty(); });
}

std::vector<const CLI::Option*> visibleOptions(const CLI::App& app) {
    return app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); });
}

// roff: a backslash is written \e, and a line may not start with a dot or a quote.
std::string roff(const std::string& text) {
    std::string out;
    bool lineStart = true;
    for (char c : text) {
        if (lineStart && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
        lineStart = c == '\n';
    }
    return out;
}

std::string commandPath(const CLI::App* app) {
    std::string out;
    for (; app && app->get_parent(); app = app->get_parent())
        out = app->get_name() + (out.empty() ? "" : " " + out);
    return out;
}

// Positional arguments in capitals, as in the usage line.
std::string upper(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

bool isHelp(const CLI::Option* o) {
    const auto& l = o->get_lnames();
    return std::find(l.begin(), l.end(), "help") != l.end();
}

std::string usageLine(const CLI::App& command) {
    std::string line = "claimgraph " + commandPath(&command);
    if (!visibleSubcommands(command).empty()) return line + " COMMAND";
    bool anyOption = false;
    for (const CLI::Option* o : visibleOptions(command)) {
        if (o->get_positional()) {
            std::string name = upper(o->get_name(true));
            if (o->get_items_expected_max() > 1) name += "...";
            line += o->get_required() ? " " + name : " [" + name + "]";
        } else {
            anyOption = true;
        }
    }
    return anyOption ? line + " [OPTIONS]" : line;
}

void writeOptions(std::string& out, const CLI::App& command) {
    for (const CLI::Option* o : visibleOptions(command)) {
        // -h/--help is given once, with the global options.
        if (command.get_parent() && isHelp(o)) continue;
        std::string name = o->nonpositional() ? o->get_name(false, true) : upper(o->get_name(true));
        out += ".TP\n.B " + roff(name);
        if (o->get_type_size() != 0 && o->nonpositional()) {
            std::string type = o->get_type_name();
            type = type.substr(0, type.find(':'));  // "FLOAT:FLOAT in [0 - 100]": the type
            if (!type.empty()) out += " \\fI" + roff(type) + "\\fR";
        }
        out += "\n" + roff(o->get_description()) + "\n";
    }
}

void writeCommand(std::string& out, const CLI::App& command) {
    out += ".SS " + roff(commandPath(&command)) + "\n";
    out += ".B " + roff(usageLine(command)) + "\n.PP\n" + roff(command.get_description()) + "\n";
    auto subs = visibleSubcommands(command);
    if (subs.empty()) {
        writeOptions(out, command);
        return;
    }
    for (const CLI::App* sub : subs) writeCommand(out, *sub);
}

// A bash word list, single-quoted.
std::string words(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& w : list) out += (out.empty() ? "" : " ") + w;
    return "'" + out + "'";
}

void collectCompletion(const CLI::App& command, std::string& subs, std::string& opts,
                       std::string& valued) {
    // bash's associative arrays take no empty key: the main program's is "claimgraph".
    std::string path = commandPath(&command);
    std::string key = "claimgraph" + (path.empty() ? "" : " " + path);
    std::vector<std::string> names, options, withValue;
    for (const CLI::App* sub : visibleSubcommands(command)) names.push_back(sub->get_name());
    for (const CLI::Option* o : visibleOptions(command)) {
        if (!o->nonpositional()) continue;
        for (const auto& l : o->get_lnames()) {
            options.push_back("--" + l);
            if (o->get_type_size() != 0) withValue.push_back("--" + l);
        }
        for (const auto& s : o->get_snames()) {
            options.push_back("-" + s);
            if (o->get_type_size() != 0) withValue.push_back("-" + s);
        }
    }
    subs += "    [" + words({key}) + "]=" + words(names) + "\n";
    opts += "    [" + words({key}) + "]=" + words(options) + "\n";
    valued += "    [" + words({key}) + "]=" + words(withValue) + "\n";
    for (const CLI::App* sub : visibleSubcommands(command))
        collectCompletion(*sub, subs, opts, valued);
}

}  // namespace

std::string manualPage(const CLI::App& app) {
    std::string out;
    out += ".\\\" Written by 'claimgraph generate man' from the command tree; do not edit.\n";
    out += ".TH CLAIMGRAPH 1 \"\" \"claimgraph " CG_VERSION "\" \"User Commands\"\n";
    out +=
        ".SH NAME\nclaimgraph \\- turn claims about who owns, runs and shelters what into a "
        "knowledge graph\n";
    out +=
        ".SH SYNOPSIS\n.B claimgraph\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR "
        "[\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]\n";
    out += ".SH DESCRIPTION\n" + roff(app.get_description()) + "\n.PP\n";
    out +=
        "Every fact in the graph keeps the claims behind it, with their sources, quotes, dates "
        "and certainty. The documentation of the formats, queries and exports is in the "
        "docs/ folder of the source.\n";
    out += ".SH GLOBAL OPTIONS\nThese come before or after the command.\n";
    writeOptions(out, app);
    out += ".SH COMMANDS\n";
    for (const CLI::App* sub : visibleSubcommands(app)) writeCommand(out, *sub);
    out += ".SH EXIT STATUS\n" + roff(app.get_footer()) + "\n";
    out +=
        ".SH ENVIRONMENT\n.TP\n.B CLAIMGRAPH_DB\nThe investigation database when --db is not "
        "given (else claimgraph.db in the current folder).\n";
    out += ".SH SEE ALSO\n.BR gephi (1),\nthe README and docs/ of claimgraph's source.\n";
    return out;
}

std::string bashCompletion(const CLI::App& app) {
    std::string subs, opts, valued;
    collectCompletion(app, subs, opts, valued);
    std::string out;
    out +=
        "# bash completion for claimgraph. Written by 'claimgraph generate bash-completion'\n"
        "# from the command tree; do not edit.\n";
    out += "declare -gA _claimgraph_subcommands=(\n" + subs + ")\n";
    out += "declare -gA _claimgraph_options=(\n" + opts + ")\n";
    out += "declare -gA _claimgraph_valued=(\n" + valued + ")\n";
    out += R"bash(_claimgraph() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local path=claimgraph word i
    # The command path so far: words that name a subcommand of the path before them, skipping
    # options and the values of options that take one.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            if [[ " ${_claimgraph_valued[$path]} ${_claimgraph_valued[claimgraph]} " == *" $word "* ]]; then
                ((i++))
            fi
            continue
        fi
        if [[ " ${_claimgraph_subcommands[$path]} " == *" $word "* ]]; then
            path="$path $word"
        fi
    done
    if [[ $prev == -* && " ${_claimgraph_valued[$path]} ${_claimgraph_valued[claimgraph]} " == *" $prev "* ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local options=${_claimgraph_options[$path]}
        [[ $path != claimgraph ]] && options+=" ${_claimgraph_options[claimgraph]}"
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ -n ${_claimgraph_subcommands[$path]} ]]; then
        COMPREPLY=($(compgen -W "${_claimgraph_subcommands[$path]}" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _claimgraph claimgraph
)bash";
    return out;
}

void addGenerateCommand(CLI::App& app, Registry& registry) {
    auto what = std::make_shared<std::string>();
    auto* generate = app.add_subcommand("generate", "Print the manual page or the bash completion");
    generate->group("");  // hidden: the build runs it
    generate->add_option("what", *what, "man or bash-completion")
        ->required()
        ->check(CLI::IsMember({"man", "bash-completion"}));
    registry.add(generate, [&app, what] {
        std::cout << (*what == "man" ? manualPage(app) : bashCompletion(app));
        std::cout.flush();
        return std::cout ? kOk : kError;
    });
}

}  // namespace cg::cli
