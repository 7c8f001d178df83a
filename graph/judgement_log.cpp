// SPDX-License-Identifier: MIT
#include "graph/judgement_log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "graph/store.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

std::int64_t JudgementLog::add(const std::string& kind, const std::string& aKey,
                               const std::string& bKey, const std::string& note,
                               const std::string& author) {
    return storageCall(store_.path(), "cannot record the judgement", [&] {
        auto& connection = store_.connection();
        auto& q = connection.stmt(
            "INSERT INTO judgements(kind, a, b, note, author) VALUES (?, ?, ?, ?, ?)");
        q.bind(1, kind);
        q.bind(2, aKey);
        q.bind(3, bKey);
        q.bind(4, note);
        q.bind(5, author);
        q.exec();
        q.reset();
        return connection.db.getLastInsertRowid();
    });
}

std::vector<JudgementRow> JudgementLog::list(bool includeUndone) const {
    return storageCall(store_.path(), "cannot read the judgements", [&] {
        std::string sql = "SELECT id, kind, a, b, note, created, undone, author FROM judgements";
        if (!includeUndone) sql += " WHERE undone = 0";
        sql += " ORDER BY id";
        SQLite::Statement q(store_.connection().db, sql);
        std::vector<JudgementRow> out;
        while (q.executeStep()) {
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           q.getColumn(4).getString(), q.getColumn(5).getString(),
                           q.getColumn(6).getInt() != 0, q.getColumn(7).getString()});
        }
        return out;
    });
}

void JudgementLog::undo(std::int64_t id) {
    storageCall(store_.path(), "cannot undo the judgement", [&] {
        auto& q = store_.connection().stmt("UPDATE judgements SET undone = 1 WHERE id = ?");
        q.bind(1, id);
        q.exec();
        q.reset();
    });
}

}  // namespace cg::graph
