// SPDX-License-Identifier: MIT
#include "ingest/csv_parser.hpp"

#include <algorithm>

#include "graph/error.hpp"

namespace cg::ingest {

namespace {
constexpr int kEof = std::char_traits<char>::eof();
}

CsvParser::CsvParser(std::istream& in, char delimiter, std::size_t maxRow)
    : in_(in), delimiter_(delimiter), maxRow_(maxRow) {}

int CsvParser::get() {
    int c;
    if (replayAt_ < replay_.size()) {
        c = static_cast<unsigned char>(replay_[replayAt_++]);
        if (replayAt_ == replay_.size()) {
            replay_.clear();
            replayAt_ = 0;
        }
    } else {
        std::streambuf* buf = in_.rdbuf();
        c = buf ? buf->sbumpc() : kEof;
        if (c == kEof) return c;
        ++bytes_;
    }
    // LF, CRLF and a CR alone each end a line.
    if (c == '\n' || (c == '\r' && peek() != '\n')) ++line_;
    return c;
}

int CsvParser::peek() {
    if (replayAt_ < replay_.size()) return static_cast<unsigned char>(replay_[replayAt_]);
    std::streambuf* buf = in_.rdbuf();
    return buf ? buf->sgetc() : kEof;
}

bool CsvParser::next(CsvRow& row) {
    if (!started_) {
        started_ = true;
        if (peek() == 0xEF) {
            get();
            if (peek() == 0xBB) get();
            if (peek() == 0xBF) get();
        }
    }
    while (true) {
        // Blank lines separate nothing: skip them.
        while (peek() == '\n' || peek() == '\r') get();
        if (peek() == kEof) return false;

        row.fields.clear();
        row.raw.clear();
        row.error.clear();
        row.line = line_;
        bool cut = false;
        std::size_t length = 0;
        auto keep = [&](int c) {
            ++length;
            if (cut) return;
            if (row.raw.size() < maxRow_) {
                row.raw.push_back(static_cast<char>(c));
            } else {
                cut = true;
                // Never grow the text: a limit below the kept prefix keeps the limit's worth.
                row.raw.resize(std::min(row.raw.size(), kKeptPrefix));
            }
        };
        std::string field;
        bool quoted = false;      // inside a quoted field
        bool wasQuoted = false;   // the current field started with a quote
        bool afterQuote = false;  // a quoted field was closed and not yet ended
        bool endOfRow = false;
        // The open quote: its line, its bytes and line breaks so far, and the bytes read after
        // its first line break (read again when it never closes).
        std::int64_t quoteLine = 0;
        std::size_t quoteBytes = 0;
        std::int64_t quoteBreaks = 0;
        std::size_t rawAtBreak = 0;
        std::string spanned;
        bool neverClosed = false;
        // Counts a byte of the open quote; false once it spans too far to be a field.
        auto inQuote = [&](int c) {
            ++quoteBytes;
            if (quoteBreaks > 0) spanned.push_back(static_cast<char>(c));
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                // The row's text ends before this line end.
                if (quoteBreaks++ == 0) rawAtBreak = row.raw.empty() ? 0 : row.raw.size() - 1;
            }
            return quoteBreaks == 0 ||
                   (quoteBreaks < kMaxQuotedLines && quoteBytes <= kMaxQuotedBytes);
        };
        while (!endOfRow) {
            int c = get();
            if (c == kEof) {
                neverClosed = quoted;
                break;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        keep(c);
                        int second = get();
                        keep(second);
                        if (!cut) field.push_back('"');
                        if (!inQuote(c) || !inQuote(second)) {
                            neverClosed = true;
                            break;
                        }
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else if (!cut) {
                    field.push_back(static_cast<char>(c));
                }
                keep(c);
                if (quoted && !inQuote(c)) {
                    neverClosed = true;
                    break;
                }
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') get();
                endOfRow = true;
                break;
            }
            keep(c);
            if (c == delimiter_) {
                row.fields.push_back(std::move(field));
                field.clear();
                wasQuoted = afterQuote = false;
                continue;
            }
            if (afterQuote) {
                if (row.error.empty()) {
                    row.error =
                        cat("text after the closing quote of field ", row.fields.size() + 1);
                }
                if (!cut) field.push_back(static_cast<char>(c));
                continue;
            }
            if (c == '"' && field.empty() && !wasQuoted) {
                quoted = wasQuoted = true;
                quoteLine = line_;
                quoteBytes = 0;
                quoteBreaks = 0;
                spanned.clear();
                continue;
            }
            if (!cut) field.push_back(static_cast<char>(c));
        }
        if (neverClosed) {
            // Only the quote's own line is the rejected row; the lines it swallowed are read
            // again (at most kMaxQuotedBytes of them are held).
            row.fields.push_back(std::move(field));
            row.error = "quote opened here is never closed";
            row.line = quoteLine;
            if (quoteBreaks > 0 && !cut) row.raw.resize(std::min(row.raw.size(), rawAtBreak));
            if (!row.raw.empty() && row.raw.back() == '\r') row.raw.pop_back();
            if (!spanned.empty()) {
                replay_ = std::move(spanned) + replay_.substr(replayAt_);
                replayAt_ = 0;
                line_ = quoteLine + 1;
            }
            return true;
        }
        row.fields.push_back(std::move(field));
        if (cut) {
            row.error = cat("row is ", length, " bytes, longer than the limit of ", maxRow_,
                            " (only its first ", row.raw.size(), " bytes are kept)");
        }
        return true;
    }
}

}  // namespace cg::ingest
