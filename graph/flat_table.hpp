// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cg::graph {

/// An open-addressing hash table of fixed-size slots with linear probing, for the write
/// path's in-memory indexes: a probe reads consecutive slots (one cache line for slots of up
/// to 64 bytes) and the whole table is one allocation. It grows by doubling from 1,024 slots
/// once more than 3/4 are used, and never removes a slot (clear() drops all).
///
/// `Slot` is the stored value, key and payload together; a value-initialised `Slot` is a
/// free slot. It provides `bool used() const` (false exactly for a free slot) and
/// `std::uint64_t hash() const` (the key's hash, the one passed to find() for that key).
/// The table knows nothing of keys: find() takes the hash and a test of a slot, so a slot
/// may compare its key with something held outside it. Nothing here throws except
/// std::bad_alloc.
template <class Slot>
class FlatTable {
  public:
    /// The used slot for which `matches(slot)` is true, probing from `hash`, or nullptr.
    /// O(1) expected; `matches` sees only used slots.
    template <class Matches>
    const Slot* find(std::uint64_t hash, Matches&& matches) const {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = static_cast<std::size_t>(hash) & mask_;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (!slot.used()) return nullptr;
            if (matches(slot)) return &slot;
        }
    }

    /// Adds a used slot whose key is not in the table (the caller has looked); pointers from
    /// find() are invalid afterwards.
    void insert(const Slot& slot) {
        if ((count_ + 1) * 4 > slots_.size() * 3) grow();
        place(slot);
        ++count_;
    }

    /// Slots in use.
    std::size_t size() const { return count_; }
    /// Slots allocated (0 or a power of two, at least 1,024).
    std::size_t capacity() const { return slots_.size(); }

    /// Frees every slot.
    void clear() {
        slots_ = {};
        mask_ = 0;
        count_ = 0;
    }

  private:
    static constexpr std::size_t kInitialSlots = 1024;

    void place(const Slot& slot) {
        std::size_t i = static_cast<std::size_t>(slot.hash()) & mask_;
        while (slots_[i].used()) i = (i + 1) & mask_;
        slots_[i] = slot;
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        std::size_t size = old.empty() ? kInitialSlots : old.size() * 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        for (const Slot& slot : old) {
            if (slot.used()) place(slot);
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
};

}  // namespace cg::graph
