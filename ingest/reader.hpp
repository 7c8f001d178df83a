// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

#include "graph/model.hpp"
#include "graph/schema.hpp"

namespace cg::ingest {

/// Receives what a reader makes of its input, in input order.
class RecordSink {
  public:
    virtual ~RecordSink() = default;
    /// A source declaration read at `line`.
    virtual void source(graph::Source&& source, const std::string& file, std::int64_t line) = 0;
    /// A claim that is well-formed on its own; the sink still checks what needs the store.
    virtual void claim(graph::Claim&& claim) = 0;
    /// A record the reader could not accept.
    virtual void reject(graph::Rejection&& rejection) = 0;
    /// Bytes of input consumed so far, for progress reporting.
    virtual void progress(std::uint64_t /*bytes*/) {}
};

/// Turns one input format into sources, claims and rejections. Readers never touch the store.
class Reader {
  public:
    virtual ~Reader() = default;
    /// The format's name as given to `--format`.
    virtual std::string format() const = 0;
    /// Reads the whole stream; `file` names it in rejections. Throws InputError only when the
    /// stream as a whole cannot be read; a bad record becomes a rejection and reading goes on.
    virtual void read(std::istream& in, const std::string& file, RecordSink& sink) = 0;
};

}  // namespace cg::ingest
