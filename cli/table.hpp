// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace cg::cli {

/// A plain-text table: columns padded to their widest cell (counted in code points), with a
/// header rule. Cells are made safe for a terminal (terminalText) and kept whole; print()
/// shortens them only to fit a given width (a terminal's), never in the columns marked whole.
class Table {
  public:
    /// `whole`: the indexes of the columns never shortened, such as the ids a command asks for
    /// next.
    explicit Table(std::vector<std::string> headers, std::vector<std::size_t> whole = {});
    void add(std::vector<std::string> row);
    /// Prints the table. With `width` > 0 (the terminal's width) the lines are at most that
    /// many code points where they can be: the widest columns not marked whole are cut, each
    /// cell ending in "…", down to at least kMinColumn code points or their header's width.
    /// With 0 every cell is printed whole.
    void print(std::ostream& out, std::size_t width = 0) const;
    bool empty() const { return rows_.empty(); }

    /// The narrowest a shortened column becomes.
    static constexpr std::size_t kMinColumn = 12;

  private:
    std::vector<std::string> headers_;
    std::vector<bool> whole_;
    std::vector<std::vector<std::string>> rows_;
};

/// The number of code points in a UTF-8 string.
std::size_t displayWidth(const std::string& text);

/// `text` cut to `width` code points, ending in "…" when it was cut.
std::string clip(const std::string& text, std::size_t width);

}  // namespace cg::cli
