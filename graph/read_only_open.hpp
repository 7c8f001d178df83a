// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cg::graph {

/// True when this process may write the database file at `path` (or create it) and create
/// the files SQLite keeps beside it (-wal, -shm) in its folder. Asks the system (access(2)),
/// so a read-only mount, a file mode or a folder mode that binds this user all count.
bool databaseWritable(const std::string& path);

/// The SQLite URI that reads `path` without writing anything: `mode=ro` when a write-ahead
/// log is there to be shared (a writer may be at work: its -wal file exists, and its -shm file
/// too or the folder lets SQLite create it), else `immutable=1`, which reads the file alone
/// and creates no -wal or -shm file. The path is percent-encoded where a URI needs it.
std::string readOnlyDatabaseUri(const std::string& path);

}  // namespace cg::graph
