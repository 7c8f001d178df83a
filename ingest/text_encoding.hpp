// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cg::ingest {

/// An encoding other than UTF-8 that a file's first bytes are written in.
struct ForeignEncoding {
    std::string name;   ///< as people call it: "UTF-16 LE with a byte-order mark"
    std::string iconv;  ///< iconv's name for it: "UTF-16", "UTF-16LE", "LATIN1"
    /// Where it shows, for the 8-bit encodings: "line 3 has byte 0xE9"; empty otherwise.
    std::string evidence;
};

/// The encoding of `head`, the first bytes of a file, when it is not UTF-8: UTF-32 or UTF-16
/// (little or big endian) by their byte-order mark or, without one, by where the zero bytes
/// of ASCII characters fall; Windows-1252 or Latin-1 when bytes are not UTF-8 and not one
/// multi-byte UTF-8 sequence is (a UTF-8 file with one damaged byte has others that are
/// right, and keeps its per-record rejections). `cut` says that the file goes on past
/// `head`, so a sequence cut at its end is not held against it. Empty for UTF-8 and ASCII.
/// Takes O(n) time in the size of `head`.
std::optional<ForeignEncoding> foreignEncoding(std::string_view head, bool cut);

/// The one error that refuses a file in `encoding`: what was found, that UTF-8 is expected,
/// and the iconv command that converts it. `file` as outputs show it; "-" is standard input.
std::string encodingRefusal(const std::string& file, const ForeignEncoding& encoding);

}  // namespace cg::ingest
