// SPDX-License-Identifier: MIT
#include "ingest/pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace cg::ingest {

namespace {

struct SourceRecord {
    graph::Source source;
    std::string file;
    std::int64_t line;
};
struct Progress {
    std::uint64_t bytes;
};
using Record = std::variant<SourceRecord, graph::Claim, graph::Rejection, Progress>;
using Chunk = std::vector<Record>;

// Thrown into the reader when the consumer gave up, to unwind it quietly.
struct Stopped {};

// The reader's side: records gather into a chunk, and full chunks go into a bounded queue.
class Queue : public RecordSink {
  public:
    Queue(std::size_t chunkRecords, std::size_t maxChunks)
        : chunkRecords_(chunkRecords ? chunkRecords : 1), maxChunks_(maxChunks ? maxChunks : 1) {
        open_.reserve(chunkRecords_);
    }

    void source(graph::Source&& source, const std::string& file, std::int64_t line) override {
        add(SourceRecord{std::move(source), file, line});
    }
    void claim(graph::Claim&& claim) override { add(std::move(claim)); }
    void reject(graph::Rejection&& rejection) override { add(std::move(rejection)); }
    void progress(std::uint64_t bytes) override { add(Progress{bytes}); }

    /// The reader is done, normally or with `error`: the last chunk goes out.
    void finish(std::exception_ptr error) {
        std::unique_lock lock(mutex_);
        if (!open_.empty()) chunks_.push_back(std::move(open_));
        error_ = std::move(error);
        finished_ = true;
        ready_.notify_all();
    }

    /// The consumer's side: the next chunk, or false once the reader is done and all is taken.
    bool take(Chunk& chunk) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !chunks_.empty() || finished_; });
        if (chunks_.empty()) return false;
        chunk = std::move(chunks_.front());
        chunks_.pop_front();
        room_.notify_one();
        return true;
    }

    /// The consumer failed: the reader stops at its next record.
    void stop() {
        std::unique_lock lock(mutex_);
        stopped_ = true;
        room_.notify_all();
    }

    std::exception_ptr error() {
        std::unique_lock lock(mutex_);
        return error_;
    }

  private:
    void add(Record&& record) {
        open_.push_back(std::move(record));
        if (open_.size() < chunkRecords_) return;
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return chunks_.size() < maxChunks_ || stopped_; });
        if (stopped_) throw Stopped{};
        chunks_.push_back(std::move(open_));
        ready_.notify_one();
        lock.unlock();
        open_ = Chunk();
        open_.reserve(chunkRecords_);
    }

    std::size_t chunkRecords_;
    std::size_t maxChunks_;
    Chunk open_;  // the reader's own, outside the lock
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<Chunk> chunks_;
    bool finished_ = false;
    bool stopped_ = false;
    std::exception_ptr error_;
};

void deliver(Record& record, RecordSink& sink) {
    std::visit(
        [&](auto& r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, SourceRecord>) {
                sink.source(std::move(r.source), r.file, r.line);
            } else if constexpr (std::is_same_v<T, graph::Claim>) {
                sink.claim(std::move(r));
            } else if constexpr (std::is_same_v<T, graph::Rejection>) {
                sink.reject(std::move(r));
            } else {
                sink.progress(r.bytes);
            }
        },
        record);
}

}  // namespace

void readPipelined(const std::function<void(RecordSink&)>& read, RecordSink& sink, bool threaded,
                   std::size_t chunkRecords, std::size_t maxChunks) {
    if (!threaded) {
        read(sink);
        return;
    }
    Queue queue(chunkRecords, maxChunks);
    std::thread reader([&] {
        std::exception_ptr error;
        try {
            read(queue);
        } catch (const Stopped&) {  // NOLINT(bugprone-empty-catch): the consumer's error wins
        } catch (...) {
            error = std::current_exception();
        }
        queue.finish(error);
    });
    try {
        Chunk chunk;
        while (queue.take(chunk)) {
            for (auto& record : chunk) deliver(record, sink);
        }
    } catch (...) {
        queue.stop();
        reader.join();
        throw;
    }
    reader.join();
    if (auto error = queue.error()) std::rethrow_exception(error);
}

}  // namespace cg::ingest
