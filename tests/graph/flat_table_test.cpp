// SPDX-License-Identifier: MIT
#include "graph/flat_table.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>

namespace {

// A key and a value; the key's hash is chosen by the test so that collisions are certain.
struct Entry {
    std::uint64_t key = 0;  // 0: a free slot
    std::uint64_t keyHash = 0;
    int value = 0;
    bool used() const { return key != 0; }
    std::uint64_t hash() const { return keyHash; }
};

using Table = cg::graph::FlatTable<Entry>;

const Entry* lookUp(const Table& table, std::uint64_t key, std::uint64_t hash) {
    return table.find(hash, [key](const Entry& e) { return e.key == key; });
}

std::uint64_t spread(std::uint64_t key) { return key * 0x9E3779B97F4A7C15ull; }

TEST(FlatTable, AnEmptyTableFindsNothingAndHoldsNoSlots) {
    Table table;
    EXPECT_EQ(table.size(), 0u);
    EXPECT_EQ(table.capacity(), 0u);
    int calls = 0;
    EXPECT_EQ(table.find(0,
                         [&](const Entry&) {
                             ++calls;
                             return true;
                         }),
              nullptr);
    EXPECT_EQ(calls, 0);  // no slot to test
}

TEST(FlatTable, GrowsByDoublingPastThreeQuartersAndFindsEveryEntryAfterwards) {
    Table table;
    table.insert(Entry{1, spread(1), 10});
    EXPECT_EQ(table.capacity(), 1024u);
    // 768 entries fit 1,024 slots; the 769th doubles them, and so on.
    for (std::uint64_t k = 2; k <= 768; ++k) {
        table.insert(Entry{k, spread(k), static_cast<int>(k * 10)});
    }
    EXPECT_EQ(table.capacity(), 1024u);
    table.insert(Entry{769, spread(769), 7690});
    EXPECT_EQ(table.capacity(), 2048u);
    for (std::uint64_t k = 770; k <= 90'000; ++k) {
        table.insert(Entry{k, spread(k), static_cast<int>(k * 10)});
    }
    EXPECT_EQ(table.size(), 90'000u);
    EXPECT_EQ(table.capacity(), 131'072u);  // 3/4 of 65,536 < 90,000 <= 3/4 of 131,072
    for (std::uint64_t k = 1; k <= 90'000; ++k) {
        const Entry* e = lookUp(table, k, spread(k));
        ASSERT_NE(e, nullptr) << k;
        EXPECT_EQ(e->value, static_cast<int>(k * 10));
    }
}

TEST(FlatTable, KeysOfOneHashAreAllFoundAlongTheProbeRunAcrossTheTableEnd) {
    Table table;
    // Every key hashes to the last slot: the run wraps round to slots 0, 1, ...; the table
    // grows meanwhile (1,024 -> 2,048 slots at the 769th key), which must keep the run.
    const std::uint64_t kLast = ~std::uint64_t{0};
    for (std::uint64_t k = 1; k <= 1000; ++k) table.insert(Entry{k, kLast, static_cast<int>(k)});
    EXPECT_EQ(table.capacity(), 2048u);
    for (std::uint64_t k = 1; k <= 1000; ++k) {
        const Entry* e = lookUp(table, k, kLast);
        ASSERT_NE(e, nullptr) << k;
        EXPECT_EQ(e->value, static_cast<int>(k));
    }
    EXPECT_EQ(lookUp(table, 1001, kLast), nullptr);  // absent, at the end of the run
}

TEST(FlatTable, AbsentKeysAreNotFoundWhetherTheirHashCollidesOrNot) {
    Table table;
    for (std::uint64_t k = 1; k <= 700; ++k) table.insert(Entry{k, k % 16, static_cast<int>(k)});
    // The keys fill slots 0-699 as one run: absent keys of the same hashes walk all of it,
    // hashes past it land on a free slot at once.
    for (std::uint64_t k = 701; k <= 2000; ++k) EXPECT_EQ(lookUp(table, k, k % 16), nullptr) << k;
    for (std::uint64_t h = 800; h < 1000; ++h) EXPECT_EQ(lookUp(table, 5, h), nullptr) << h;
    ASSERT_NE(lookUp(table, 5, 5), nullptr);
}

TEST(FlatTable, TheMatchSeesOnlyUsedSlotsOfTheProbedRun) {
    Table table;
    for (std::uint64_t k = 1; k <= 5; ++k) table.insert(Entry{k, 40, static_cast<int>(k)});
    table.insert(Entry{6, 100, 6});
    std::set<std::uint64_t> seen;
    EXPECT_EQ(table.find(40,
                         [&](const Entry& e) {
                             seen.insert(e.key);
                             return false;
                         }),
              nullptr);
    EXPECT_EQ(seen, (std::set<std::uint64_t>{1, 2, 3, 4, 5}));
}

TEST(FlatTable, ClearFreesEverySlotAndTheTableFillsAgain) {
    Table table;
    for (std::uint64_t k = 1; k <= 5000; ++k) table.insert(Entry{k, spread(k), 1});
    table.clear();
    EXPECT_EQ(table.size(), 0u);
    EXPECT_EQ(table.capacity(), 0u);
    EXPECT_EQ(lookUp(table, 1, spread(1)), nullptr);
    table.insert(Entry{1, spread(1), 2});
    ASSERT_NE(lookUp(table, 1, spread(1)), nullptr);
    EXPECT_EQ(lookUp(table, 1, spread(1))->value, 2);
    EXPECT_EQ(lookUp(table, 2, spread(2)), nullptr);
}

}  // namespace

namespace {

TEST(FlatHashSet, HoldsEachValueOnceZeroIncluded) {
    cg::graph::FlatHashSet set;
    EXPECT_FALSE(set.contains(0));
    EXPECT_FALSE(set.contains(1));
    EXPECT_TRUE(set.insert(0));  // 0 marks a free slot in the table: held beside it
    EXPECT_TRUE(set.contains(0));
    EXPECT_FALSE(set.contains(1));
    EXPECT_TRUE(set.insert(1));
    EXPECT_FALSE(set.insert(0));
    EXPECT_FALSE(set.insert(1));
    EXPECT_EQ(set.size(), 2u);
    set.clear();
    EXPECT_EQ(set.size(), 0u);
    EXPECT_FALSE(set.contains(0));
    EXPECT_FALSE(set.contains(1));
}

TEST(FlatHashSet, FindsEveryValueAfterGrowingAndNoOther) {
    cg::graph::FlatHashSet set;
    // Values a few bits apart, as the hashes of consecutive ids are not, and multiples of the
    // table sizes, which would share one slot unmixed.
    for (std::uint64_t v = 1; v <= 20'000; ++v) EXPECT_TRUE(set.insert(v << 20)) << v;
    EXPECT_EQ(set.size(), 20'000u);
    for (std::uint64_t v = 1; v <= 20'000; ++v) {
        EXPECT_TRUE(set.contains(v << 20)) << v;
        EXPECT_FALSE(set.insert(v << 20)) << v;
        EXPECT_FALSE(set.contains((v << 20) + 1)) << v;
    }
    EXPECT_FALSE(set.contains(20'001ull << 20));
    EXPECT_EQ(set.size(), 20'000u);
}

}  // namespace
