// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace cg::queries {

/// A value per node that is forgotten in O(1): a value counts only while its stamp equals the
/// current epoch, so a query clears its marks without touching every node. Keep one per
/// thread (thread_local) and reset it at the start of each query.
template <typename T>
class NodeMarks {
  public:
    /// Forgets every mark and makes room for `n` nodes; O(1) except when the node count grows
    /// or the epoch wraps (once per four billion resets).
    void reset(std::size_t n) {
        if (slots_.size() < n) slots_.resize(n);
        if (++epoch_ == 0) {
            for (auto& s : slots_) s.stamp = 0;
            epoch_ = 1;
        }
    }
    bool has(std::uint32_t v) const { return slots_[v].stamp == epoch_; }
    /// The value of a marked node (only meaningful when has(v)).
    const T& get(std::uint32_t v) const { return slots_[v].value; }
    T& at(std::uint32_t v) { return slots_[v].value; }
    T& set(std::uint32_t v, const T& value) {
        slots_[v].stamp = epoch_;
        slots_[v].value = value;
        return slots_[v].value;
    }
    /// The value of v when marked, else `fallback`.
    T valueOr(std::uint32_t v, const T& fallback) const {
        return has(v) ? slots_[v].value : fallback;
    }

  private:
    // Stamp and value side by side: one cache line per look-up.
    struct Slot {
        std::uint32_t stamp = 0;
        T value{};
    };
    std::vector<Slot> slots_;
    std::uint32_t epoch_ = 0;
};

/// Four bytes per node telling which nodes the current query has reached and where each one's
/// record sits in the query's own (small, sequential) storage: begin() hands out a base, and
/// a node's tag means "reached, record tag - base" only when it is at least that base, so the
/// tags of earlier queries are forgotten in O(1). The base only grows, by what each query
/// used, and the array is cleared when it would wrap (once per billions of records). A look-up
/// touches 4 bytes per node instead of a stamped value, so more of the array stays in cache.
/// Keep one per thread (thread_local).
class NodeTags {
  public:
    /// Starts a query over `n` nodes that will hand out at most `budget` tags; returns the
    /// first tag it may use. O(1) except when the node count grows or the tags would wrap.
    /// Throws std::length_error when `budget` does not fit in 32 bits at all (the searches ask
    /// for about 2 per node or 4 per relation: views of a billion relations and more).
    std::uint32_t begin(std::size_t n, std::uint64_t budget) {
        constexpr std::uint64_t kMax = 0xffffffffu;
        if (budget >= kMax) throw std::length_error("NodeTags: too many tags for one query");
        if (tags_.size() < n) tags_.resize(n, 0);
        if (next_ + budget > kMax) {
            std::fill(tags_.begin(), tags_.end(), 0u);
            next_ = 1;
        }
        return static_cast<std::uint32_t>(next_);
    }
    /// Records that the current query used tags up to (not including) `end`.
    void used(std::uint32_t end) { next_ = end; }
    std::uint32_t operator[](std::uint32_t v) const { return tags_[v]; }
    std::uint32_t& operator[](std::uint32_t v) { return tags_[v]; }
    /// The tags themselves, valid until the next begin(): a search loop that holds this
    /// pointer need not reload it after every write elsewhere.
    std::uint32_t* data() { return tags_.data(); }

  private:
    std::vector<std::uint32_t> tags_;
    std::uint64_t next_ = 1;  // 0 is never handed out: it reads as "not reached"
};

}  // namespace cg::queries
