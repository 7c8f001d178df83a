// SPDX-License-Identifier: MIT
#include "queries/query_kinds.hpp"

#include <gtest/gtest.h>

#include <set>

#include "query_fixture.hpp"
#include "resolve/database_entity_finder.hpp"

using namespace cg;

namespace {

std::string sample(const std::string& name) {
    return std::string(CG_SOURCE_DIR) + "/samples/" + name;
}

// Values for a kind's required arguments that the sample's view can answer.
queries::Args requiredArgs(const queries::KindDef& kind, const graph::GraphView& view) {
    queries::Args args;
    for (const auto& def : kind.args) {
        if (!def.required) continue;
        if (def.name == "to") {
            args[def.name] = view.key(1);
        } else if (def.type == queries::ArgType::Entity || def.type == queries::ArgType::Entities) {
            args[def.name] = view.key(0);
        } else if (def.name == "via") {
            args[def.name] = std::string("registered_at");
        } else if (def.type == queries::ArgType::Integer) {
            args[def.name] = std::int64_t{3};
        } else {
            ADD_FAILURE() << kind.name << ": no test value for required '" << def.name << "'";
        }
    }
    return args;
}

}  // namespace

TEST(QueryKinds, EveryKindAnswersWithTheColumnsItDeclares) {
    cg::testing::Investigation inv(sample("fictional-ownership.claims.jsonl"));
    graph::ViewFilter withDenied;
    withDenied.includeDenied = true;
    inv.rebuild(withDenied);
    resolve::DatabaseEntityFinder finder(inv.store());
    for (const auto& kind : queries::queryKinds()) {
        auto args = requiredArgs(kind, inv.view());
        auto result = queries::runQueryKind(kind, args, inv.view(), finder);
        std::vector<std::string> declared;
        for (const auto& column : kind.columns) {
            if (column.namedBy.empty()) {
                declared.push_back(column.name);
            } else {
                const queries::ArgDef* def = queries::kindArg(kind, column.namedBy);
                ASSERT_NE(def, nullptr) << kind.name;
                declared.push_back(def->defaultText);
            }
        }
        EXPECT_EQ(result.table.columns, declared) << kind.name;
    }
}

TEST(QueryKinds, EachKindNamesItsArgumentsOnceAndDeclaresItsColumns) {
    for (const auto& kind : queries::queryKinds()) {
        std::set<std::string> names;
        for (const auto& def : kind.args) {
            EXPECT_TRUE(names.insert(def.name).second) << kind.name << ": " << def.name;
            for (const auto& old : def.oldNames)
                EXPECT_TRUE(names.insert(old).second) << kind.name << ": " << old;
        }
        EXPECT_FALSE(kind.columns.empty()) << kind.name;
        EXPECT_NE(kind.run, nullptr) << kind.name;
        EXPECT_FALSE(kind.description.empty()) << kind.name;
    }
}

TEST(QueryKinds, ARequiredArgumentLeftOutIsRefusedBeforeTheKindRuns) {
    cg::testing::Investigation inv(sample("fictional-ownership.claims.jsonl"));
    resolve::DatabaseEntityFinder finder(inv.store());
    const queries::KindDef* owners = queries::queryKind("owners");
    ASSERT_NE(owners, nullptr);
    try {
        queries::runQueryKind(*owners, {}, inv.view(), finder);
        ADD_FAILURE() << "expected a QueryError";
    } catch (const QueryError& e) {
        EXPECT_NE(std::string(e.what()).find("needs argument 'entity'"), std::string::npos);
    }
}
