// SPDX-License-Identifier: MIT
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "graph/writer_lock.hpp"

namespace cg::cli {

/// Exit codes, documented in the README.
enum ExitCode : int {
    kOk = 0,
    kError = 1,        ///< bad input file (refused whole), unknown entity, storage failure
    kUsage = 2,        ///< bad command line
    kRejected = 3,     ///< --strict and at least one record was rejected
    kNothingRead = 4,  ///< an ingested file of which no record was accepted (an empty one too)
};

/// What every command needs: the database, the schema and the output mode.
struct Context {
    std::string dbPath;
    std::string schemaPath;
    bool json = false;
    bool quiet = false;
    /// --wide: tables print every cell whole, even on a terminal narrower than their lines.
    bool wide = false;
    /// --wait SECONDS: how long a writing command waits for another one to end; none: no limit.
    std::optional<double> waitSeconds;
    std::ostream& out = std::cout;
    std::ostream& err = std::cerr;

    /// The schema: the default one, extended by --schema when given.
    const graph::Schema& schema();
    /// The database, opened on first use; `create` makes a new one when it is missing.
    graph::Store& store(bool create = false);
    /// How wide a table printed to `out` may be: the terminal's width (its size, else
    /// $COLUMNS, else 80) when standard output is a terminal and --wide was not given; else 0,
    /// every cell whole (pipes and files).
    std::size_t tableWidth() const;
    /// Called by a command that changes the database, before it opens it: takes the writer
    /// lock (graph/writer_lock.hpp) for the rest of the command, waiting for another writer to
    /// end (saying so on a terminal), so that writers run one after the other.
    void writing(bool create = false);

  private:
    std::unique_ptr<graph::Schema> schema_;
    // Before store_, so that it is released after the store's connection is closed.
    std::unique_ptr<graph::WriterLock> lock_;
    std::unique_ptr<graph::Store> store_;
};

}  // namespace cg::cli
