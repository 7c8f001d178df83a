// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace cg::cli {

/// A progress bar on standard error, redrawn at most ten times a second, and only when
/// standard error is a terminal (never into a pipe or a file); erased when it goes out of
/// scope. Used by ingest (bytes of the file read) and by long queries (searches done).
class ProgressBar {
  public:
    /// What update() counts: bytes (shown in MB) or units of work (shown as counts).
    enum class Unit { Bytes, Count };

    /// `label` may come from the data (an input file name) and is made safe for a terminal;
    /// no bar is drawn while the total is below `minTotal`.
    explicit ProgressBar(const std::string& label, Unit unit = Unit::Bytes,
                         std::uint64_t minTotal = std::uint64_t{1} << 20);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// Shows `done` of `total`; cheap when nothing is drawn (no terminal, or drawn < 0.1 s ago).
    void update(std::uint64_t done, std::uint64_t total);
    /// Erases the bar now (it is drawn again by the next update), so that what is printed next
    /// starts on a line of its own.
    void clear();

  private:
    std::string label_;
    Unit unit_;
    std::uint64_t minTotal_;
    bool tty_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace cg::cli
