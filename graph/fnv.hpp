// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>

namespace cg::graph {

/// The 64-bit FNV-1a hash: the one hash of the tree for keys, names and content. Not for
/// anything an adversary may choose to collide (it is not cryptographic).
inline constexpr std::uint64_t kFnvOffsetBasis = 1469598103934665603ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;

/// Folds `bytes` into the running hash `h`; O(n).
inline void fnv1aAdd(std::uint64_t& h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kFnvPrime;
    }
}

/// The FNV-1a hash of `bytes`, starting from `basis` (the standard offset basis by default).
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t basis = kFnvOffsetBasis) {
    std::uint64_t h = basis;
    fnv1aAdd(h, bytes);
    return h;
}

}  // namespace cg::graph
