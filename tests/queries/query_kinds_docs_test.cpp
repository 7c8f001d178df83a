// SPDX-License-Identifier: MIT
// The docs list what the query kinds' definitions declare: docs/queries.md's synopsis gives
// each kind's command-line options, docs/saved-queries.md's table each kind's arguments.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "queries/query_kinds.hpp"

namespace {

using cg::queries::ArgUse;

std::string readDoc(const std::string& name) {
    std::ifstream in(std::string(CG_SOURCE_DIR) + "/docs/" + name);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The options of each `claimgraph query KIND ...` entry of the first code block.
std::map<std::string, std::set<std::string>> synopsisOptions(const std::string& doc) {
    std::map<std::string, std::set<std::string>> out;
    std::size_t start = doc.find("```\n");
    std::size_t end = doc.find("```", start + 4);
    std::istringstream lines(doc.substr(start + 4, end - start - 4));
    std::string line, kind;
    const std::regex option("--[a-z][a-z-]*");
    while (std::getline(lines, line)) {
        if (line.rfind("claimgraph query ", 0) == 0) {
            std::istringstream words(line.substr(17));
            words >> kind;
            out[kind];
        }
        if (kind.empty()) continue;
        for (std::sregex_iterator it(line.begin(), line.end(), option), stop; it != stop; ++it)
            out[kind].insert(it->str());
    }
    return out;
}

// The arguments each row of the saved queries' kind table names, and those in bold.
struct TableRow {
    std::set<std::string> args, required;
};

std::map<std::string, TableRow> kindTable(const std::string& doc) {
    std::map<std::string, TableRow> out;
    std::size_t at = doc.find("| kind | arguments");
    std::istringstream lines(doc.substr(at));
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    while (std::getline(lines, line) && line.rfind("| ", 0) == 0) {
        std::size_t bar = line.find(" | ", 2);
        std::string kinds = line.substr(2, bar - 2);
        std::string cell = line.substr(bar + 3);
        cell = std::regex_replace(cell, std::regex(R"(\([^)]*\))"), "");
        cell = cell.substr(0, cell.find_first_of(":."));
        if (!cell.empty() && cell.back() == '|') cell.pop_back();
        TableRow row;
        std::istringstream items(cell);
        std::string item;
        while (std::getline(items, item, ',')) {
            bool bold = item.find("**") != std::string::npos;
            std::string name;
            for (char c : item) {
                if (c != '*' && c != ' ' && c != '|') name += c;
            }
            if (name.empty()) continue;
            row.args.insert(name);
            if (bold) row.required.insert(name);
        }
        std::istringstream names(std::regex_replace(kinds, std::regex("[` ]"), ""));
        std::string kind;
        while (std::getline(names, kind, '/')) out[kind] = row;
    }
    return out;
}

}  // namespace

TEST(QueryKindsDocs, TheQueriesSynopsisGivesEachKindsCommandLineOptions) {
    auto synopsis = synopsisOptions(readDoc("queries.md"));
    synopsis.erase("kinds");  // the listing of the kinds, not a kind
    for (const auto& kind : cg::queries::queryKinds()) {
        std::set<std::string> declared;
        for (const auto& def : kind.args) {
            if (def.use == ArgUse::SavedQuery || def.positional) continue;
            std::string option = "--" + def.name;
            for (char& c : option) c = c == '_' ? '-' : c;
            declared.insert(option);
        }
        ASSERT_TRUE(synopsis.count(kind.name))
            << "docs/queries.md has no 'claimgraph query " << kind.name << "'";
        EXPECT_EQ(synopsis[kind.name], declared) << kind.name;
    }
    EXPECT_EQ(synopsis.size(), cg::queries::queryKinds().size());
}

TEST(QueryKindsDocs, TheSavedQueriesTableGivesEachKindsArguments) {
    auto table = kindTable(readDoc("saved-queries.md"));
    for (const auto& kind : cg::queries::queryKinds()) {
        std::set<std::string> declared, required;
        for (const auto& def : kind.args) {
            // max_memory is said once for every kind, under the table.
            if (def.use == ArgUse::CommandLine || def.name == "max_memory") continue;
            declared.insert(def.name);
            if (def.required) required.insert(def.name);
        }
        ASSERT_TRUE(table.count(kind.name)) << "docs/saved-queries.md has no row for " << kind.name;
        EXPECT_EQ(table[kind.name].args, declared) << kind.name;
        EXPECT_EQ(table[kind.name].required, required) << kind.name;
    }
}
