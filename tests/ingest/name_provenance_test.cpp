// SPDX-License-Identifier: MIT
// Every name and identifier records the claim that first gave it, also when the claim's
// references were resolved (and the names stored) before the claim itself.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <map>

#include "tests/ingest/ingest_fixture.hpp"

namespace cg::testing {
namespace {

class NameProvenance : public IngestTest {
  protected:
    // (name or identifier value, the key of the claim it records) for every row of `table`.
    std::vector<std::pair<std::string, std::string>> rows(const std::string& sql) {
        SQLite::Database db(dir_.file("ingest.claimgraph"));
        SQLite::Statement q(db, sql);
        std::vector<std::pair<std::string, std::string>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(),
                             q.getColumn(1).isNull() ? "(none)" : q.getColumn(1).getString());
        return out;
    }
};

TEST_F(NameProvenance, NamesAndIdentifiersRecordTheClaimThatFirstGaveThem) {
    std::string text =
        kSourceLine + "\n" + kGoodClaim + "\n" +
        R"({"id": "c2", "source": "s1", "subject": {"type": "Company", "name": "Golden Sands Ltd", "identifiers": {"kh-moc": "00012345"}, "aliases": ["Golden Sands Co."]}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands compound"}})" +
        "\n" +
        R"({"id": "c3", "source": "s1", "subject": {"type": "Person", "name": "Prime Minister Hun Sen"}, "property": "alias", "value": "Samdech Hun Sen"})" +
        "\n" +
        R"({"id": "c4", "source": "s1", "subject": {"type": "Company", "name": "Golden Sands Ltd"}, "relation": "owns", "object": {"type": "Facility", "name": "Golden Sands casino"}})" +
        "\n";
    auto summary = ingestText("names.claims.jsonl", text);
    ASSERT_EQ(summary.rejected, 0);
    auto names = rows(
        "SELECT n.name, c.key FROM names n LEFT JOIN claims c ON c.id = n.claim ORDER BY n.id");
    std::map<std::string, std::string> byName(names.begin(), names.end());
    EXPECT_EQ(byName["Sar Kheng"], "good-1");
    EXPECT_EQ(byName["Ministry of Interior"], "good-1");
    EXPECT_EQ(byName["Golden Sands Ltd"], "c2");
    EXPECT_EQ(byName["Golden Sands Co."], "c2");
    EXPECT_EQ(byName["Golden Sands compound"], "c2");
    EXPECT_EQ(byName["Hun Sen"], "c3");
    EXPECT_EQ(byName["Samdech Hun Sen"], "c3");
    // A later claim naming a known entity does not take over its names.
    EXPECT_EQ(byName["Golden Sands casino"], "c4");
    for (const auto& [name, claim] : names) EXPECT_NE(claim, "(none)") << name;

    auto ids =
        rows("SELECT i.value, c.key FROM identifiers i LEFT JOIN claims c ON c.id = i.claim");
    ASSERT_EQ(ids.size(), 1u);
    EXPECT_EQ(ids[0].second, "c2");
}

}  // namespace
}  // namespace cg::testing
