// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "export/export_options.hpp"
#include "graph/store.hpp"
#include "graph/subgraph.hpp"
#include "graph/view.hpp"

namespace cg::exporters {

/// What an export writes: a view of the graph, the store its provenance comes from, and
/// optionally a query result, in which case only the result's nodes and edges go out.
struct ExportInput {
    const graph::GraphView& view;
    graph::Store& store;
    const graph::Subgraph* subgraph = nullptr;  ///< nothing: the whole view
    /// The claims' provenance when already read (say on a second connection while the view
    /// was built, with exportProvenanceOptions()); nothing, or one read with less: the
    /// writer reads it from `store`.
    const graph::ClaimProvenance* provenance = nullptr;
    /// Evidence level, recorded selection and query figures; nothing: full evidence, no more.
    const ExportOptions* options = nullptr;
};

/// One export format, written as a stream (holding the view's provenance, never a copy of
/// the output) in node and edge index order, so that the same input gives the same bytes;
/// writers throw StorageError when the store cannot be read and Error when the output cannot
/// be written.
class GraphWriter {
  public:
    virtual ~GraphWriter() = default;

    /// Writes the export to `out`.
    virtual void write(const ExportInput& input, std::ostream& out) = 0;

    /// True when the format is a directory of files, so it cannot go to one stream.
    virtual bool writesDirectory() const { return false; }

    /// Writes the file `path`, or for a directory format the files in directory `path`
    /// (created when missing), each whole or not at all, and returns them; throws InputError
    /// when a file cannot be created.
    virtual std::vector<std::filesystem::path> writeTo(const ExportInput& input,
                                                       const std::filesystem::path& path);
};

/// Writes the file at `path` through `fill`, whole or not at all (writeOutputFile: a
/// temporary file renamed over it once complete; a device or FIFO is streamed into); throws
/// InputError when the file cannot be created, written or renamed, and passes on what `fill`
/// throws.
void writeFileWhole(const std::filesystem::path& path,
                    const std::function<void(std::ostream&)>& fill);

}  // namespace cg::exporters
