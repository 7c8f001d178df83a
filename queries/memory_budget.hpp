// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cg::queries {

/// How much memory a query may give its answer, counted as it builds it: what a row, a chain
/// or a route will cost once stored and printed. A query that would go past it stops there,
/// marks its answer partial and says where it stopped (memoryNote), so that a deep or
/// circular question ends within the budget instead of growing until the system kills it.
class MemoryBudget {
  public:
    /// 1 GiB: what `--max-memory` is when not given.
    static constexpr std::size_t kDefaultBytes = std::size_t{1} << 30;

    explicit MemoryBudget(std::size_t bytes = kDefaultBytes) : limit_(bytes) {}

    /// Counts `bytes` more when they fit and returns true; otherwise counts nothing, returns
    /// false, and exceeded() is true from then on. O(1).
    bool take(std::size_t bytes) {
        if (exceeded_ || bytes > limit_ - used_) {
            exceeded_ = true;
            return false;
        }
        used_ += bytes;
        return true;
    }
    bool exceeded() const { return exceeded_; }
    std::size_t used() const { return used_; }
    std::size_t limit() const { return limit_; }

  private:
    std::size_t limit_;
    std::size_t used_ = 0;
    bool exceeded_ = false;
};

/// What a route of `hops` relations costs an answer: its steps, the subgraph entries it adds
/// and its text once printed (a name and a relation, up to 512 bytes a hop as JSON). O(1).
std::size_t routeBytes(std::uint64_t hops);

/// The note of an answer cut by its budget: "stopped at DONE of TOTAL WHAT, past the memory
/// budget of N MB (raise --max-memory): the figures are partial".
std::string memoryNote(std::size_t done, std::size_t total, const std::string& what,
                       const MemoryBudget& budget);

}  // namespace cg::queries
