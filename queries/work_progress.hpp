// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>

namespace cg::queries {

/// Called with the units of work done and their total while a long computation runs (the
/// CLI draws a progress bar with it).
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// Counts the units of a computation its workers have done (searches, for centrality) and
/// hands the count to a callback from whichever worker finds it free, so that the callback
/// runs on one thread at a time and never holds a worker up. Thread-safe; O(1) per add.
class WorkProgress {
  public:
    WorkProgress(ProgressCallback callback, std::uint64_t total)
        : callback_(std::move(callback)), total_(total) {}

    /// Counts `units` more done and, unless another worker is reporting, reports the count.
    void add(std::uint64_t units) {
        const std::uint64_t done = done_.fetch_add(units, std::memory_order_relaxed) + units;
        if (!callback_) return;
        std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
        if (lock.owns_lock()) callback_(done, total_);
    }

  private:
    ProgressCallback callback_;
    std::uint64_t total_;
    std::atomic<std::uint64_t> done_{0};
    std::mutex mutex_;
};

}  // namespace cg::queries
