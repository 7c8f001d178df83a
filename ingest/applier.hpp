// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "ingest/reader.hpp"
#include "resolve/resolver.hpp"

namespace cg::ingest {

/// A reference that fit several entities, as the ingest reports it: kept on a placeholder
/// entity, not rejected.
struct AmbiguityNote {
    std::string file;
    std::int64_t line = 0;
    std::string message;  ///< `file:line: ambiguous reference 'Chen Wei' (Person): matches ...`
    std::string name;     ///< the name the reference gave
    std::string type;     ///< the type it gave; empty when none
    graph::EntityRow placeholder;
    std::vector<graph::EntityRow> candidates;
};

/// What one ingest did; `sources + accepted + duplicates + retracted + rejected` is every
/// record read (every non-blank line, for the line-based formats).
struct IngestSummary {
    std::string file;
    std::string format;
    std::int64_t sources = 0;
    std::int64_t accepted = 0;    ///< new claims stored
    std::int64_t duplicates = 0;  ///< claims already in the store, unchanged
    std::int64_t retracted = 0;   ///< claims a retraction holds: kept out, not stored again
    std::int64_t rejected = 0;
    /// references held as ambiguous (name-only, fitting several entities), this file's own
    /// and earlier ones a new entity made ambiguous; their claims are among the accepted
    std::int64_t ambiguous = 0;
    std::int64_t entitiesCreated = 0;
    bool bulk = false;  ///< taken by the bulk path (the store held no claims before)
    std::vector<graph::Rejection> firstRejections;  ///< up to kKeptRejections, for display
    std::vector<std::string> warnings;              ///< whole-file notes (an empty file)
    std::vector<AmbiguityNote> firstAmbiguous;      ///< up to kKeptRejections
    bool nothingRead = false;  ///< bytes, but no record, source or rejection came of them
    static constexpr std::size_t kKeptRejections = 20;
};

/// The one place where records reach the store: checks what needs the store (a known source,
/// endpoint types after resolution, immutable claim ids), resolves entities, stores claims,
/// names, identifiers, properties and relations, and stores rejections. Commits one
/// transaction per `batchSize` records, so a killed ingest keeps every finished batch and a
/// re-run completes it without duplicates. A file read into a store without claims takes the
/// bulk path (Store::beginBulkLoad) unless `allowBulk` is false; the stored content is the
/// same either way.
class Applier : public RecordSink {
  public:
    Applier(graph::Store& store, const graph::Schema& schema, std::size_t batchSize = 20000,
            bool allowBulk = true);
    ~Applier() override;

    /// Starts counting for one file, whose rejections from earlier reads are deleted with the
    /// first batch (Store::clearRejections).
    void beginFile(const std::string& file, const std::string& format);
    /// Commits the open batch and logs the file; returns its summary.
    IngestSummary endFile();
    /// Ends an ingest of one or more files: re-applies the recorded merges whose two entities
    /// exist but are not merged (resolve/judgements.hpp applyJudgements), so that judgements
    /// hold whatever the order the input came in. Returns how many it applied; throws
    /// StorageError.
    int finish();

    void source(graph::Source&& source, const std::string& file, std::int64_t line) override;
    void claim(graph::Claim&& claim) override;
    void reject(graph::Rejection&& rejection) override;
    void progress(std::uint64_t bytes) override;

    /// The database the claims go to (files are recorded relative to its folder).
    const std::string& storePath() const { return store_.path(); }

    /// Called with bytes read, at most a few times a second's worth of records.
    std::function<void(std::uint64_t)> onProgress;

  private:
    void step();
    void openBatch();
    bool applyClaim(const graph::Claim& c, std::string& reason);
    void noteAmbiguous(const graph::Claim& c);

    graph::Store& store_;
    const graph::Schema& schema_;
    std::size_t batchSize_;
    std::size_t inBatch_ = 0;
    // Text in the open batch (raw records and quotes): a batch is committed early past
    // kBatchBytes, so that large records never pile up in SQLite's cache.
    std::size_t batchBytes_ = 0;
    static constexpr std::size_t kBatchBytes = std::size_t{32} << 20;
    bool allowBulk_ = true;
    bool bulkDecided_ = false;
    std::unique_ptr<graph::Store::Batch> batch_;
    std::unique_ptr<resolve::Resolver> resolver_;
    std::unordered_map<std::string, graph::SourceId> sources_;
    IngestSummary summary_;
    std::int64_t createdAtStart_ = 0;
};

}  // namespace cg::ingest
