// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

#include "graph/model.hpp"
#include "ingest/reader.hpp"

namespace cg::ingest {

/// Thrown while a reader reads a record, to reject the record, or the part of it being read
/// where the reader catches it and goes on with the rest; `reason` becomes the rejection's
/// reason. The one rejection type of every reader.
struct RecordRejected {
    std::string reason;
};

/// What every reader does with one input record (a line, a row, a JSON record): starts claims
/// that carry the record's source, file, line and raw text, seals them and hands them to the
/// sink, and rejects parts of the record at its line. Holds references: the sink, the source
/// key, the file name and the raw text must outlive it.
class RecordEmitter {
  public:
    RecordEmitter(RecordSink& sink, const std::string& sourceKey, const std::string& file,
                  std::int64_t line, const std::string& raw)
        : sink_(sink), sourceKey_(sourceKey), file_(file), line_(line), raw_(raw) {}

    /// A claim under `key` with the record's source, file, line and raw text filled in.
    graph::Claim base(std::string key) const;
    /// Seals `claim` (ingest/content_hash.hpp sealClaim) and hands it to the sink.
    void emit(graph::Claim&& claim);
    /// Rejects one part of the record, with its line and raw text; the rest of it goes on.
    void reject(const std::string& reason);
    /// True once the record gave a claim or a rejection of one of its parts.
    bool produced() const { return produced_; }

  private:
    RecordSink& sink_;
    const std::string& sourceKey_;
    const std::string& file_;
    std::int64_t line_;
    const std::string& raw_;
    bool produced_ = false;
};

}  // namespace cg::ingest
