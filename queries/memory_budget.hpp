// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/view.hpp"

namespace cg::queries {

using graph::GraphView;

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
    /// Counts as many items of `each` bytes as fit, up to `count`, and returns how many; when
    /// that is fewer than `count`, exceeded() is true from then on. O(1).
    std::size_t takeUpTo(std::size_t count, std::size_t each) {
        if (exceeded_) return 0;
        std::size_t fit = each == 0 ? count : std::min(count, (limit_ - used_) / each);
        if (fit < count) exceeded_ = true;
        used_ += fit * each;
        return fit;
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

/// What a table row of `cells` cells costs an answer: the cells and their printed text (an
/// entity as JSON, `{"id": ..., "name": ..., "type": ...}`, about 128 bytes a cell). A route
/// in a cell is counted apart, by routeBytes. O(1).
std::size_t rowBytes(std::size_t cells);

/// What one entity or relation of an answer's subgraph costs: its index and its printed object
/// (a relation in JSON with its ends and type, about 256 bytes). O(1).
std::size_t subgraphEntryBytes();

/// What a search over the whole view holds while it runs: `perNode` bytes for each entity and
/// `perRelation` for each relation (marks, queues, copies of the adjacency). O(1).
std::size_t workingBytes(const GraphView& view, std::size_t perNode, std::size_t perRelation);

struct QueryResult;

/// Takes from `budget` what a search over the whole view holds (workingBytes); when that does
/// not fit, marks `result` partial with a note ("stopped at the start: a search over N entities
/// and M relations holds about X MB, past the memory budget ...") and returns false. O(1).
bool takeWorkingMemory(MemoryBudget& budget, const GraphView& view, std::size_t perNode,
                       std::size_t perRelation, QueryResult& result);

/// The note of an answer cut by its budget: "stopped at DONE of TOTAL WHAT, past the memory
/// budget of N MB (raise --max-memory): the figures are partial".
std::string memoryNote(std::size_t done, std::size_t total, const std::string& what,
                       const MemoryBudget& budget);

/// The same note where the total is not known: "stopped at WHERE, past the memory budget of
/// N MB (raise --max-memory): the figures are partial".
std::string memoryNote(const std::string& where, const MemoryBudget& budget);

}  // namespace cg::queries
