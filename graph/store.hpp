// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.hpp"

namespace cg::graph {

struct RelationDerivation;

/// Counts shown by `claimgraph stats`.
struct StoreStats {
    std::int64_t sources = 0;
    std::int64_t claims = 0;
    std::int64_t relationClaims = 0;
    std::int64_t propertyClaims = 0;
    std::int64_t deniedClaims = 0;
    std::int64_t entities = 0;  ///< canonical entities (merged ones count once)
    std::int64_t stubEntities = 0;
    std::int64_t relations = 0;  ///< relations with at least one supporting claim
    std::int64_t disputedRelations = 0;
    std::int64_t deniedOnlyRelations = 0;
    std::int64_t rejections = 0;
    std::int64_t retractedClaims = 0;  ///< claims taken out by `retract`, not counted above
    std::int64_t hiddenEntities = 0;   ///< entities no live claim names any more
    std::vector<std::pair<std::string, std::int64_t>> entitiesByType;
    std::vector<std::pair<std::string, std::int64_t>> relationsByType;
};

/// One row of `claimgraph sources`.
struct SourceRow {
    SourceId id = 0;
    Source source;
    std::int64_t claims = 0;
};

/// An entity as listed by `claimgraph entities`.
struct EntityRow {
    EntityId id = 0;
    std::string key;
    std::string type;
    std::string name;
    bool stub = false;
    std::int64_t relations = 0;
};

/// A claim with its source, as printed by `show` and `explain`.
struct ClaimRow {
    ClaimId id = 0;
    std::string key;
    std::string sourceKey;
    std::string sourceTitle;
    std::string sourcePublished;
    std::string file;  ///< as outputs show it (shownFilePath): never a folder above the database
    std::int64_t line = 0;
    Stance stance = Stance::Asserts;
    double confidence = 1;
    std::string quote;
    std::string validFrom;
    std::string validTo;
    std::string attributesJson;
    std::string relation;  ///< relation type, or empty for a property claim
    EntityId subject = 0;
    EntityId object = 0;
    std::string property;
    std::string value;
    SourceId source = 0;
    RelationId relationId = 0;  ///< 0 for a property claim
    std::optional<double> shareMin;
    std::optional<double> shareMax;
    std::string location;  ///< where in the source (page, paragraph), as the claim gives it
};

/// A relation as derived from its claims.
struct RelationRow {
    RelationId id = 0;
    std::string type;
    EntityId src = 0;
    EntityId dst = 0;
    std::string rkey;
    bool directed = true;
    std::int64_t support = 0;
    std::int64_t dispute = 0;
    double confidence = 0;
    std::optional<double> shareMin;
    std::optional<double> shareMax;
    bool shareConflict = false;
    std::optional<int> validFrom;  ///< yyyymmdd; nothing when open
    std::optional<int> validTo;
    std::string firstSeen;  ///< earliest source date among its claims
    std::string lastSeen;
    bool indirect = false;  ///< declared an indirect interest (held through other entities)
};

/// A property value with the claims that assert it and those that deny it.
struct PropertyRow {
    std::string name;
    std::string value;
    std::vector<ClaimRow> claims;   ///< asserting, in claim id order
    std::vector<ClaimRow> denials;  ///< denying, in claim id order
};

/// A name or identifier of an entity with the claim that first gave it.
struct NameRow {
    std::string name;
    std::string norm;
    std::string claimKey;  ///< empty for a name given by a bare declaration
};

/// Everything `show` prints about one entity.
struct EntityDetail {
    EntityRow entity;
    std::vector<EntityId> mergedFrom;  ///< entities merged into this one
    std::vector<NameRow> names;
    std::vector<std::pair<std::string, std::string>> identifiers;
    std::vector<PropertyRow> properties;  ///< each (name, value) once, by name then value
    std::vector<RelationRow> relations;
};

/// Which end of a claim an entity reference is.
enum class ReferenceRole : std::uint8_t { Subject = 0, Object = 1 };

/// A reference that named an entity only by its name (no id, no identifier), as kept for
/// re-examination (store_ambiguity.cpp), with where its claim comes from.
struct NameReferenceRow {
    ClaimId claim = 0;
    ReferenceRole role = ReferenceRole::Subject;
    std::string type;  ///< the entity type the reference gave; empty when it gave none
    std::string name;  ///< the name it gave, without titles
    std::string sourceKey;
    std::string file;
    std::int64_t line = 0;
};

/// One retraction in the log: the claims of a source or of a file taken out of every output,
/// until undone.
struct RetractionRow {
    std::int64_t id = 0;
    std::string kind;    ///< source, file
    std::string target;  ///< the source's key or the file as the claims record it
    std::string reason;
    std::int64_t claims = 0;  ///< claims it took out
    std::string created;
    std::string undone;  ///< when it was undone; empty while it holds
};

/// The SQLite database of one investigation: sources, claims, entities, names, identifiers,
/// properties, relations and rejected input, with integer keys. The only code that talks to
/// SQLite. Throws StorageError when the file cannot be opened, is not a claimgraph database,
/// or a statement fails.
class Store {
  public:
    /// The database layout this build writes; older files are migrated on open.
    static constexpr int kSchemaVersion = 10;

    /// How the file is opened.
    enum class Access {
        readWrite,  ///< read and written; older layouts are migrated
        readOnly,  ///< only read, creating no file (read_only_open.hpp); an older layout is refused
    };

    /// Opens (and with `create`, creates) the database at `path`.
    explicit Store(const std::string& path, bool create = true, Access access = Access::readWrite);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const { return path_; }
    Access access() const { return access_; }
    int schemaVersion() const;

    /// A transaction that rolls back unless committed; commit() first writes the derived
    /// values of every relation touched in the batch.
    class Batch {
      public:
        explicit Batch(Store& store);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        void commit();

      private:
        Store& store_;
        bool done_ = false;
    };

    // --- writing (inside a Batch) ---

    /// Starts a bulk load when the store holds no claims yet: drops the indexes that only
    /// serve reading, so rows are appended without their upkeep; endBulkLoad() builds them
    /// once. A process killed in between leaves its committed batches without those indexes
    /// (reads stay correct, only slower) until restoreIndexes() builds them. Returns false
    /// (and changes nothing) when the store already holds claims. Throws StorageError.
    bool beginBulkLoad();
    /// Builds the indexes beginBulkLoad() dropped, in the open batch. Throws StorageError.
    void endBulkLoad();
    bool bulkLoading() const;
    /// Builds the indexes a bulk load cut short left out, in the open batch; returns how many
    /// were missing. Throws StorageError.
    int restoreIndexes();
    /// Hands back the memory SQLite holds for this connection that no open statement needs
    /// (the page cache's clean pages); for after a batch of large records. Never throws.
    void releaseMemory();

    /// Stores a source, or fills in the fields an earlier declaration left empty.
    SourceId putSource(const Source& source);
    std::optional<SourceId> findSource(const std::string& key);

    /// The id and content hash of a stored claim.
    std::optional<std::pair<ClaimId, std::uint64_t>> findClaim(const std::string& key);
    /// Inserts a claim whose endpoints are resolved; returns its id.
    ClaimId insertClaim(const Claim& claim, SourceId source, EntityId subject,
                        std::optional<EntityId> object, std::optional<RelationId> relation);

    EntityId insertEntity(const std::string& key, const std::string& type, const std::string& name,
                          bool stub);
    void updateEntity(EntityId id, const std::string& type, const std::string& name, bool stub);
    /// Adds a name; returns false when the entity already had it.
    bool addName(EntityId entity, const std::string& name, const std::string& norm,
                 std::optional<ClaimId> claim);
    bool addIdentifier(EntityId entity, const std::string& scheme, const std::string& value,
                       std::optional<ClaimId> claim);
    void addProperty(EntityId entity, const std::string& name, const std::string& value,
                     ClaimId claim, Stance stance);
    /// Records what an entity reference of an asserting claim says about the entity beyond
    /// its identity (a title split off a person's name, a country): a hint for resolution,
    /// stored in `properties` with stance 2, never shown or exported as a property (the claim
    /// does not assert it).
    void addReferenceFact(EntityId entity, const std::string& name, const std::string& value,
                          ClaimId claim);

    /// The relation (type, src, dst, key), created when absent; src and dst are canonical.
    RelationId relationFor(const std::string& type, EntityId src, EntityId dst,
                           const std::string& rkey, bool directed);
    /// Marks a relation whose derived values must be recomputed at commit.
    void touchRelation(RelationId id);

    /// Stores a rejected record; the same record from the same place is stored once.
    void addRejection(const Rejection& rejection);
    /// Deletes the rejections of the files named (each as the store records it; every
    /// rejection when `files` is empty); returns how many were deleted. An ingest calls it
    /// for its file inside its first batch, so rejections describe each file's latest read.
    std::int64_t clearRejections(const std::vector<std::string>& files);

    /// Records one ingest run in the log.
    void logIngest(const std::string& file, const std::string& format, std::int64_t accepted,
                   std::int64_t duplicates, std::int64_t rejected);

    // --- resolution (inside a Batch) ---

    /// Points `id` at the entity it is merged into, or makes it canonical again.
    void setMergedInto(EntityId id, std::optional<EntityId> into);
    void setEntityType(EntityId id, const std::string& type);
    /// Entities merged into `canonical` (not including it).
    std::vector<EntityId> mergedMembers(EntityId canonical);
    /// Re-files the claims touching these entities under the relations of their current
    /// canonical endpoints; relations left without claims are removed at commit.
    void reassignRelations(const std::vector<EntityId>& entities);

    // --- ambiguous references (store_ambiguity.cpp) ---

    /// Records that `claim`'s reference in `role` named `entity` by name only; `normHash`
    /// identifies the name's match key. Throws StorageError.
    void addNameReference(EntityId entity, std::uint64_t normHash, ClaimId claim,
                          ReferenceRole role, const std::string& type, const std::string& name);
    /// Removes and returns the name-only references to `entity` under one match key, in
    /// claim order. Throws StorageError.
    std::vector<NameReferenceRow> takeNameReferences(EntityId entity, std::uint64_t normHash);
    /// Calls `fn` for every recorded name-only reference: the entity and the key's hash.
    void forEachNameReference(const std::function<void(EntityId, std::uint64_t normHash)>& fn);
    /// Points one end of a claim at another entity: the claim row, the properties the claim
    /// gave `from`, and the claim's relation (re-filed under the new canonical endpoints).
    /// Throws StorageError.
    void moveReference(ClaimId claim, ReferenceRole role, EntityId from, EntityId to);
    /// Canonical entities whose key starts with `prefix`, in key order.
    std::vector<EntityRow> entitiesWithKeyPrefix(const std::string& prefix);
    /// The identifiers (scheme, value) recorded for one entity, sorted.
    std::vector<std::pair<std::string, std::string>> identifiersOf(EntityId id);

    // --- bulk reading for in-memory indexes ---

    /// With `liveOnly`, the reads below leave out hidden entities (and their merged members)
    /// and names and identifiers only retracted claims gave; the resolver reads them all, so
    /// that a new claim naming a hidden entity finds it again.
    void forEachEntity(
        const std::function<void(EntityId, const std::string& key, const std::string& type,
                                 bool stub, std::optional<EntityId> mergedInto)>& fn,
        bool liveOnly = false);
    void forEachName(const std::function<void(EntityId, const std::string& norm)>& fn,
                     bool liveOnly = false);
    void forEachIdentifier(const std::function<void(EntityId, const std::string& scheme,
                                                    const std::string& value)>& fn,
                           bool liveOnly = false);
    /// Every stored value of the named properties (asserted, not denied), by raw entity id.
    void forEachPropertyValue(
        const std::vector<std::string>& names,
        const std::function<void(EntityId, const std::string& name, const std::string& value)>& fn);
    void forEachRelationKey(
        const std::function<void(RelationId, const std::string& type, EntityId src, EntityId dst,
                                 const std::string& rkey)>& fn);

    // --- reading ---

    StoreStats stats();
    std::vector<SourceRow> sources();
    /// Canonical entities, optionally of one type (with subtypes given by the caller) and
    /// whose normalised names contain `nameNorm`.
    std::vector<EntityRow> entities(const std::vector<std::string>& types,
                                    const std::string& nameNorm, std::int64_t limit);
    std::optional<EntityRow> entity(EntityId id);
    std::optional<EntityId> entityByKey(const std::string& key);
    /// The relation with its derived values; nothing when no relation has that id.
    std::optional<RelationRow> relation(RelationId id);
    /// Canonical entities carrying a name whose normalised form is exactly `norm`; hidden
    /// entities and names given only by retracted claims are left out.
    std::vector<EntityId> entitiesByNorm(const std::string& norm);
    EntityId canonical(EntityId id);
    EntityDetail detail(EntityId id);
    /// Every claim whose subject and object are the two entities (in either order).
    std::vector<ClaimRow> claimsBetween(EntityId a, EntityId b);
    std::vector<ClaimRow> claimsOfRelation(RelationId id);
    /// The first `limit` rejections (0: all) of the files named (as the store records them;
    /// all files when `files` is empty), files as outputs show them (shownFilePath).
    std::vector<Rejection> rejections(std::int64_t limit,
                                      const std::vector<std::string>& files = {});
    /// The files that have rejections, as the store records them, sorted.
    std::vector<std::string> rejectionFiles();

    /// Calls `fn` for every canonical (not merged) entity that is not hidden, in id order.
    void forEachCanonicalEntity(
        const std::function<void(EntityId, const std::string& key, const std::string& type,
                                 const std::string& name)>& fn);
    /// Relations with at least one asserting claim from one of these sources, sorted.
    std::vector<RelationId> relationsSupportedBy(const std::vector<std::string>& sourceKeys);

    /// Calls `fn` for every relation with its derived values, in id order.
    void forEachRelation(const std::function<void(const RelationRow&)>& fn);
    /// The same with only what the graph view keeps: rkey, shareConflict, firstSeen and
    /// lastSeen are left empty (each column read costs about a tenth of the scan).
    void forEachRelationEdge(const std::function<void(const RelationRow&)>& fn);

    // --- bulk reading for exports (store_export.cpp) ---

    /// Calls `fn` for every source, in key order, without counting its claims.
    void forEachSource(const std::function<void(SourceId, const Source&)>& fn);

    /// One run of `ingest`, as the ingests table keeps it.
    struct IngestRecord {
        std::int64_t id = 0;
        std::string file;  ///< as outputs show it (shownFilePath)
        std::string format;
        std::string finished;  ///< UTC, ISO 8601
    };
    /// The latest ingest, or nothing in a database never ingested into; throws StorageError.
    std::optional<IngestRecord> lastIngest();

    // --- retraction (store_retraction.cpp) ---
    //
    // Live claims are the rows of `claims`: a retraction moves its claims into
    // `retracted_claims` (same columns, plus the retraction's id), so every read of `claims`
    // sees only live ones. The views `hidden_entities` (canonical entities that retracted
    // claims name and no live claim does), `live_names`, `live_identifiers` and
    // `live_properties` are the rest of the one definition of what is live.

    /// Ids of the live claims of a source, or of a file as the claims record it, in id order.
    std::vector<ClaimId> claimsOfSource(SourceId source);
    std::vector<ClaimId> claimsOfFile(const std::string& file);
    /// The files live claims came from, sorted.
    std::vector<std::string> claimFiles();
    /// Records a retraction in the log (inside a Batch); returns its id.
    std::int64_t addRetraction(const std::string& kind, const std::string& target,
                               const std::string& reason, std::int64_t claims);
    /// Moves these live claims out under `retraction` (inside a Batch); names and identifiers
    /// they gave move to another live claim of the same entity that spells them, when there
    /// is one. Returns the relations the claims were filed under: their derived values are
    /// recomputed by applyDerived() or at commit, and a relation left without claims is
    /// removed. Throws StorageError.
    std::vector<RelationId> retractClaims(std::int64_t retraction,
                                          const std::vector<ClaimId>& claims);
    /// Moves the claims of `retraction` back (inside a Batch), files each relation claim under
    /// the relation of its endpoints' current canonical entities, and marks the retraction
    /// undone. Returns those relations (new ones are written by applyDerived() or at commit).
    std::vector<RelationId> restoreClaims(std::int64_t retraction);
    /// Writes the derived values of the relations touched in the open batch now, before the
    /// commit, so that they can be read back (a dry run reads them, then rolls back).
    void applyDerived();
    /// The log, oldest first.
    std::vector<RetractionRow> retractions();
    /// The keys of the claims a retraction holds, sorted.
    std::vector<std::string> retractedClaimKeys(std::int64_t retraction);
    /// The retraction holding a claim and the claim's content hash, or nothing.
    std::optional<std::pair<std::int64_t, std::uint64_t>> findRetractedClaim(
        const std::string& key);
    /// Canonical entities that retracted claims name and no live claim does, sorted.
    std::vector<EntityId> hiddenEntities();
    bool isHidden(EntityId canonical);

    /// The connection, its statement cache and the write path's caches (graph/store_impl.hpp),
    /// for the storage rooms beside the store: saved_queries.hpp, judgement_log.hpp,
    /// provenance_scan.hpp. Opaque to everything else.
    struct Impl;
    Impl& connection() const { return *impl_; }

  private:
    friend class Batch;
    void flushRelations();
    const std::string& sourceDate(SourceId source);
    RelationDerivation deriveFromTable(RelationId id);
    std::string path_;
    Access access_ = Access::readWrite;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cg::graph
