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

Table::Table(std::vector<std::string> headers, std::size_t maxWidth)
    : headers_(std::move(headers)), maxWidth_(maxWidth) {}

void Table::add(std::vector<std::string> row) {
    row.resize(headers_.size());
    for (auto& cell : row) {
        // A cell is one line: newlines and tabs in data would break the columns.
        std::replace(cell.begin(), cell.end(), '\n', ' ');
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        // Tables are for people, so they are safe on a terminal wherever they are written.
        cell = clip(terminalText(cell), maxWidth_);
    }
    rows_.push_back(std::move(row));
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths(headers_.size());
    for (std::size_t i = 0; i < headers_.size(); ++i) widths[i] = displayWidth(headers_[i]);
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            text += cells[i];
            if (i + 1 < cells.size()) text += std::string(widths[i] - displayWidth(cells[i]) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    line(headers_);
    std::vector<std::string> rule;
    for (auto w : widths) rule.push_back(std::string(w, '-'));
    line(rule);
    for (const auto& row : rows_) line(row);
}

}  // namespace cg::cli
