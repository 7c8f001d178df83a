// SPDX-License-Identifier: MIT
#include "ingest/applier.hpp"

#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "graph/normalize.hpp"
#include "resolve/ambiguity.hpp"
#include "resolve/judgements.hpp"

namespace cg::ingest {

using graph::Claim;

namespace {

// Every format gets the claims format's limit on names (docs/reliability.md): resolution
// normalises and indexes names, and megabytes of "name" in one record would cost seconds.
constexpr std::size_t kMaxNameBytes = 4096;

bool withinNameLimit(const Claim& c, std::string& reason) {
    for (const auto* ref : {&c.subject, &c.object}) {
        auto tooLong = [&](const std::string& text, const char* what) {
            if (text.size() <= kMaxNameBytes) return false;
            reason = cat(ref == &c.subject ? "subject " : "object ", what, " is longer than ",
                         kMaxNameBytes, " bytes");
            return true;
        };
        if (tooLong(ref->name, "name")) return false;
        for (const auto& alias : ref->aliases) {
            if (tooLong(alias, "alias")) return false;
        }
        for (const auto& id : ref->identifiers) {
            if (tooLong(id.second, "identifier")) return false;
        }
    }
    return true;
}

}  // namespace

Applier::Applier(graph::Store& store, const graph::Schema& schema, std::size_t batchSize,
                 bool allowBulk)
    : store_(store), schema_(schema), batchSize_(batchSize ? batchSize : 1), allowBulk_(allowBulk) {
    resolver_ = std::make_unique<resolve::Resolver>(store_, schema_);
}

Applier::~Applier() = default;

void Applier::beginFile(const std::string& file, const std::string& format) {
    summary_ = IngestSummary{};
    summary_.file = file;
    summary_.format = format;
    createdAtStart_ = resolver_->createdCount();
    bulkDecided_ = false;
}

void Applier::openBatch() {
    if (batch_) return;
    batch_ = std::make_unique<graph::Store::Batch>(store_);
    if (!bulkDecided_) {
        // Decided once per file, in its first batch: a store without claims takes the bulk
        // path (indexes built at the end); any other store is written row by row, with the
        // indexes a killed bulk load left out built first.
        bulkDecided_ = true;
        if (!allowBulk_ || !store_.beginBulkLoad()) store_.restoreIndexes();
        // Rejections describe a file's latest read: the earlier reads' go in the same
        // transaction as the first records of this one.
        store_.clearRejections({summary_.file});
    }
}

int Applier::finish() { return resolve::applyJudgements(store_, schema_); }

IngestSummary Applier::endFile() {
    openBatch();
    summary_.bulk = store_.bulkLoading();
    store_.endBulkLoad();
    store_.logIngest(summary_.file, summary_.format, summary_.accepted, summary_.duplicates,
                     summary_.rejected);
    resolver_->discardUnclaimed();  // nothing may wait past the commit
    batch_->commit();
    batch_.reset();
    inBatch_ = 0;
    summary_.entitiesCreated = resolver_->createdCount() - createdAtStart_;
    return summary_;
}

void Applier::step() {
    openBatch();
    if (++inBatch_ >= batchSize_ || batchBytes_ >= kBatchBytes) {
        resolver_->discardUnclaimed();  // nothing may wait past the commit
        batch_->commit();
        batch_.reset();
        inBatch_ = 0;
        // 12 claims with 15 MB quotes peaked at 789 MB, most of it cached pages (issue 23).
        if (batchBytes_ >= kBatchBytes) store_.releaseMemory();
        batchBytes_ = 0;
    }
}

void Applier::progress(std::uint64_t bytes) {
    if (onProgress) onProgress(bytes);
}

void Applier::source(graph::Source&& source, const std::string& /*file*/, std::int64_t /*line*/) {
    openBatch();
    sources_[source.key] = store_.putSource(source);
    ++summary_.sources;
    step();
}

void Applier::reject(graph::Rejection&& r) {
    openBatch();
    batchBytes_ += r.raw.size();
    store_.addRejection(r);
    ++summary_.rejected;
    if (summary_.firstRejections.size() < IngestSummary::kKeptRejections) {
        summary_.firstRejections.push_back(std::move(r));
    }
    step();
}

void Applier::claim(graph::Claim&& c) {
    openBatch();
    batchBytes_ += c.raw.size() + c.quote.size();
    std::string reason;
    bool applied = withinNameLimit(c, reason) && applyClaim(c, reason);
    noteAmbiguous(c);
    if (!applied) {
        reject(graph::Rejection{c.file, c.line, reason, c.raw});
        return;
    }
    step();
}

void Applier::noteAmbiguous(const graph::Claim& c) {
    for (resolve::AmbiguousReference& a : resolver_->takeAmbiguous()) {
        ++summary_.ambiguous;
        if (summary_.firstAmbiguous.size() >= IngestSummary::kKeptRejections) continue;
        if (a.file.empty()) {
            a.file = graph::shownFilePath(c.file);
            a.line = c.line;
        }
        AmbiguityNote note;
        note.file = a.file;
        note.line = a.line;
        note.message = resolve::ambiguityMessage(store_, a);
        note.name = a.name;
        note.type = a.type;
        if (auto e = store_.entity(a.placeholder)) note.placeholder = *e;
        for (graph::EntityId id : a.candidates) {
            if (auto e = store_.entity(id)) note.candidates.push_back(*e);
        }
        summary_.firstAmbiguous.push_back(std::move(note));
    }
}

bool Applier::applyClaim(const Claim& c, std::string& reason) {
    auto src = sources_.find(c.sourceKey);
    if (src == sources_.end()) {
        auto id = store_.findSource(c.sourceKey);
        if (!id) {
            reason = "claim names unknown source '" + c.sourceKey +
                     "' (declare it first with a {\"source\": {\"id\": ...}} line)";
            return false;
        }
        src = sources_.emplace(c.sourceKey, *id).first;
    }
    if (auto existing = store_.findClaim(c.key)) {
        if (existing->second != c.contentHash) {
            reason = "claim id '" + c.key +
                     "' is already stored with different content (claims are immutable; give "
                     "the changed claim a new id)";
            return false;
        }
        ++summary_.duplicates;
        return true;
    }
    if (auto retracted = store_.findRetractedClaim(c.key)) {
        if (retracted->second != c.contentHash) {
            reason = cat("claim id '", c.key, "' is retracted (retraction ", retracted->first,
                         ") with different content (claims are immutable; give the changed claim "
                         "a new id)");
            return false;
        }
        // Kept out until `retract --undo`: a re-ingest does not bring it back.
        ++summary_.retracted;
        return true;
    }
    resolver_->setSource(c.sourceKey);
    resolve::ResolveError error;
    auto subjectType = resolver_->typeFor(c.subject, error);
    if (!subjectType) {
        reason = "subject: " + error.reason;
        return false;
    }
    const graph::RelationType* rel = nullptr;
    if (c.kind == Claim::Kind::Relation) {
        rel = schema_.relationType(c.relation);
        auto objectType = resolver_->typeFor(c.object, error);
        if (!objectType) {
            reason = "object: " + error.reason;
            return false;
        }
        if (!schema_.allows(*rel, *subjectType, *objectType)) {
            std::string from, to;
            for (const auto& t : rel->from) from += (from.empty() ? "" : "|") + t;
            for (const auto& t : rel->to) to += (to.empty() ? "" : "|") + t;
            reason = "relation '" + rel->name + "' cannot go from a " +
                     schema_.entityType(*subjectType).name + " to a " +
                     schema_.entityType(*objectType).name + " (allowed: " + from + " -> " + to +
                     ")";
            return false;
        }
    }
    if (rel && resolver_->sameEntity(c.subject, c.object)) {
        reason = "subject and object are the same entity ('" +
                 (c.subject.name.empty() ? c.subject.key : c.subject.name) + "')";
        return false;
    }
    resolver_->beginClaim();
    graph::EntityId subject = resolver_->resolve(c.subject, std::nullopt);
    std::optional<graph::EntityId> object;
    std::optional<graph::RelationId> relation;
    if (rel) {
        object = resolver_->resolve(c.object, std::nullopt, graph::ReferenceRole::Object);
        if (resolver_->canonical(*object) == resolver_->canonical(subject)) {
            reason = "subject and object are the same entity ('" +
                     (c.subject.name.empty() ? c.subject.key : c.subject.name) + "')";
            resolver_->discardUnclaimed();
            return false;
        }
        graph::EntityId a = resolver_->canonical(subject);
        graph::EntityId b = resolver_->canonical(*object);
        // Undirected relations are stored once, in a canonical order.
        if (!rel->directed && b < a) std::swap(a, b);
        relation = store_.relationFor(rel->name, a, b, c.relationKey, rel->directed);
        store_.touchRelation(*relation);
    }
    graph::ClaimId id = store_.insertClaim(c, src->second, subject, object, relation);
    // The names and identifiers this claim introduced record it as their source.
    resolver_->attachClaim(id);
    // Titles and countries the references give are kept as hints for resolution, never
    // from a claim that denies: its references describe what it denies.
    if (c.stance == graph::Stance::Asserts) {
        resolver_->recordClaimFacts(subject, c.subject, id);
        if (rel) resolver_->recordClaimFacts(*object, c.object, id);
    }
    if (c.kind == Claim::Kind::Property) {
        // An asserted alias or name is also a name to match on, as the schema describes.
        bool isName = c.property == "alias" || c.property == "name";
        if (isName && c.stance == graph::Stance::Asserts) {
            // The claim's own reference finds the same entity again, now with one more name.
            graph::EntityRef alias = c.subject;
            alias.aliases.push_back(c.value);
            resolver_->resolve(alias, id);
        }
        store_.addProperty(subject, c.property, c.value, id, c.stance);
    }
    ++summary_.accepted;
    return true;
}

}  // namespace cg::ingest
