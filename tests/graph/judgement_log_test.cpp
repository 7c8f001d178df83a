// SPDX-License-Identifier: MIT
#include "graph/judgement_log.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/error.hpp"
#include "graph/store.hpp"
#include "tests/graph/storage_failure.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::StorageError;
using cg::graph::JudgementLog;
using cg::graph::Store;
using cg::testing::TempDir;

TEST(JudgementLog, ListsJudgementsInIdOrderWithWhoMadeThem) {
    TempDir dir;
    Store store(dir.file("j.claimgraph"));
    JudgementLog log(store);
    std::int64_t merge, split;
    {
        Store::Batch batch(store);
        merge = log.add("merge", "p-a", "p-b", "same passport", "ana");
        log.add("not_same", "p-a", "p-c", "", "ben");
        split = log.add("split", "p-a", "", "wrong merge");
        batch.commit();
    }
    auto all = log.list(true);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, merge);
    EXPECT_EQ(all[0].kind, "merge");
    EXPECT_EQ(all[0].a, "p-a");
    EXPECT_EQ(all[0].b, "p-b");
    EXPECT_EQ(all[0].note, "same passport");
    EXPECT_EQ(all[0].author, "ana");
    EXPECT_FALSE(all[0].undone);
    EXPECT_FALSE(all[0].created.empty());
    EXPECT_EQ(all[1].kind, "not_same");
    EXPECT_EQ(all[2].id, split);
    EXPECT_EQ(all[2].b, "");
    EXPECT_EQ(all[2].author, "");
}

TEST(JudgementLog, AnUndoneJudgementIsListedOnlyWhenAskedFor) {
    TempDir dir;
    Store store(dir.file("j.claimgraph"));
    JudgementLog log(store);
    Store::Batch batch(store);
    std::int64_t merge = log.add("merge", "p-a", "p-b", "");
    log.add("merge", "p-c", "p-d", "");
    log.undo(merge);
    batch.commit();
    auto live = log.list(false);
    ASSERT_EQ(live.size(), 1u);
    EXPECT_EQ(live[0].a, "p-c");
    auto all = log.list(true);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_TRUE(all[0].undone);
}

TEST(JudgementLog, EveryMethodThrowsStorageErrorNamingTheDatabase) {
    TempDir dir;
    std::string path = dir.file("j.claimgraph");
    Store store(path);
    JudgementLog log(store);
    cg::testing::dropTable(path, "judgements");
    EXPECT_THROW(log.add("merge", "p-a", "p-b", ""), StorageError);
    EXPECT_THROW(log.list(true), StorageError);
    EXPECT_THROW(log.undo(1), StorageError);
    try {
        log.list(false);
    } catch (const StorageError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path + ": cannot read the judgements: ", 0), 0u)
            << e.what();
    }
}
