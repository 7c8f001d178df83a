// SPDX-License-Identifier: MIT
#include "ingest/spread_record.hpp"

#include "graph/error.hpp"

namespace cg::ingest {

namespace {

std::string_view trimmedLine(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    std::size_t last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

}  // namespace

bool JsonNesting::feed(std::string_view text) {
    for (char c : text) {
        if (inString_) {
            if (escaped_) {
                escaped_ = false;
            } else if (c == '\\') {
                escaped_ = true;
            } else if (c == '"') {
                inString_ = false;
            }
            continue;
        }
        if (c == '"') {
            inString_ = true;
        } else if (c == '{' || c == '[') {
            ++depth_;
            opened_ = true;
        } else if ((c == '}' || c == ']') && opened_ && --depth_ == 0) {
            return true;
        }
    }
    return false;
}

bool opensSpreadRecord(std::string_view line) {
    std::string_view text = trimmedLine(line);
    // A UTF-8 byte-order mark before it on the first line is not part of the data.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text = trimmedLine(text.substr(3));
    return text == "{";
}

bool startsAnotherRecord(const JsonNesting& nesting, std::string_view line) {
    std::string_view text = trimmedLine(line);
    return nesting.depth() == 1 && !text.empty() && text.front() == '{';
}

std::string spreadRecordReason(std::int64_t first, std::int64_t last, bool closed) {
    std::string found =
        closed ? cat("a JSON object written over lines ", first, "-", last, " (pretty-printed)")
               : cat("a JSON object opened on line ", first, " and not closed by line ", last);
    return found +
           ", where JSON Lines holds each record on one line: write one object per line "
           "(jq -c . FILE does) or make the file one JSON array of records";
}

}  // namespace cg::ingest
