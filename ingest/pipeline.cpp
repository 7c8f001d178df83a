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
        if (!open_.empty()) chunks_.emplace_back(std::move(open_), openBytes_);
        error_ = std::move(error);
        finished_ = true;
        ready_.notify_all();
    }

    /// The consumer's side: the next chunk, or false once the reader is done and all is taken.
    bool take(Chunk& chunk) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !chunks_.empty() || finished_; });
        if (chunks_.empty()) return false;
        chunk = std::move(chunks_.front().first);
        queuedBytes_ -= chunks_.front().second;
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
        openBytes_ += bytesOf(record);
        open_.push_back(std::move(record));
        if (open_.size() < chunkRecords_ && openBytes_ < kChunkBytes) return;
        std::unique_lock lock(mutex_);
        // Bounded in bytes as well as chunks: a dozen records of 30 MB each must not wait
        // here all at once (one chunk always may, however large).
        room_.wait(lock, [&] {
            return (chunks_.size() < maxChunks_ &&
                    (chunks_.empty() || queuedBytes_ + openBytes_ <= kQueuedBytes)) ||
                   stopped_;
        });
        if (stopped_) throw Stopped{};
        chunks_.emplace_back(std::move(open_), openBytes_);
        queuedBytes_ += openBytes_;
        ready_.notify_one();
        lock.unlock();
        open_ = Chunk();
        open_.reserve(chunkRecords_);
        openBytes_ = 0;
    }

    // The text a record holds, roughly: what makes a record large.
    static std::size_t bytesOf(const Record& record) {
        if (const auto* c = std::get_if<graph::Claim>(&record)) {
            return c->raw.size() + c->quote.size() + c->value.size() + c->attributesJson.size();
        }
        if (const auto* r = std::get_if<graph::Rejection>(&record))
            return r->raw.size() + r->reason.size();
        return 0;
    }

    static constexpr std::size_t kChunkBytes = std::size_t{4} << 20;
    static constexpr std::size_t kQueuedBytes = std::size_t{16} << 20;

    std::size_t chunkRecords_;
    std::size_t maxChunks_;
    Chunk open_;  // the reader's own, outside the lock
    std::size_t openBytes_ = 0;
    std::size_t queuedBytes_ = 0;
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<std::pair<Chunk, std::size_t>> chunks_;  // with their bytes
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
            for (auto& record : chunk) {
                deliver(record, sink);
                record.emplace<Progress>();  // its text freed now, not with the whole chunk
            }
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
