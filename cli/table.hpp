// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cg::cli {

/// A plain-text table: columns padded to their widest cell (counted in code points), with a
/// header rule. Cells are made safe for a terminal (terminalText) and cut with an ellipsis past
/// `maxWidth`.
class Table {
public:
    explicit Table(std::vector<std::string> headers, std::size_t maxWidth = 60);
    void add(std::vector<std::string> row);
    void print(std::ostream& out) const;
    bool empty() const { return rows_.empty(); }

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
    std::size_t maxWidth_;
};

/// The number of code points in a UTF-8 string.
std::size_t displayWidth(const std::string& text);

/// `text` cut to `width` code points, ending in "…" when it was cut.
std::string clip(const std::string& text, std::size_t width);

}  // namespace cg::cli
