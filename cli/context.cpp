// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "graph/error.hpp"
#include "graph/read_only_open.hpp"

namespace cg::cli {

const graph::Schema& Context::schema() {
    if (!schema_) {
        schema_ = std::make_unique<graph::Schema>(graph::Schema::defaults());
        if (!schemaPath.empty()) schema_->extend(graph::Schema::fromFile(schemaPath));
    }
    return *schema_;
}

graph::Store& Context::store(bool create) {
    if (!store_) {
        if (!create && !std::filesystem::exists(dbPath)) {
            throw StorageError(dbPath + ": no such database (run 'claimgraph --db " + dbPath +
                               " init' or ingest a file first)");
        }
        // Reading needs no write access: a database on a read-only mount, or one the user may
        // only read, is opened for reading and left without a file added beside it.
        auto access = !create && !graph::databaseWritable(dbPath) ? graph::Store::Access::readOnly
                                                                  : graph::Store::Access::readWrite;
        store_ = std::make_unique<graph::Store>(dbPath, create, access);
    }
    return *store_;
}

void Context::writing(bool create) {
    if (lock_) return;
    std::optional<std::chrono::milliseconds> wait;
    // Past a year the wait is as good as without limit (and a larger one would overflow).
    constexpr double kYear = 365.0 * 24 * 3600;
    if (waitSeconds && *waitSeconds < kYear) {
        wait = std::chrono::milliseconds(static_cast<std::int64_t>(*waitSeconds * 1000.0));
    }
    bool tell = !quiet && isatty(STDERR_FILENO) == 1;
    lock_ = std::make_unique<graph::WriterLock>(dbPath, create, wait, [this, tell] {
        if (tell) {
            err << "waiting for another claimgraph command that is writing to " << dbPath
                << " to end (--wait SECONDS to give up)\n"
                << std::flush;
        }
    });
}

std::size_t Context::tableWidth() const {
    if (wide || isatty(STDOUT_FILENO) != 1) return 0;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        long n = std::strtol(columns, &end, 10);
        if (end != columns && n > 0) return static_cast<std::size_t>(n);
    }
    return 80;
}

}  // namespace cg::cli
