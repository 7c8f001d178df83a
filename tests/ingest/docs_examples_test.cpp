// SPDX-License-Identifier: MIT
// The examples of docs/claims-format.md are ingested as written, so the page cannot promise
// what the reader refuses.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/ingest/ingest_fixture.hpp"

using cg::testing::IngestTest;

namespace {

// The fenced blocks of `language` in a Markdown file, with the line each starts on.
std::vector<std::pair<int, std::string>> fencedBlocks(const std::string& path,
                                                      const std::string& language) {
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::vector<std::pair<int, std::string>> blocks;
    bool inside = false;
    bool wanted = false;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.rfind("```", 0) == 0) {
            if (!inside) {
                wanted = line.substr(3) == language;
                if (wanted) blocks.emplace_back(number + 1, "");
            }
            inside = !inside;
            continue;
        }
        if (inside && wanted) blocks.back().second += line + "\n";
    }
    return blocks;
}

int lines(const std::string& text) {
    int n = 0;
    for (char c : text) n += c == '\n';
    return n;
}

const std::string kFormatDoc = CG_SOURCE_DIR "/docs/claims-format.md";

using DocsExamplesTest = IngestTest;

}  // namespace

TEST_F(DocsExamplesTest, EveryClaimsExampleIsAccepted) {
    auto blocks = fencedBlocks(kFormatDoc, "jsonl");
    ASSERT_GE(blocks.size(), 8u) << "the examples were not found";
    std::int64_t duplicates = 0;
    for (const auto& [line, text] : blocks) {
        auto s = ingestText("example-" + std::to_string(line) + ".claims.jsonl", text);
        EXPECT_EQ(s.rejected, 0) << "example at claims-format.md:" << line << ": "
                                 << (s.firstRejections.empty() ? "" : s.firstRejections[0].reason);
        EXPECT_EQ(s.sources + s.accepted + s.duplicates + s.rejected, lines(text));
        duplicates += s.duplicates;
    }
    // The page shows one claim written twice, in two key orders.
    EXPECT_EQ(duplicates, 1);
    EXPECT_EQ(store_.stats().rejections, 0);
}

TEST(DocsExamples, TheSchemaExtensionExampleLoads) {
    auto blocks = fencedBlocks(kFormatDoc, "json");
    ASSERT_EQ(blocks.size(), 1u);
    cg::graph::Schema schema = cg::graph::Schema::defaults();
    schema.extend(cg::graph::Schema::fromJson(blocks[0].second, "claims-format.md"));
    auto horse = schema.entityTypeId("Racehorse");
    ASSERT_TRUE(horse);
    const auto* owns = schema.relationType("owns");
    EXPECT_TRUE(schema.allows(*owns, *schema.entityTypeId("Person"), *horse));
}
