// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "export/writer.hpp"

namespace cg::exporters {

/// What one export wrote.
struct ExportSummary {
    std::string format;
    std::uint64_t nodes = 0;
    std::uint64_t edges = 0;
    std::vector<std::filesystem::path> files;  ///< empty when written to the stream
};

/// Writes `input` (the whole view, or its subgraph when set) in `format` to `out` (a file,
/// a directory for formats of several files, or `stream` when `out` is "-" or empty); throws
/// InputError for an unknown format, a directory format sent to the stream or a path that
/// cannot be written, and StorageError when the store cannot be read.
ExportSummary exportGraph(const ExportInput& input, const std::string& format,
                          const std::string& out, std::ostream& stream);

/// The same with a writer made by the caller (an HtmlWriter with its title and figures);
/// `format` names it in the summary and in errors.
ExportSummary exportGraph(const ExportInput& input, GraphWriter& writer, const std::string& format,
                          const std::string& out, std::ostream& stream);

}  // namespace cg::exporters
