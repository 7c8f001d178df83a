// SPDX-License-Identifier: MIT
// The bulk reads exporters need: one streaming scan each, in id order, no per-row queries.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include "graph/date.hpp"
#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

void Store::forEachSource(const std::function<void(SourceId, const Source&)>& fn) {
    storageCall(path_, "cannot read sources", [&] {
        SQLite::Statement q(impl_->db,
                            "SELECT id, key, title, publisher, url, published, retrieved, kind, "
                            "licence FROM sources ORDER BY key");
        Source s;
        while (q.executeStep()) {
            s.key = q.getColumn(1).getString();
            s.title = q.getColumn(2).getString();
            s.publisher = q.getColumn(3).getString();
            s.url = q.getColumn(4).getString();
            s.published = q.getColumn(5).getString();
            s.retrieved = q.getColumn(6).getString();
            s.kind = q.getColumn(7).getString();
            s.licence = q.getColumn(8).getString();
            fn(q.getColumn(0).getInt64(), s);
        }
    });
}

std::optional<Store::IngestRecord> Store::lastIngest() {
    return storageCall(
        path_, "cannot read the ingests", [&]() -> std::optional<Store::IngestRecord> {
            SQLite::Statement q(
                impl_->db,
                "SELECT id, file, format, finished FROM ingests ORDER BY id DESC LIMIT 1");
            if (!q.executeStep()) return std::nullopt;
            return IngestRecord{q.getColumn(0).getInt64(),
                                shownFilePath(q.getColumn(1).getString()),
                                q.getColumn(2).getString(), q.getColumn(3).getString()};
        });
}

}  // namespace cg::graph
