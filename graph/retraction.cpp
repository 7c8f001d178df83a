// SPDX-License-Identifier: MIT
#include "graph/retraction.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "graph/error.hpp"
#include "graph/file_path.hpp"

namespace cg::graph {

namespace {

bool sameValues(const RelationRow& a, const RelationRow& b) {
    return a.support == b.support && a.dispute == b.dispute && a.confidence == b.confidence &&
           a.shareMin == b.shareMin && a.shareMax == b.shareMax &&
           a.shareConflict == b.shareConflict && a.validFrom == b.validFrom &&
           a.validTo == b.validTo && a.firstSeen == b.firstSeen && a.lastSeen == b.lastSeen &&
           a.indirect == b.indirect;
}

std::vector<EntityId> minus(const std::vector<EntityId>& a, const std::vector<EntityId>& b) {
    std::vector<EntityId> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

bool sameFile(Store& store, const std::string& recorded, const std::string& path) {
    return namesRecordedFile(store.path(), recorded, path);
}

// The file as the claims record it: the path as the store records it, else the one recorded
// file that is the same file spelled another way.
std::optional<std::string> recordedFile(Store& store, const std::string& path) {
    auto files = store.claimFiles();
    std::string recorded = recordedFilePath(store.path(), path);
    if (std::binary_search(files.begin(), files.end(), recorded)) return recorded;
    if (std::binary_search(files.begin(), files.end(), path)) return path;
    std::optional<std::string> found;
    for (const auto& f : files) {
        if (!sameFile(store, f, path)) continue;
        if (found) return std::nullopt;  // two files of that name outside the folder
        found = f;
    }
    return found;
}

// Reads the relations' values as the open batch last wrote them, then writes what the
// batch changed and reads them again.
std::vector<RelationChange> changedRelations(Store& store, std::vector<RelationId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<RelationChange> changes;
    for (RelationId id : ids) changes.push_back({id, store.relation(id), std::nullopt});
    store.applyDerived();
    std::vector<RelationChange> out;
    for (auto& c : changes) {
        c.after = store.relation(c.id);
        if (c.before && c.after && sameValues(*c.before, *c.after)) continue;
        if (!c.before && !c.after) continue;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

RetractionReport retract(Store& store, const RetractRequest& request) {
    RetractionReport report;
    report.dryRun = request.dryRun;
    Store::Batch batch(store);
    std::vector<ClaimId> claims;
    std::string target = request.target;
    const char* kind = request.by == RetractBy::Source ? "source" : "file";
    if (request.by == RetractBy::Source) {
        auto source = store.findSource(target);
        if (!source) throw QueryError("unknown source '" + target + "' (see 'claimgraph sources')");
        claims = store.claimsOfSource(*source);
    } else {
        auto file = recordedFile(store, target);
        if (!file) {
            throw QueryError("no live claim came from file '" + target +
                             "' (see 'claimgraph retract --list' and 'claimgraph sources')");
        }
        target = *file;
        claims = store.claimsOfFile(target);
    }
    if (claims.empty()) {
        std::string shown = request.by == RetractBy::File ? shownFilePath(target) : target;
        throw QueryError(std::string(kind) + " '" + shown +
                         "' has no live claim (see 'claimgraph retract --list')");
    }
    auto hiddenBefore = store.hiddenEntities();
    std::int64_t id =
        store.addRetraction(kind, target, request.reason, static_cast<std::int64_t>(claims.size()));
    auto relations = store.retractClaims(id, claims);
    report.relations = changedRelations(store, relations);
    report.hidden = minus(store.hiddenEntities(), hiddenBefore);
    report.claimKeys = store.retractedClaimKeys(id);
    for (const auto& r : store.retractions()) {
        if (r.id == id) report.retractions.push_back(r);
    }
    if (!request.dryRun) batch.commit();
    return report;
}

RetractionReport undoRetractions(Store& store, const std::vector<std::int64_t>& ids, bool dryRun) {
    RetractionReport report;
    report.undo = true;
    report.dryRun = dryRun;
    Store::Batch batch(store);
    auto log = store.retractions();
    for (std::int64_t id : ids) {
        auto it = std::find_if(log.begin(), log.end(),
                               [&](const RetractionRow& r) { return r.id == id; });
        if (it == log.end())
            throw QueryError(cat("no retraction ", id, " (see 'claimgraph retract --list')"));
        if (!it->undone.empty())
            throw QueryError(cat("retraction ", id, " is already undone (", it->undone, ")"));
        if (std::any_of(report.retractions.begin(), report.retractions.end(),
                        [&](const RetractionRow& r) { return r.id == id; })) {
            continue;
        }
        report.retractions.push_back(*it);
    }
    auto hiddenBefore = store.hiddenEntities();
    std::vector<RelationId> relations;
    for (const auto& r : report.retractions) {
        auto keys = store.retractedClaimKeys(r.id);
        report.claimKeys.insert(report.claimKeys.end(), keys.begin(), keys.end());
        auto touched = store.restoreClaims(r.id);
        relations.insert(relations.end(), touched.begin(), touched.end());
    }
    std::sort(report.claimKeys.begin(), report.claimKeys.end());
    report.relations = changedRelations(store, relations);
    report.shown = minus(hiddenBefore, store.hiddenEntities());
    if (!dryRun) batch.commit();
    return report;
}

std::vector<std::int64_t> heldRetractions(Store& store, RetractBy by, const std::string& target) {
    const char* kind = by == RetractBy::Source ? "source" : "file";
    std::vector<std::int64_t> out;
    for (const auto& r : store.retractions()) {
        if (!r.undone.empty() || r.kind != kind) continue;
        if (r.target == target || (by == RetractBy::File && sameFile(store, r.target, target))) {
            out.push_back(r.id);
        }
    }
    return out;
}

}  // namespace cg::graph
