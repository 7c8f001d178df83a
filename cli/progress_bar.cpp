// SPDX-License-Identifier: MIT
#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

#include "cli/terminal_text.hpp"

namespace cg::cli {

// The label names an input file, and a leak's file names are data too: it is made safe here
// because the bar is written with stdio, past the filter on std::cerr.
ProgressBar::ProgressBar(const std::string& label, Unit unit, std::uint64_t minTotal)
    : label_(terminalText(label)), unit_(unit), minTotal_(minTotal), tty_(isatty(2) == 1) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::clear() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
    if (!tty_ || total < minTotal_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    double f = total ? static_cast<double>(done) / static_cast<double>(total) : 0;
    int filled = static_cast<int>(f * 30);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(30, ' ');
    if (unit_ == Unit::Bytes) {
        std::fprintf(stderr, "\r%s [%s] %3.0f%% %.1f/%.1f MB", label_.c_str(), bar.c_str(), f * 100,
                     static_cast<double>(done) / 1e6, static_cast<double>(total) / 1e6);
    } else {
        std::fprintf(stderr, "\r%s [%s] %3.0f%% %llu/%llu", label_.c_str(), bar.c_str(), f * 100,
                     static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
    }
    std::fflush(stderr);
}

}  // namespace cg::cli
