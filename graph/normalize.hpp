// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cg::graph {

/// The matching form of a name: Unicode case-folded, compatibility-normalised, accents
/// removed, other scripts transliterated to Latin, punctuation turned into spaces and runs
/// of spaces collapsed. "Sâr  KHENG," and "sar kheng" give the same form. Never throws.
std::string normalizeName(std::string_view name);

/// A lower-case ASCII slug for ids ("Golden Sands Ltd" gives "golden-sands-ltd"); empty
/// when the name has no letters or digits after normalisation.
std::string slugify(std::string_view name);

}  // namespace cg::graph
