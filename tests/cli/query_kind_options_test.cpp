// SPDX-License-Identifier: MIT
// `claimgraph query KIND` takes the options its kind's definition declares.
#include <gtest/gtest.h>

#include "queries/query_kinds.hpp"
#include "tests/cli/cli_runner.hpp"

using cg::testing::claimgraph;
using cg::testing::contains;

TEST(QueryKindOptions, EveryKindsCommandLineArgumentsAreItsOptions) {
    for (const auto& kind : cg::queries::queryKinds()) {
        auto r = claimgraph("query " + kind.name + " --help");
        ASSERT_EQ(r.code, 0) << r;
        EXPECT_TRUE(contains(r.out, kind.description)) << kind.name << '\n' << r;
        for (const auto& def : kind.args) {
            if (def.use == cg::queries::ArgUse::SavedQuery) continue;
            std::string option = def.name;
            if (!def.positional) {
                for (char& c : option) c = c == '_' ? '-' : c;
                option = "--" + option;
            }
            EXPECT_TRUE(contains(r.out, "  " + option)) << kind.name << ": " << option;
            EXPECT_TRUE(contains(r.out, def.description)) << kind.name << ": " << option;
        }
    }
}
