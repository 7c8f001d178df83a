// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace cg::exporters {

/// Fills one output stream; what it throws ends the write.
using OutputFill = std::function<void(std::ostream&)>;

/// Writes `path` through `fill`. A device, a FIFO or a socket (or a link to one) is opened
/// and streamed into. Anything else is written to a temporary file created exclusively, with
/// an unpredictable name, beside the file a link at `path` points to (or `path` itself),
/// flushed to disk and renamed over it once complete, keeping an existing file's mode and
/// owner; a failure leaves the old file as it was and no temporary behind. Throws InputError
/// when the file cannot be created, written or renamed (naming the reason), and passes on
/// what `fill` throws.
void writeOutputFile(const std::filesystem::path& path, const OutputFill& fill);

/// Writes the directory `path` as a whole: the `files` (name and fill) go into a fresh
/// temporary directory beside it, which then takes the place of `path` in one rename (an
/// exchange with the old directory, which is then removed), so a reader or a kill never sees
/// old and new files mixed. An existing `path` must be a directory holding nothing but
/// files of the same names, so that nothing else of the user's is ever removed. Returns the
/// paths written; throws InputError naming what went wrong, and passes on what a fill throws.
std::vector<std::filesystem::path> writeOutputDirectory(
    const std::filesystem::path& path,
    const std::vector<std::pair<std::string, OutputFill>>& files);

}  // namespace cg::exporters
