// SPDX-License-Identifier: MIT
// readPipelined: a reader on its own thread hands its records over in order, with bounded
// memory, and failures on either side end both sides cleanly.
#include "ingest/pipeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "graph/error.hpp"

namespace {

using cg::ingest::readPipelined;
using cg::ingest::RecordSink;

// Records what arrives, as text, and which thread delivered it.
class Recorder : public RecordSink {
  public:
    void source(cg::graph::Source&& s, const std::string& file, std::int64_t line) override {
        add("source " + s.key + " " + file + ":" + std::to_string(line));
    }
    void claim(cg::graph::Claim&& c) override { add("claim " + c.key); }
    void reject(cg::graph::Rejection&& r) override {
        add("reject " + std::to_string(r.line) + " " + r.reason);
    }
    void progress(std::uint64_t bytes) override { add("progress " + std::to_string(bytes)); }

    std::vector<std::string> got;
    std::vector<std::thread::id> threads;
    std::size_t failAt = SIZE_MAX;  // throws StorageError on this record

  private:
    void add(std::string text) {
        if (got.size() == failAt) throw cg::StorageError("disk is full");
        got.push_back(std::move(text));
        threads.push_back(std::this_thread::get_id());
    }
};

// A reader of n records of every kind, in a fixed order.
void produce(RecordSink& sink, int n, std::vector<std::string>* expected = nullptr) {
    for (int i = 0; i < n; ++i) {
        switch (i % 4) {
            case 0: {
                cg::graph::Source s;
                s.key = "s" + std::to_string(i);
                sink.source(std::move(s), "f.jsonl", i);
                if (expected)
                    expected->push_back("source s" + std::to_string(i) +
                                        " f.jsonl:" + std::to_string(i));
                break;
            }
            case 1: {
                cg::graph::Claim c;
                c.key = "c" + std::to_string(i);
                sink.claim(std::move(c));
                if (expected) expected->push_back("claim c" + std::to_string(i));
                break;
            }
            case 2:
                sink.reject(cg::graph::Rejection{"f.jsonl", i, "bad", "{"});
                if (expected) expected->push_back("reject " + std::to_string(i) + " bad");
                break;
            default:
                sink.progress(static_cast<std::uint64_t>(i));
                if (expected) expected->push_back("progress " + std::to_string(i));
        }
    }
}

TEST(ReadPipelined, DeliversEveryRecordInOrderOnTheCallingThread) {
    for (std::size_t chunk : {1u, 3u, 512u}) {
        Recorder sink;
        std::vector<std::string> expected;
        std::atomic<bool> readerOnOtherThread{false};
        auto caller = std::this_thread::get_id();
        readPipelined(
            [&](RecordSink& s) {
                readerOnOtherThread = std::this_thread::get_id() != caller;
                produce(s, 5000, &expected);
            },
            sink, true, chunk, 2);
        EXPECT_EQ(sink.got, expected) << "chunks of " << chunk;
        EXPECT_TRUE(readerOnOtherThread);
        for (auto id : sink.threads) ASSERT_EQ(id, caller);
    }
}

TEST(ReadPipelined, WithoutAThreadTheReaderFillsTheSinkDirectly) {
    Recorder sink;
    std::vector<std::string> expected;
    auto caller = std::this_thread::get_id();
    bool sameThread = false;
    readPipelined(
        [&](RecordSink& s) {
            sameThread = std::this_thread::get_id() == caller;
            produce(s, 100, &expected);
        },
        sink, false);
    EXPECT_TRUE(sameThread);
    EXPECT_EQ(sink.got, expected);
}

TEST(ReadPipelined, AReadersErrorComesAfterTheRecordsBeforeIt) {
    Recorder sink;
    std::vector<std::string> expected;
    try {
        readPipelined(
            [&](RecordSink& s) {
                produce(s, 1001, &expected);
                throw cg::InputError("f.jsonl: read error");
            },
            sink, true, 64, 2);
        FAIL() << "the reader's error was lost";
    } catch (const cg::InputError& e) {
        EXPECT_STREQ(e.what(), "f.jsonl: read error");
    }
    EXPECT_EQ(sink.got, expected);
}

TEST(ReadPipelined, ASinksErrorStopsTheReader) {
    Recorder sink;
    sink.failAt = 100;
    std::atomic<int> produced{0};
    bool readerFinished = false;
    try {
        readPipelined(
            [&](RecordSink& s) {
                // Endless input: only the consumer's failure can end it.
                for (int i = 0;; ++i) {
                    cg::graph::Claim c;
                    c.key = "c" + std::to_string(i);
                    s.claim(std::move(c));
                    ++produced;
                }
                readerFinished = true;
            },
            sink, true, 16, 2);
        FAIL() << "the sink's error was lost";
    } catch (const cg::StorageError& e) {
        EXPECT_STREQ(e.what(), "disk is full");
    }
    EXPECT_EQ(sink.got.size(), 100u);
    EXPECT_FALSE(readerFinished);
    // Bounded: the reader got at most the queue's worth (and one chunk in hand) ahead.
    EXPECT_LE(produced.load(), 100 + 16 * (2 + 2));
}

}  // namespace

namespace {

// Counts how far the reader ran ahead of the records delivered.
class AheadCounter : public RecordSink {
  public:
    explicit AheadCounter(const std::atomic<int>& produced) : produced_(produced) {}
    void source(cg::graph::Source&&, const std::string&, std::int64_t) override {}
    void claim(cg::graph::Claim&&) override {
        ++delivered;
        mostAhead = std::max(mostAhead, produced_.load() - delivered);
    }
    void reject(cg::graph::Rejection&&) override {}
    void progress(std::uint64_t) override {}

    int delivered = 0;
    int mostAhead = 0;

  private:
    const std::atomic<int>& produced_;
};

}  // namespace

TEST(Pipeline, LargeRecordsAreHandedOverByTheirBytesNotOnlyTheirCount) {
    // 12 claims of 4 MB each (quote and raw text): a chunk of 512 records would hold all of
    // them at once; bounded by bytes, the reader is never more than a few records ahead.
    std::atomic<int> produced{0};
    AheadCounter sink(produced);
    readPipelined(
        [&](RecordSink& out) {
            for (int i = 0; i < 12; ++i) {
                cg::graph::Claim c;
                c.key = "c" + std::to_string(i);
                c.quote.assign(2u << 20, 'q');
                c.raw.assign(2u << 20, 'r');
                ++produced;
                out.claim(std::move(c));
            }
        },
        sink);
    EXPECT_EQ(sink.delivered, 12);
    EXPECT_LE(sink.mostAhead, 6);
}
