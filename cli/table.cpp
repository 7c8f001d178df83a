// SPDX-License-Identifier: MIT
#include "cli/table.hpp"

#include <algorithm>

#include "cli/terminal_text.hpp"

namespace cg::cli {

std::size_t displayWidth(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::string clip(const std::string& text, std::size_t width) {
    if (displayWidth(text) <= width || width == 0) return text;
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) {
            if (n + 1 >= width) break;
            ++n;
        }
        out.push_back(text[i]);
    }
    return out + "…";
}

Table::Table(std::vector<std::string> headers, std::vector<std::size_t> whole)
    : headers_(std::move(headers)), whole_(headers_.size(), false) {
    for (auto column : whole) {
        if (column < whole_.size()) whole_[column] = true;
    }
}

void Table::add(std::vector<std::string> row) {
    row.resize(headers_.size());
    for (auto& cell : row) {
        // A cell is one line: newlines and tabs in data would break the columns.
        std::replace(cell.begin(), cell.end(), '\n', ' ');
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        // Tables are for people, so they are safe on a terminal wherever they are written.
        cell = terminalText(cell);
    }
    rows_.push_back(std::move(row));
}

void Table::print(std::ostream& out, std::size_t width) const {
    std::size_t n = headers_.size();
    std::vector<std::size_t> widths(n);
    for (std::size_t i = 0; i < n; ++i) widths[i] = displayWidth(headers_[i]);
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < n; ++i) widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    if (width > 0 && n > 0) {
        // Narrow the widest column that may be cut, one code point at a time, until the line
        // fits or nothing more can be cut.
        auto total = [&] {
            std::size_t sum = 2 * (n - 1);
            for (auto w : widths) sum += w;
            return sum;
        };
        std::size_t line = total();
        while (line > width) {
            std::size_t widest = n;
            for (std::size_t i = 0; i < n; ++i) {
                std::size_t floor = std::max(kMinColumn, displayWidth(headers_[i]));
                if (whole_[i] || widths[i] <= floor) continue;
                if (widest == n || widths[i] > widths[widest]) widest = i;
            }
            if (widest == n) break;
            --widths[widest];
            --line;
        }
    }
    auto print = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            std::string cell =
                displayWidth(cells[i]) > widths[i] ? clip(cells[i], widths[i]) : cells[i];
            text += cell;
            if (i + 1 < n) text += std::string(widths[i] - displayWidth(cell) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    print(headers_);
    std::vector<std::string> rule;
    for (auto w : widths) rule.push_back(std::string(w, '-'));
    print(rule);
    for (const auto& row : rows_) print(row);
}

}  // namespace cg::cli
