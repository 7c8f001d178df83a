// SPDX-License-Identifier: MIT
// One writer at a time: commands that change a database hold its writer lock from start to end,
// so that two ingests into one database run one after the other, as if run in that order.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cg::graph {

/// The writer lock of the database file at `path`: an flock() on the file itself, which
/// SQLite's own locks (POSIX record locks) do not see, so readers keep reading while a writer
/// holds it. Only claimgraph's writing commands take it.
///
/// Closing a descriptor of the database file drops every POSIX lock this process holds on it,
/// SQLite's included: a WriterLock must outlive every SQLite connection the process has open
/// to the file (declare it before the Store it guards).
class WriterLock {
  public:
    /// Takes the lock, creating the (empty) file first when `create` and it is missing; a
    /// missing file is otherwise left to the caller (nothing is locked). When another process
    /// holds the lock, calls `waiting` once and waits: without limit, or up to `wait`.
    /// Throws StorageError when the file cannot be opened or the wait ran out.
    WriterLock(const std::string& path, bool create, std::optional<std::chrono::milliseconds> wait,
               const std::function<void()>& waiting = {});
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    /// True when the file existed (or was created) and is locked.
    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

}  // namespace cg::graph
