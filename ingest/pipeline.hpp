// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "ingest/reader.hpp"

namespace cg::ingest {

/// Runs `read` (a reader filling the sink it is given) on a thread of its own while the
/// calling thread passes what it produces, in the same order, to `sink`: parsing and checking
/// records on one core, resolving and storing them on the other. Records travel in chunks of
/// `chunkRecords` (or 4 MiB of text) through a queue of at most `maxChunks` (and 16 MiB of
/// text, but always one chunk), so memory stays bounded whatever the input's size. What `read`
/// throws is thrown here once the records before it are passed on; when `sink` throws, the reader
/// is stopped at its next record and the exception passed on. With `threaded` false, `read` fills
/// `sink` directly on this thread.
void readPipelined(const std::function<void(RecordSink&)>& read, RecordSink& sink,
                   bool threaded = true, std::size_t chunkRecords = 512, std::size_t maxChunks = 8);

}  // namespace cg::ingest
