// SPDX-License-Identifier: MIT
// How a relation's derived values travel between the claims table, RelationDerivation and the
// relations table; and their recomputation for every relation when their meaning changes.
#include <SQLiteCpp/SQLiteCpp.h>

#include "graph/relation_evidence.hpp"
#include "graph/store_impl.hpp"

namespace cg::graph {

const char* const kClaimEvidenceColumns =
    "c.stance, c.confidence, c.share_min, c.share_max, c.valid_from, c.valid_to, s.published, "
    "c.attributes, c.id, c.source, c.relation_id";

ClaimEvidence readClaimEvidence(SQLite::Statement& q) {
    ClaimEvidence e;
    e.denies = q.getColumn(0).getInt() == static_cast<int>(Stance::Denies);
    e.confidence = q.getColumn(1).getDouble();
    if (!q.getColumn(2).isNull() && !q.getColumn(3).isNull()) {
        e.shareMin = q.getColumn(2).getDouble();
        e.shareMax = q.getColumn(3).getDouble();
    }
    if (!q.getColumn(4).isNull()) e.validFrom = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) e.validTo = q.getColumn(5).getString();
    e.seen = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull()) e.direct = directAttribute(q.getColumn(7).getString());
    e.claim = q.getColumn(8).getInt64();
    e.source = q.getColumn(9).getInt64();
    return e;
}

void bindRelationValues(SQLite::Statement& q, const RelationDerivation& d) {
    q.bind(1, d.support);
    q.bind(2, d.dispute);
    q.bind(3, d.confidence());
    if (d.shareMin)
        q.bind(4, *d.shareMin);
    else
        q.bind(4);
    if (d.shareMax)
        q.bind(5, *d.shareMax);
    else
        q.bind(5);
    q.bind(6, d.shareConflict ? 1 : 0);
    if (d.validFrom)
        q.bind(7, *d.validFrom);
    else
        q.bind(7);
    if (d.validTo)
        q.bind(8, *d.validTo);
    else
        q.bind(8);
    q.bindNoCopy(9, d.firstSeen);
    q.bindNoCopy(10, d.lastSeen);
    q.bind(11, d.indirect() ? 1 : 0);
}

void rederiveAllRelations(SQLite::Database& db) {
    // One pass over the claims in relation order; a relation's claims are few, so only one
    // relation's derivation is held at a time.
    SQLite::Statement claims(db,
                             std::string("SELECT ") + kClaimEvidenceColumns +
                                 " FROM claims c JOIN sources s ON s.id = c.source "
                                 "WHERE c.relation_id IS NOT NULL ORDER BY c.relation_id, c.id");
    SQLite::Statement update(
        db,
        "UPDATE relations SET support = ?, dispute = ?, confidence = ?, share_min = ?, "
        "share_max = ?, share_conflict = ?, valid_from = ?, valid_to = ?, first_seen = ?, "
        "last_seen = ?, indirect = ? WHERE id = ?");
    RelationId current = 0;
    RelationDerivation d;
    auto write = [&] {
        if (current == 0) return;
        bindRelationValues(update, d);
        update.bind(12, current);
        update.exec();
        update.reset();
    };
    while (claims.executeStep()) {
        RelationId relation = claims.getColumn(10).getInt64();
        if (relation != current) {
            write();
            current = relation;
            d = RelationDerivation{};
        }
        d.add(readClaimEvidence(claims));
    }
    write();
}

}  // namespace cg::graph
