// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
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

}  // namespace cg::queries
