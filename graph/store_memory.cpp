// SPDX-License-Identifier: MIT
#include <sqlite3.h>

#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

// In effect whatever SQLite was built with, unlike sqlite3_release_memory; the page cache
// would otherwise keep up to its 256 MiB of pages read or written by a batch of large texts.
void Store::releaseMemory() { sqlite3_db_release_memory(impl_->db.getHandle()); }

}  // namespace cg::graph
