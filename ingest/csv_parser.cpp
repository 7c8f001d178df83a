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
    std::streambuf* buf = in_.rdbuf();
    int c = buf ? buf->sbumpc() : kEof;
    if (c == kEof) return c;
    ++bytes_;
    if (c == '\n') ++line_;
    return c;
}

int CsvParser::peek() {
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
        while (!endOfRow) {
            int c = get();
            if (c == kEof) {
                if (quoted && row.error.empty())
                    row.error = "quoted field not closed before the end of the file";
                break;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        keep(c);
                        keep(get());
                        if (!cut) field.push_back('"');
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else if (!cut) {
                    field.push_back(static_cast<char>(c));
                }
                keep(c);
                continue;
            }
            if (c == '\r' && peek() == '\n') continue;
            if (c == '\n') {
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
                continue;
            }
            if (!cut) field.push_back(static_cast<char>(c));
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
