// SPDX-License-Identifier: MIT
// The FollowTheMoney vocabulary claimgraph reads and writes: which FtM schemata are entities
// and which are relations, and which FtM properties carry claimgraph properties and
// identifiers. Shared by the FtM reader (ingest/ftm_reader.cpp) and the FtM writer
// (export/ftm_writer.cpp), so that an export reads back as what was exported: a module of its
// own (cg::ftm), below both, so that neither includes the other.
#pragma once

#include <string_view>

namespace cg::ftm {

/// An FtM entity schema and the entity type it becomes; an empty type means the kind is not
/// known (LegalEntity may be a person or a company), so the entity keeps the root type.
struct EntitySchema {
    std::string_view ftm;
    std::string_view type;
};

/// In alphabetical order of the FtM name.
inline constexpr EntitySchema kEntitySchemata[] = {
    {"Address", "Place"},         {"Airplane", "Airplane"},
    {"Asset", "Asset"},           {"BankAccount", "Asset"},
    {"Company", "Company"},       {"CryptoWallet", "Asset"},
    {"LegalEntity", ""},          {"Organization", "Organization"},
    {"Person", "Person"},         {"Position", "Position"},
    {"PublicBody", "PublicBody"}, {"RealEstate", "RealEstate"},
    {"Security", "Asset"},        {"Vehicle", "Asset"},
    {"Vessel", "Vessel"},
};

/// An FtM edge schema: the properties naming both ends, the relation it becomes, and the
/// attribute its role-like property lands in ("note" when it has none of its own).
struct EdgeSchema {
    std::string_view ftm;
    std::string_view subject;
    std::string_view object;
    std::string_view relation;
    std::string_view roleAttribute;  ///< the claim attribute `role`/`relationship` become
};

inline constexpr EdgeSchema kEdgeSchemata[] = {
    {"Ownership", "owner", "asset", "owns", "role"},
    {"Directorship", "director", "organization", "director_of", "role"},
    {"Employment", "employee", "employer", "employee_of", "role"},
    {"Membership", "member", "organization", "member_of", "role"},
    {"Family", "person", "relative", "family_of", "relationship"},
    {"Associate", "person", "associate", "associate_of", "relationship"},
    {"Representation", "agent", "client", "represents", "role"},
    {"UnknownLink", "subject", "object", "linked_to", "note"},
    {"Payment", "payer", "beneficiary", "paid", "note"},
    {"Occupancy", "holder", "post", "occupies", "role"},
};

/// An FtM entity property that carries a claimgraph property of the same meaning.
struct PropertyMap {
    std::string_view ftm;
    std::string_view property;
};

/// The first entry naming a claimgraph property is the one the writer uses for it.
inline constexpr PropertyMap kPropertyMaps[] = {
    {"alias", "alias"},
    {"previousName", "alias"},
    {"abbreviation", "alias"},
    {"country", "country"},
    {"mainCountry", "country"},
    {"nationality", "nationality"},
    {"citizenship", "nationality"},
    {"jurisdiction", "jurisdiction"},
    {"flag", "jurisdiction"},
    {"birthDate", "birth_date"},
    {"deathDate", "death_date"},
    {"incorporationDate", "incorporation_date"},
    {"dissolutionDate", "dissolution_date"},
    {"birthPlace", "birth_place"},
    {"address", "address"},
    {"position", "position"},
    {"title", "title"},
    {"status", "status"},
    {"gender", "gender"},
    {"website", "website"},
    {"email", "email"},
    {"phone", "phone"},
    {"sector", "sector"},
    {"legalForm", "legal_form"},
    {"topics", "topic"},
    {"notes", "note"},
    {"summary", "note"},
    {"description", "note"},
    {"weakAlias", "note"},  // too weak to match on: kept as a note, not a name
};

/// An FtM identifier property and the identifier scheme it gives. Generic numbers (a
/// registration or tax number) mean something only within one country, so the reader
/// prefixes them with the entity's country ("gb-registration-number").
struct IdentifierScheme {
    std::string_view ftm;
    std::string_view scheme;
    bool national;
};

inline constexpr IdentifierScheme kIdentifierSchemes[] = {
    {"leiCode", "xi-lei", false},
    {"innCode", "ru-inn", false},
    {"ogrnCode", "ru-ogrn", false},
    {"okpoCode", "ru-okpo", false},
    {"bikCode", "ru-bik", false},
    {"wikidataId", "wikidata", false},
    {"swiftBic", "swift-bic", false},
    {"permId", "permid", false},
    {"uniqueEntityId", "us-sam-uei", false},
    {"dunsCode", "duns", false},
    {"imoNumber", "imo", false},
    {"mmsi", "mmsi", false},
    {"icijId", "icij", false},
    {"opencorporatesUrl", "opencorporates", false},
    {"registrationNumber", "registration-number", true},
    {"taxNumber", "tax-number", true},
    {"idNumber", "id-number", true},
    {"vatCode", "vat", true},
    {"passportNumber", "passport", true},
};

/// The entity type of an FtM entity schema, or nullptr when it is not an entity schema.
inline const EntitySchema* entitySchema(std::string_view ftm) {
    for (const auto& s : kEntitySchemata) {
        if (s.ftm == ftm) return &s;
    }
    return nullptr;
}

/// The edge schema of that FtM name, or nullptr.
inline const EdgeSchema* edgeSchema(std::string_view ftm) {
    for (const auto& s : kEdgeSchemata) {
        if (s.ftm == ftm) return &s;
    }
    return nullptr;
}

/// The claimgraph property an FtM property carries, or nullptr.
inline const PropertyMap* propertyFromFtm(std::string_view ftm) {
    for (const auto& p : kPropertyMaps) {
        if (p.ftm == ftm) return &p;
    }
    return nullptr;
}

}  // namespace cg::ftm
