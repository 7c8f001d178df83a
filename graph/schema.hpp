// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg::graph {

/// Index of an entity type in its schema (at most 64 types, so ancestry fits a bit set).
using EntityTypeId = std::uint8_t;

/// An entity type: its name, display label, parents and every ancestor including itself.
struct EntityType {
    std::string name;
    std::string label;
    std::string color;  ///< "#rrggbb" used by exporters; may be empty
    std::vector<std::string> parents;
    bool abstract = false;
    std::uint64_t ancestors = 0;  ///< bit i set when this type is (a subtype of) type i
};

/// The value type of a relation attribute or entity property.
enum class ValueType { String, Number, Percent, Boolean, Date, Country };

/// What a relation says about its two ends; connection queries choose relations by kind.
enum class RelationKind { Ownership, Control, Role, Personal, Money, Location, Weak, Mention };

/// The number of relation kinds, for tables indexed by kind.
inline constexpr std::size_t kRelationKindCount = 8;

/// The lower-case name of a kind as the schema spells it ("ownership", "location", ...).
std::string_view relationKindName(RelationKind kind);

/// The kind named `name` in a schema, or nothing when no kind has that name.
std::optional<RelationKind> parseRelationKind(std::string_view name);

/// "ownership, control, ..., mention" for error messages.
std::string relationKindList();

/// A relation type: allowed endpoint types, direction, kind, labels and typed attributes.
struct RelationType {
    std::string name;
    std::string label;
    std::string inverseLabel;
    RelationKind kind = RelationKind::Weak;  ///< every schema file names one; see parseRelationKind
    bool directed = true;
    std::vector<std::string> from;
    std::vector<std::string> to;
    std::map<std::string, ValueType> attributes;
    std::uint64_t fromMask = 0;  ///< types allowed as subject (any subtype of one of `from`)
    std::uint64_t toMask = 0;
};

/// A property entities may carry, with its value type.
struct PropertyDef {
    std::string name;
    ValueType type = ValueType::String;
};

/// The vocabulary of entity types, relation types and properties, read from a data file.
class Schema {
  public:
    /// The default schema compiled into the binary from graph/default_schema.json.
    static Schema defaults();
    /// Parses a schema document; throws InputError naming `origin` when it is malformed.
    static Schema fromJson(std::string_view text, const std::string& origin);
    /// Reads a schema file; throws InputError when it cannot be read or parsed.
    static Schema fromFile(const std::string& path);

    /// Adds the types, relations and properties of `other`, which may refer to ours.
    /// Throws InputError when it redefines a built-in type incompatibly.
    void extend(const Schema& other);

    std::optional<EntityTypeId> entityTypeId(std::string_view name) const;
    const EntityType& entityType(EntityTypeId id) const { return entityTypes_[id]; }
    const std::vector<EntityType>& entityTypes() const { return entityTypes_; }
    /// True when `type` is `ancestor` or one of its subtypes.
    bool isA(EntityTypeId type, EntityTypeId ancestor) const;
    /// True when one type is a subtype of the other, so both can name the same entity.
    bool compatible(EntityTypeId a, EntityTypeId b) const;
    /// The root type given to entities known only by id.
    EntityTypeId rootType() const { return root_; }

    const RelationType* relationType(std::string_view name) const;
    const std::vector<RelationType>& relationTypes() const { return relationTypes_; }
    /// True when a relation of type `rel` may go from `subject` to `object`. A stub (root
    /// type) endpoint is allowed, since its type is not known yet.
    bool allows(const RelationType& rel, EntityTypeId subject, EntityTypeId object) const;
    /// The value type of `attribute` on `rel`, or nothing when the relation does not have it.
    std::optional<ValueType> attributeType(const RelationType& rel,
                                           std::string_view attribute) const;

    const PropertyDef* property(std::string_view name) const;

    /// "Person, Organization, ..." for error messages.
    std::string entityTypeList() const;
    std::string relationTypeList() const;
    std::string propertyList() const;
    std::string attributeList(const RelationType& rel) const;

  private:
    void finalize();

    std::vector<EntityType> entityTypes_;
    std::vector<RelationType> relationTypes_;
    std::map<std::string, PropertyDef, std::less<>> properties_;
    std::map<std::string, ValueType, std::less<>> commonAttributes_;
    EntityTypeId root_ = 0;
};

}  // namespace cg::graph
