// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/date.hpp"

namespace cg::graph {

/// Integer surrogate keys used everywhere inside the store and the view.
using SourceId = std::int64_t;
using EntityId = std::int64_t;
using ClaimId = std::int64_t;
using RelationId = std::int64_t;

/// Whether a claim asserts a fact or denies it.
enum class Stance : std::uint8_t { Asserts = 0, Denies = 1 };

/// Where claims come from: an article, a registry, a leak, a list, an interview.
struct Source {
    std::string key;  ///< the id the input gives ("voa-2022-08-30")
    std::string title;
    std::string publisher;
    std::string url;
    std::string published;  ///< ISO date, possibly partial
    std::string retrieved;
    std::string kind = "other";  ///< article, registry, leak, list, interview, other
    std::string licence;
};

/// How a claim names an entity: an explicit id, a description, or both.
struct EntityRef {
    std::string key;   ///< explicit id; empty when the claim only describes the entity
    std::string type;  ///< schema type name; empty for a bare id
    std::string name;
    std::string country;
    std::vector<std::pair<std::string, std::string>> identifiers;  ///< scheme, value
    std::vector<std::string> aliases;

    bool described() const { return !name.empty() || !identifiers.empty(); }
};

/// An inclusive interval of percentages; an exact share has min == max.
struct ShareInterval {
    double min = 0;
    double max = 100;
    bool minExclusive = false;
    bool maxExclusive = false;
};

/// A single statement taken from a source. Immutable once stored.
struct Claim {
    enum class Kind : std::uint8_t { Relation = 0, Property = 1 };

    std::string key;  ///< given id, or "h:" + content hash when the input has none
    std::uint64_t contentHash = 0;
    std::string sourceKey;
    std::string file;  ///< the input file the claim was read from
    std::int64_t line = 0;
    std::string location;  ///< where in the source (page, span), free text

    EntityRef subject;
    Kind kind = Kind::Relation;
    std::string relation;  ///< relation type, when kind is Relation
    EntityRef object;
    std::string relationKey;     ///< separates parallel relations of one type between one pair
    std::string attributesJson;  ///< the relation's attributes, as a JSON object
    std::optional<ShareInterval> share;
    std::string role;      ///< role or relationship attribute, when given
    std::string property;  ///< property name, when kind is Property
    std::string value;

    std::string quote;
    Stance stance = Stance::Asserts;
    double confidence = 1.0;
    std::optional<PartialDate> validFrom;
    std::optional<PartialDate> validTo;
    std::string raw;  ///< the input record as read
};

/// An input record that could not be accepted, kept with its reason.
struct Rejection {
    std::string file;
    std::int64_t line = 0;
    std::string reason;
    std::string raw;
};

}  // namespace cg::graph
