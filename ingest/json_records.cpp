// SPDX-License-Identifier: MIT
#include "ingest/json_records.hpp"

#include <algorithm>

#include "graph/error.hpp"
#include "graph/json_depth.hpp"
#include "ingest/spread_record.hpp"

namespace cg::ingest {

namespace {
constexpr int kEof = std::char_traits<char>::eof();

bool blank(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
}  // namespace

std::int64_t lineAt(const std::string& text, std::size_t offset, std::int64_t firstLine) {
    std::int64_t line = firstLine;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
            ++line;
    }
    return line;
}

std::int64_t skipLeadingBlank(std::istream& in) {
    std::streambuf* buf = in.rdbuf();
    std::int64_t line = 1;
    if (!buf) return line;
    if (buf->sgetc() == 0xEF) {
        buf->sbumpc();
        if (buf->sgetc() == 0xBB) buf->sbumpc();
        if (buf->sgetc() == 0xBF) buf->sbumpc();
    }
    for (int c = buf->sgetc(); blank(c); c = buf->sgetc()) {
        buf->sbumpc();
        if (c == '\n' || (c == '\r' && buf->sgetc() != '\n')) ++line;
    }
    return line;
}

JsonRecords::JsonRecords(std::istream& in, std::size_t maxRecord, std::size_t maxDepth,
                         std::int64_t firstLine)
    : in_(in), maxRecord_(maxRecord), maxDepth_(maxDepth), line_(firstLine) {}

int JsonRecords::get() {
    std::streambuf* buf = in_.rdbuf();
    int c = buf ? buf->sbumpc() : kEof;
    if (c == kEof) return c;
    ++bytes_;
    // LF, CRLF and a CR alone each end a line.
    if (c == '\n' || (c == '\r' && peek() != '\n')) ++line_;
    return c;
}

int JsonRecords::peek() {
    std::streambuf* buf = in_.rdbuf();
    return buf ? buf->sgetc() : kEof;
}

void JsonRecords::skipBlank() {
    while (blank(peek())) get();
}

void JsonRecords::keep(std::string& text, char c, bool& cut) const {
    if (cut) return;
    if (text.size() < maxRecord_) {
        text.push_back(c);
    } else {
        cut = true;
        // Never grow the text: a limit below the kept prefix keeps the limit's worth.
        text.resize(std::min(text.size(), kKeptPrefix));
    }
}

bool JsonRecords::next(JsonRecord& record) {
    if (!nextRecord(record)) return false;
    // Parsing deeper nesting would exhaust the stack: refuse it before any parser sees it.
    if (record.error.empty()) {
        if (auto at = graph::jsonTooDeepAt(record.text, maxDepth_)) {
            record.error = cat("record nests deeper than ", maxDepth_, " levels");
            std::int64_t line = lineAt(record.text, *at, record.line);
            if (line != record.line) record.error += cat(" (from its line ", line, ")");
        }
    }
    return true;
}

bool JsonRecords::nextRecord(JsonRecord& record) {
    record = JsonRecord{};
    if (mode_ == Mode::Unknown) {
        // A UTF-8 byte-order mark is not part of the data.
        if (peek() == 0xEF) {
            get();
            if (peek() == 0xBB) get();
            if (peek() == 0xBF) get();
        }
        skipBlank();
        if (peek() == '[') {
            get();
            mode_ = Mode::Array;
        } else {
            mode_ = Mode::Lines;
        }
    }
    if (mode_ == Mode::Lines) return nextLine(record);
    if (mode_ == Mode::Array) return nextElement(record);
    return false;
}

bool JsonRecords::nextLine(JsonRecord& record) {
    while (true) {
        bool cut = false;
        std::size_t length = 0;
        if (hasPending_) {
            hasPending_ = false;
            record.text = std::move(pending_);
            record.line = pendingLine_;
        } else {
            if (peek() == kEof) {
                mode_ = Mode::Done;
                return false;
            }
            record.line = line_;
            readLine(record.text, cut, length);
        }
        if (cut) {
            record.error =
                cat("record is ", length, " bytes, longer than the limit of ", maxRecord_,
                    " (only its first ", record.text.size(), " bytes are kept)");
            return true;
        }
        if (opensSpreadRecord(record.text)) {
            readSpread(record);
            return true;
        }
        if (record.text.find_first_not_of(" \t\r") != std::string::npos) return true;
    }
}

void JsonRecords::readLine(std::string& text, bool& cut, std::size_t& length) {
    text.clear();
    for (int c = get(); c != kEof && c != '\n'; c = get()) {
        if (c == '\r') {
            if (peek() == '\n') get();
            break;
        }
        ++length;
        keep(text, static_cast<char>(c), cut);
    }
}

void JsonRecords::readSpread(JsonRecord& record) {
    JsonNesting nesting;
    nesting.feed(record.text);
    std::int64_t last = record.line;
    bool closed = false;
    bool textCut = false;
    std::string line;
    while (!closed && peek() != kEof) {
        std::int64_t at = line_;
        bool cut = false;
        std::size_t length = 0;
        readLine(line, cut, length);
        // A record that never closes must not take the records after it along.
        if (!cut && startsAnotherRecord(nesting, line)) {
            hasPending_ = true;
            pending_ = std::move(line);
            pendingLine_ = at;
            break;
        }
        last = at;
        keep(record.text, '\n', textCut);
        for (char c : line) keep(record.text, c, textCut);
        closed = nesting.feed(line);
    }
    // What was cut was only for display: the error says it all.
    record.spread = true;
    record.error = spreadRecordReason(record.line, last, closed);
}

bool JsonRecords::nextElement(JsonRecord& record) {
    while (true) {
        skipBlank();
        int c = peek();
        if (c == kEof) {
            mode_ = Mode::Done;
            record.line = line_;
            record.error = "the top-level array is not closed with ']' before the end of the file";
            return true;
        }
        if (c == ']') {
            get();
            skipBlank();
            mode_ = Mode::Done;
            if (peek() == kEof) return false;
            record.line = line_;
            bool cut = false;
            for (int d = get(); d != kEof; d = get()) keep(record.text, static_cast<char>(d), cut);
            record.error = "unexpected text after the closing ']' of the top-level array";
            return true;
        }
        if (c == ',') {
            get();
            if (expectElement_) {
                record.line = line_;
                record.text = ",";
                record.error =
                    "empty element in the top-level array (two commas, or a comma "
                    "right after '[')";
                return true;
            }
            expectElement_ = true;
            continue;
        }
        break;
    }
    record.line = line_;
    record.element = ++elements_;
    if (!expectElement_) record.error = "missing ',' before this element of the top-level array";
    expectElement_ = false;
    bool cut = false;
    std::size_t length = 0;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool closed = false;
    while (true) {
        int c = peek();
        if (c == kEof) break;
        if (!inString && depth == 0 && length > 0 && (c == ',' || c == ']' || blank(c))) {
            closed = true;
            break;
        }
        get();
        ++length;
        keep(record.text, static_cast<char>(c), cut);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"') {
                inString = false;
                if (depth == 0) {
                    closed = true;
                    break;
                }
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0) {
                closed = true;
                break;
            }
        }
    }
    if (!closed) mode_ = Mode::Done;
    if (cut) {
        record.error = cat("record is ", length, " bytes, longer than the limit of ", maxRecord_,
                           " (only its first ", record.text.size(), " bytes are kept)");
    } else if (!closed) {
        record.error = inString ? "string not closed before the end of the file"
                                : "element not closed before the end of the file";
    }
    return true;
}

}  // namespace cg::ingest
