// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/flat_table.hpp"
#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/store.hpp"
#include "resolve/ambiguity.hpp"
#include "resolve/name_parts.hpp"

namespace cg::resolve {

using graph::ClaimId;
using graph::EntityId;
using graph::EntityRef;
using graph::EntityTypeId;
using graph::FlatHashSet;
using graph::FlatTable;
using graph::ReferenceRole;
using graph::Schema;
using graph::Store;

/// Why a reference could not be resolved, for the rejection message.
struct ResolveError {
    std::string reason;
};

/// Entity ids by key, in one FlatTable: a slot holds the key's hash, the id and, for keys of
/// up to 15 bytes, the key itself, so that a look-up reads one cache line (a node-based map
/// reads a bucket, then a node: two misses per reference on a large store). Longer keys are
/// kept aside and compared there. The first id given a key keeps it.
class EntityKeyIndex {
  public:
    /// The id with this key, or nothing.
    std::optional<EntityId> find(std::string_view key) const;
    /// Adds the key unless present; returns false when it was.
    bool insert(std::string_view key, EntityId id);
    std::size_t size() const { return table_.size(); }

  private:
    struct Slot {
        std::uint64_t keyHash = 0;
        EntityId id = 0;
        // Byte 15: 0 in a free slot; the key's length + 1 when the key fits in bytes 0-14;
        // kLong when it is kept in long_, at the index in bytes 0-3.
        char text[16] = {};
        bool used() const { return text[15] != 0; }
        std::uint64_t hash() const { return keyHash; }
    };
    static constexpr unsigned char kLong = 0xff;
    bool matches(const Slot& slot, std::uint64_t hash, std::string_view key) const;
    FlatTable<Slot> table_;
    std::vector<std::string> long_;
};

/// Turns entity references into entity ids, creating entities as needed. Matching, in order:
/// explicit id, then an identifier (scheme and value), then the same normalised name within
/// a compatible type (a Company can be an Organization; a Person never a Company), never an
/// entity that holds another identifier of a scheme the reference gives. A reference that
/// gives only a name and fits several entities is ambiguous: it is held on a placeholder
/// entity (ambiguity.hpp) and reported, and a name-only reference attached while its name had
/// one candidate is moved there when a conflicting candidate arrives. Keeps its indexes in
/// memory, loaded from the store on construction, so each lookup is a few hash probes.
class Resolver {
  public:
    Resolver(Store& store, const Schema& schema);

    /// The type the entity will have once `ref` is applied, or an error when the reference
    /// contradicts what the store knows (an id of a Person described as a Company).
    std::optional<EntityTypeId> typeFor(const EntityRef& ref, ResolveError& error) const;

    /// Finds or creates the entity for `ref`, records its names, identifiers and titles with
    /// the claim that gave them, and returns the entity the reference matched (which may have
    /// been merged into another: see canonical()). Call typeFor() first. Inside beginClaim(),
    /// a name-only reference is recorded under `role` with the claim, and an ambiguous one
    /// is reported by takeAmbiguous() once the claim is attached.
    EntityId resolve(const EntityRef& ref, std::optional<ClaimId> claim,
                     ReferenceRole role = ReferenceRole::Subject);

    /// The source of the claim whose references come next (call before typeFor()): ambiguous
    /// references are held on one placeholder per source, type and name.
    void setSource(const std::string& sourceKey) { sourceKey_ = sourceKey; }

    /// The ambiguous references found since the last call, in the order found: those of the
    /// claims attached since (with an empty file: the claim's own), and earlier name-only
    /// references moved to a placeholder when a conflicting entity of their name arrived.
    std::vector<AmbiguousReference> takeAmbiguous();
    /// True when `id` is a placeholder holding ambiguous references.
    bool isAmbiguous(EntityId id) const { return info_.at(id).ambiguous; }

    /// Records what a reference says beyond the entity's identity, with `claim`, as hints for
    /// resolution (Store::addReferenceFact; not properties: the claim does not assert them):
    /// the titles split off a person's name and the country. `id` is what resolve() returned
    /// for `ref` (a second resolve() with the claim would find it again and do just this).
    /// Call it for asserting claims only.
    void recordClaimFacts(EntityId id, const EntityRef& ref, ClaimId claim);

    /// A claim's references are resolved before the claim is stored, which is when its id is
    /// known. From here until attachClaim() or discardUnclaimed(), the names and identifiers
    /// resolve() finds without a claim wait in memory (matching already sees them), so that
    /// each is written once, with the claim that first gave it. Outside, they are written at
    /// once without a claim.
    void beginClaim();
    /// Writes the waiting names and identifiers with `claim`, and ends the wait.
    void attachClaim(ClaimId claim);
    /// Writes them without a claim (the claim was rejected after its references were
    /// resolved), and ends the wait; a no-op when nothing waits. Call it before a batch
    /// commits, so that nothing waits across transactions.
    void discardUnclaimed();

    /// True when both references would resolve to one entity; writes nothing, so a claim
    /// linking an entity to itself can be rejected before any entity is created.
    bool sameEntity(const EntityRef& a, const EntityRef& b) const;

    /// The entity `id` is merged into, or `id` itself.
    EntityId canonical(EntityId id) const;
    EntityTypeId typeOf(EntityId id) const { return info_.at(canonicalOf(id)).type; }
    std::size_t entityCount() const { return keys_.size(); }
    std::int64_t createdCount() const { return created_; }

  private:
    struct Info {
        EntityTypeId type = 0;
        bool stub = false;
        bool exists = false;
        EntityId canonical = 0;
        bool ambiguous = false;  // a placeholder
    };
    // What a reference finds: an entity, or (ambiguous) the placeholder its name and source
    // would be held on, or nothing yet.
    struct Found {
        std::optional<EntityId> id;
        bool ambiguous = false;
    };

    Found find(const EntityRef& ref, std::optional<EntityTypeId> type) const;
    std::vector<EntityId> candidatesFor(const std::string& key,
                                        std::optional<EntityTypeId> type) const;
    bool holdsSchemeOf(EntityId id, const EntityRef& ref) const;
    EntityId placeholderFor(const std::string& typeName, const std::string& key,
                            const std::string& source, const std::string& name,
                            std::optional<ClaimId> claim);
    void reexamine(EntityId id, const std::string& key, const EntityRef& ref);
    bool isPerson(std::optional<EntityTypeId> type) const;
    EntityId canonicalOf(EntityId id) const;
    std::string newKey(const std::string& type, const std::string& name);
    void remember(EntityId id, const std::string& key, EntityTypeId type, bool stub);
    void addName(EntityId id, const std::string& name, bool person, std::optional<ClaimId> claim);
    void addClaimFacts(EntityId id, const NameParts& parts, const EntityRef& ref, ClaimId claim);
    static std::string identifierKey(const std::string& scheme, const std::string& value);

    Store& store_;
    const Schema& schema_;
    std::optional<EntityTypeId> person_;
    std::vector<Info> info_;  // indexed by entity id
    EntityKeyIndex keys_;
    // The last few entity ids found by key: a claim looks each of its references up four
    // times (checks, then resolution), and keys_ only ever gains entries, so a remembered
    // hit stays right.
    struct RecentKey {
        std::string key;
        EntityId id = 0;
    };
    mutable RecentKey recentKeys_[4];
    mutable unsigned recentNext_ = 0;
    std::unordered_map<std::string, std::vector<EntityId>> byNorm_;
    std::unordered_map<std::string, EntityId> byIdentifier_;
    FlatHashSet names_;  // hash of (entity, exact name) already stored
    // Hash of (entity, scheme) for every identifier scheme an entity holds.
    FlatHashSet schemes_;
    // Name-only references to real entities: the match keys that have any, and the (entity,
    // key) pairs, so that a new entity's name needs a store look-up only when it may move some.
    FlatHashSet nameRefKeys_;
    FlatHashSet nameRefs_;
    std::string sourceKey_;
    std::vector<std::string> joinedKeys_;  // match keys the entity being resolved joined
    void writeUnclaimed(std::optional<ClaimId> claim);

    // Between beginClaim() and attachClaim()/discardUnclaimed(): the names, as (entity,
    // name, match key), and identifiers, as (entity, scheme, value), waiting for the claim.
    bool awaitingClaim_ = false;
    struct PendingName {
        EntityId entity;
        std::string name;
        std::string key;  // its match key
    };
    std::vector<PendingName> unclaimedNames_;
    std::vector<std::tuple<EntityId, std::string, std::string>> unclaimedIdentifiers_;
    struct PendingNameReference {
        EntityId entity;
        std::string key;
        ReferenceRole role;
        std::string type, name;
    };
    std::vector<PendingNameReference> unclaimedNameReferences_;
    std::vector<AmbiguousReference> unclaimedAmbiguous_;  // of the claim being applied
    std::vector<AmbiguousReference> ambiguous_;
    std::int64_t created_ = 0;
};

/// Normalises an identifier scheme ("KH-MOC " gives "kh-moc").
std::string normalizeScheme(std::string_view scheme);

}  // namespace cg::resolve
