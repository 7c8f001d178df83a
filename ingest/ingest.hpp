// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "graph/error.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/applier.hpp"
#include "ingest/reader.hpp"

namespace cg::ingest {

/// Options of one `claimgraph ingest` run.
struct IngestOptions {
    std::string format = "auto";
    std::string mapping;  ///< the mapping file the csv format needs
    std::size_t batchSize = 20000;
    bool allowBulk = true;  ///< a store without claims takes the bulk path (Applier)
    /// The reader parses on a thread of its own while this one resolves and stores
    /// (readPipelined); false: one thread does both, in the same order, with the same result.
    bool pipelined = true;
    /// Called with (bytes read, total bytes) as the file is read.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    /// What standard input is recorded and shown as ("-" when empty); files keep their path.
    std::string name;
};

/// A file refused whole before any of it was stored: a directory, a file that cannot be
/// opened, one in another encoding than UTF-8, one whose format cannot be told. The ingest of
/// the other files goes on.
class RefusedFile : public InputError {
  public:
    using InputError::InputError;
};

/// The formats `--format` accepts, for help and error messages.
std::string formatList();

/// A reader for `format`; throws InputError listing the valid formats when it is unknown, and
/// when the csv format has no readable `mapping` file.
std::unique_ptr<Reader> makeReader(const std::string& format, const graph::Schema& schema,
                                   const std::string& mapping = "");

/// Picks the format of `path` from its first bytes (formatOfContent), or from its name when
/// the content does not tell (an empty file named *.claims.jsonl); throws RefusedFile asking
/// for `--format` (or `--mapping` for a CSV file) when it cannot tell.
std::string detectFormat(const std::string& path);

/// Reads `path` into the store ("-": standard input, as ingestStandardInput). Throws
/// RefusedFile, with nothing stored, when the file cannot be opened, is not UTF-8
/// (foreignEncoding) or its format cannot be told, and InputError when it cannot be read to
/// its end; bad records are rejected, stored and counted, and the rest goes in.
IngestSummary ingestFile(graph::Store& store, const graph::Schema& schema, const std::string& path,
                         const IngestOptions& options);

/// The same with an applier kept across files, so its entity index is loaded once.
IngestSummary ingestFile(Applier& applier, const graph::Schema& schema, const std::string& path,
                         const IngestOptions& options);

/// Reads `in` (standard input) as ingestFile reads a file, recorded under `options.name`
/// ("-" when empty): its format given, or told from its first bytes or else from the name.
IngestSummary ingestStandardInput(Applier& applier, const graph::Schema& schema, std::istream& in,
                                  const IngestOptions& options);

}  // namespace cg::ingest
