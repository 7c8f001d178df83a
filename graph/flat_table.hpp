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

/// A set of 64-bit values (hashes of longer keys, usually) in a FlatTable of 8-byte slots;
/// exact: the value 0, which marks a free slot, is kept beside the table.
class FlatHashSet {
  public:
    bool contains(std::uint64_t value) const {
        if (value == 0) return hasZero_;
        return table_.find(mix(value), [value](const Slot& s) { return s.value == value; }) !=
               nullptr;
    }
    /// Adds `value`; false when it was there already.
    bool insert(std::uint64_t value) {
        if (contains(value)) return false;
        if (value == 0) {
            hasZero_ = true;
        } else {
            table_.insert(Slot{value});
        }
        return true;
    }
    std::size_t size() const { return table_.size() + (hasZero_ ? 1 : 0); }
    void clear() {
        table_.clear();
        hasZero_ = false;
    }

  private:
    // Values may be hashes of small integers or of nearly equal keys: mixed before use.
    static std::uint64_t mix(std::uint64_t h) {
        h ^= h >> 31;
        h *= 0x9E3779B97F4A7C15ull;
        return h ^ (h >> 29);
    }
    struct Slot {
        std::uint64_t value = 0;  // 0: a free slot
        bool used() const { return value != 0; }
        std::uint64_t hash() const { return mix(value); }
    };
    FlatTable<Slot> table_;
    bool hasZero_ = false;
};

}  // namespace cg::graph
