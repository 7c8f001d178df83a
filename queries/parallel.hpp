// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <thread>
#include <vector>

namespace cg::queries {

/// The number of worker threads to use: `requested`, or every core when 0, never more than
/// `work` items and at least one.
inline unsigned workerCount(unsigned requested, std::size_t work) {
    unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, work)));
}

/// Runs body(worker, workers) on `workers` threads (the calling thread is worker 0) and
/// waits for all of them. The body must not throw.
template <typename Body>
void onWorkers(unsigned workers, Body&& body) {
    std::vector<std::thread> threads;
    threads.reserve(workers > 0 ? workers - 1 : 0);
    for (unsigned t = 1; t < workers; ++t)
        threads.emplace_back([&body, t, workers] { body(t, workers); });
    body(0u, workers);
    for (auto& t : threads) t.join();
}

}  // namespace cg::queries
