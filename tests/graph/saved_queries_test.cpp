// SPDX-License-Identifier: MIT
#include "graph/saved_queries.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/error.hpp"
#include "graph/store.hpp"
#include "tests/graph/storage_failure.hpp"
#include "tests/graph/temp_dir.hpp"

using cg::QueryError;
using cg::StorageError;
using cg::graph::SavedQueries;
using cg::graph::SavedQueryRow;
using cg::graph::Store;
using cg::testing::TempDir;

namespace {

SavedQueryRow query(const std::string& name, int version, const std::string& document) {
    SavedQueryRow q;
    q.name = name;
    q.version = version;
    q.kind = "owners";
    q.description = "who owns " + name;
    q.document = document;
    return q;
}

}  // namespace

TEST(SavedQueries, KeepsEveryVersionAndFindsTheLatest) {
    TempDir dir;
    Store store(dir.file("q.claimgraph"));
    SavedQueries saved(store);
    EXPECT_TRUE(saved.save(query("aurelian", 1, "{\"v\": 1}")));
    EXPECT_TRUE(saved.save(query("aurelian", 2, "{\"v\": 2}")));
    EXPECT_TRUE(saved.save(query("basalt", 1, "{\"b\": 1}")));

    auto latest = saved.latest();
    ASSERT_EQ(latest.size(), 2u);
    EXPECT_EQ(latest[0].name, "aurelian");
    EXPECT_EQ(latest[0].version, 2);
    EXPECT_EQ(latest[1].name, "basalt");

    auto first = saved.find("aurelian", 1);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->document, "{\"v\": 1}");
    EXPECT_EQ(first->description, "who owns aurelian");
    EXPECT_EQ(saved.find("aurelian")->version, 2);
    EXPECT_FALSE(saved.find("nobody"));

    auto history = saved.history("aurelian");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].version, 1);
    EXPECT_EQ(history[1].version, 2);
}

TEST(SavedQueries, SavingTheSameVersionTwiceStoresItOnce) {
    TempDir dir;
    Store store(dir.file("q.claimgraph"));
    SavedQueries saved(store);
    EXPECT_TRUE(saved.save(query("aurelian", 1, "{}")));
    EXPECT_FALSE(saved.save(query("aurelian", 1, "{}")));
    EXPECT_EQ(saved.history("aurelian").size(), 1u);
}

TEST(SavedQueries, RefusesAnotherTextUnderAStoredVersionOrAnOlderVersion) {
    TempDir dir;
    Store store(dir.file("q.claimgraph"));
    SavedQueries saved(store);
    saved.save(query("aurelian", 2, "{}"));
    EXPECT_THROW(saved.save(query("aurelian", 2, "{\"other\": true}")), QueryError);
    EXPECT_THROW(saved.save(query("aurelian", 1, "{}")), QueryError);
    EXPECT_EQ(saved.history("aurelian").size(), 1u);
}

TEST(SavedQueries, RemoveHidesEveryVersionUntilSavedAgain) {
    TempDir dir;
    Store store(dir.file("q.claimgraph"));
    SavedQueries saved(store);
    saved.save(query("aurelian", 1, "{}"));
    saved.save(query("aurelian", 2, "{\"v\": 2}"));
    EXPECT_EQ(saved.remove("aurelian"), 2);
    EXPECT_EQ(saved.remove("aurelian"), 0);
    EXPECT_FALSE(saved.find("aurelian"));
    EXPECT_TRUE(saved.latest().empty());
    EXPECT_EQ(saved.history("aurelian").size(), 2u);
    EXPECT_TRUE(saved.save(query("aurelian", 3, "{\"v\": 3}")));
    EXPECT_EQ(saved.find("aurelian")->version, 3);
    EXPECT_EQ(saved.find("aurelian", 1)->document, "{}");
}

TEST(SavedQueries, EveryMethodThrowsStorageErrorNamingTheDatabase) {
    TempDir dir;
    std::string path = dir.file("q.claimgraph");
    Store store(path);
    SavedQueries saved(store);
    saved.save(query("aurelian", 1, "{}"));
    cg::testing::dropTable(path, "saved_queries");
    EXPECT_THROW(saved.save(query("aurelian", 2, "{}")), StorageError);
    EXPECT_THROW(saved.latest(), StorageError);
    EXPECT_THROW(saved.find("aurelian"), StorageError);
    EXPECT_THROW(saved.history("aurelian"), StorageError);
    EXPECT_THROW(saved.remove("aurelian"), StorageError);
    try {
        saved.latest();
    } catch (const StorageError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path + ": cannot read the saved queries: ", 0), 0u)
            << e.what();
    }
}
