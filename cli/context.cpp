// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <filesystem>

#include "graph/error.hpp"

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
        store_ = std::make_unique<graph::Store>(dbPath, create);
    }
    return *store_;
}

}  // namespace cg::cli
