// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cg::ingest {

/// Follows the brackets of a JSON value fed to it piece by piece (a pretty-printed record,
/// line by line), skipping strings with their escapes, to find where the value closes.
class JsonNesting {
  public:
    /// Takes the next bytes; returns true once the value opened by the first bracket is closed.
    bool feed(std::string_view text);
    /// Brackets open now (the record itself is 1), outside any string.
    int depth() const { return inString_ ? -1 : depth_; }

  private:
    int depth_ = 0;
    bool opened_ = false;
    bool inString_ = false;
    bool escaped_ = false;
};

/// True for a line of JSON Lines that holds nothing but '{': the first line of a record
/// written over several lines (pretty-printed), which JSON Lines cannot hold.
bool opensSpreadRecord(std::string_view line);

/// True for a line that starts a new record while a spread one is still open at depth 1:
/// inside a pretty-printed object a line at that depth starts with a key, never with '{'.
bool startsAnotherRecord(const JsonNesting& nesting, std::string_view line);

/// The one rejection of a record spread over lines `first` to `last`: what was found and
/// what JSON Lines expects. `closed` false: the record was not closed where it stopped.
std::string spreadRecordReason(std::int64_t first, std::int64_t last, bool closed);

}  // namespace cg::ingest
