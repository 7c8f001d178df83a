// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"

namespace cg::graph {

struct ProvenanceScanner;

/// A run of days, each end yyyymmdd or 0 when open: the valid dates one asserting claim
/// gives a relation.
struct DayInterval {
    std::int32_t from = 0;
    std::int32_t to = 0;
};

/// What ClaimProvenance keeps beyond the sources, dates and confidences it always holds.
struct ProvenanceOptions {
    bool claims = false;       ///< each relation's claims: id, key, stance, confidence, attributes
    bool quotes = false;       ///< and their quotes (only with `claims`)
    bool entityFacts = false;  ///< each canonical entity's names, identifiers and properties
};

/// A stretch of ClaimProvenance's text store; read it with ClaimProvenance::text().
struct TextRef {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

/// The relation attributes exports show, from a claim's `attributes`, in this order.
enum class ClaimAttribute : std::uint8_t { Role, Relationship, Note, Amount, Currency, Purpose };
inline constexpr std::size_t kClaimAttributeCount = 6;
/// The attributes' names as claims give them ("role", "relationship", ...).
inline constexpr std::array<std::string_view, kClaimAttributeCount> kClaimAttributeNames = {
    "role", "relationship", "note", "amount", "currency", "purpose"};

/// One claim behind a relation, as exports and the HTML view show it.
struct ClaimRecord {
    ClaimId id = 0;
    std::uint32_t source = 0;  ///< the source's id
    float confidence = 0;
    TextRef key;        ///< the claim's id text ("c12", "h:...")
    TextRef quote;      ///< empty without ProvenanceOptions::quotes
    TextRef validFrom;  ///< the claim's own dates as given (ISO, maybe partial)
    TextRef validTo;
    std::uint32_t attributesBegin = 0;  ///< into ClaimProvenance::attributes()
    std::uint8_t attributesCount = 0;
    bool denies = false;
};

/// One attribute value a claim gives (amounts as their decimal text).
struct AttributeValue {
    ClaimAttribute attribute = ClaimAttribute::Role;
    TextRef value;
};

/// A name, identifier or property of an entity.
struct EntityFact {
    enum class Kind : std::uint8_t { Name, Identifier, Property };
    Kind kind = Kind::Name;
    TextRef key;  ///< the identifier's scheme or the property's name; empty for a name
    TextRef value;
};

/// Where every canonical entity and every relation comes from, as exports need it, read by
/// readClaimProvenance (provenance_scan.hpp) in one sequential scan of the claims and indexed by
/// id:
/// - an entity: the sources of the claims naming it (as subject or object, directly or
///   through an entity merged into it), the highest confidence of those that assert, and
///   whether one denies;
/// - a relation: the sources of its claims, and the valid dates of each asserting claim.
/// Source lists are distinct and ascending. An id the store does not know, or one no claim
/// names, has no sources. It holds about 12 bytes per claim plus 12 per entity and relation,
/// and, being a plain value, can be read on a second connection while the view is built.
///
/// With ProvenanceOptions it also holds the evidence every export and the HTML view show (the
/// one place they read it from): each relation's claims in claim id order (ClaimRecord,
/// about 56 bytes each plus their text: id text, quote, valid dates, role, relationship, note,
/// amount, currency, purpose), and each canonical entity's names, identifiers and asserted
/// properties (EntityFact, 20 bytes each plus their text, sorted by kind, key and value).
class ClaimProvenance {
  public:
    std::span<const std::uint32_t> entitySources(EntityId id) const {
        return slice(entityStart_, entitySources_, id);
    }
    /// 0 when no asserting claim names it.
    float entityConfidence(EntityId id) const {
        return inRange(entityConfidence_, id) ? entityConfidence_[index(id)] : 0.0f;
    }
    bool entityDenied(EntityId id) const {
        return inRange(entityDenied_, id) && entityDenied_[index(id)] != 0;
    }
    std::span<const std::uint32_t> relationSources(RelationId id) const {
        return slice(relationStart_, relationSources_, id);
    }
    /// One entry per asserting claim, in claim order.
    std::span<const DayInterval> relationValidity(RelationId id) const {
        return slice(validityStart_, validity_, id);
    }

    /// The claims of a relation, in claim id order; empty without ProvenanceOptions::claims.
    std::span<const ClaimRecord> relationClaims(RelationId id) const {
        return slice(claimStart_, claims_, id);
    }
    /// The attribute values a claim gives, in kClaimAttributeNames order.
    std::span<const AttributeValue> attributes(const ClaimRecord& claim) const {
        return {attributes_.data() + claim.attributesBegin, claim.attributesCount};
    }
    /// The names, identifiers and properties of a canonical entity, sorted by kind, key and
    /// value; empty without ProvenanceOptions::entityFacts.
    std::span<const EntityFact> entityFacts(EntityId id) const {
        return slice(factStart_, facts_, id);
    }
    /// What was read besides sources, dates and confidences.
    const ProvenanceOptions& options() const { return options_; }
    /// The text a TextRef points at.
    std::string_view text(TextRef ref) const { return {text_.data() + ref.offset, ref.size}; }

    /// Bytes held, for benchmarks.
    std::size_t memoryBytes() const;

  private:
    friend struct ProvenanceScanner;  // provenance_scan.cpp fills it

    static std::size_t index(std::int64_t id) { return static_cast<std::size_t>(id); }
    template <typename T>
    static bool inRange(const std::vector<T>& byId, std::int64_t id) {
        return id > 0 && index(id) < byId.size();
    }
    // start has one entry per id plus one; the items of id are [start[id], start[id + 1]).
    template <typename T>
    static std::span<const T> slice(const std::vector<std::uint32_t>& start,
                                    const std::vector<T>& items, std::int64_t id) {
        if (id <= 0 || index(id) + 1 >= start.size()) return {};
        return {items.data() + start[index(id)], start[index(id) + 1] - start[index(id)]};
    }

    std::vector<std::uint32_t> entityStart_;
    std::vector<std::uint32_t> entitySources_;
    std::vector<float> entityConfidence_;
    std::vector<std::uint8_t> entityDenied_;
    std::vector<std::uint32_t> relationStart_;
    std::vector<std::uint32_t> relationSources_;
    std::vector<std::uint32_t> validityStart_;
    std::vector<DayInterval> validity_;
    std::vector<std::uint32_t> claimStart_;
    std::vector<ClaimRecord> claims_;
    std::vector<AttributeValue> attributes_;
    std::vector<std::uint32_t> factStart_;
    std::vector<EntityFact> facts_;
    std::string text_;
    ProvenanceOptions options_;
};

}  // namespace cg::graph
