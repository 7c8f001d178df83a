// SPDX-License-Identifier: MIT
#include "ingest/line_reader.hpp"

#include <algorithm>

namespace cg::ingest {

LineReader::LineReader(std::istream& in, std::size_t maxLine, std::int64_t firstLine)
    : in_(in), maxLine_(maxLine), lineNumber_(firstLine - 1) {}

bool LineReader::next(std::string& line) {
    line.clear();
    truncated_ = false;
    fullLength_ = 0;
    std::streambuf* buf = in_.rdbuf();
    if (!buf || buf->sgetc() == std::char_traits<char>::eof()) return false;
    // Scan the stream buffer directly: std::getline would hold a gigabyte line in memory.
    while (true) {
        int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) break;
        ++bytesRead_;
        if (c == '\n') break;
        // A CR ends a line too, alone (old Mac files, some exports) or before an LF.
        if (c == '\r') {
            if (buf->sgetc() == '\n') {
                buf->sbumpc();
                ++bytesRead_;
            }
            break;
        }
        ++fullLength_;
        if (!truncated_) {
            if (line.size() < maxLine_) {
                line.push_back(static_cast<char>(c));
            } else {
                truncated_ = true;
                // Never grow the line: a limit below the kept prefix keeps the limit's worth.
                line.resize(std::min(line.size(), kKeptPrefix));
            }
        }
    }
    ++lineNumber_;
    if (lineNumber_ == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        line.erase(0, 3);
    }
    return true;
}

}  // namespace cg::ingest
