// SPDX-License-Identifier: MIT
#include "export/ftm_writer.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"
#include "ftm/vocabulary.hpp"

namespace cg::exporters {

namespace {

// The FtM schema families a property or an edge end belongs to, as bits.
enum Family : std::uint16_t {
    kThing = 1,
    kLegal = 2,  // LegalEntity and below
    kPerson = 4,
    kOrganization = 8,
    kCompany = 16,
    kAsset = 32,
    kVessel = 64,
    kAddress = 128,
    kPosition = 256,
};

struct SchemaChoice {
    std::string_view type;  // claimgraph entity type, tried in this order (most specific first)
    std::string_view ftm;
    std::uint16_t families;
};

// Facility has no FtM schema of its own: a casino, compound or port is a RealEstate asset.
// Types of a custom schema take the FtM schema of their nearest listed ancestor.
constexpr SchemaChoice kSchemaChoices[] = {
    {"Person", "Person", kThing | kLegal | kPerson},
    {"Company", "Company", kThing | kLegal | kOrganization | kCompany | kAsset},
    {"PublicBody", "PublicBody", kThing | kLegal | kOrganization},
    {"Organization", "Organization", kThing | kLegal | kOrganization},
    {"Vessel", "Vessel", kThing | kAsset | kVessel},
    {"Airplane", "Airplane", kThing | kAsset},
    {"RealEstate", "RealEstate", kThing | kAsset},
    {"Facility", "RealEstate", kThing | kAsset},
    {"Asset", "Asset", kThing | kAsset},
    {"Place", "Address", kThing | kAddress},
    {"Position", "Position", kThing | kPosition},
};
// A stub of unknown kind: FtM's LegalEntity is "a person or a company".
constexpr SchemaChoice kUnknownKind = {"Thing", "LegalEntity", kThing | kLegal};

// claimgraph properties and the FtM property each is written as, with the families that have
// it; a value whose schema lacks the property goes into `notes` as "property: value". Every
// FtM name here reads back as the same property (tests check it against the reader's table).
struct PropertyOut {
    std::string_view property;
    std::string_view ftm;
    std::uint16_t families;
};

constexpr PropertyOut kPropertiesOut[] = {
    {"alias", "alias", kThing},
    {"country", "country", kThing},
    {"address", "address", kThing},
    {"note", "notes", kThing},
    {"topic", "topics", kThing},
    {"nationality", "nationality", kPerson},
    {"birth_date", "birthDate", kPerson},
    {"death_date", "deathDate", kPerson},
    {"birth_place", "birthPlace", kPerson},
    {"gender", "gender", kPerson},
    {"title", "title", kPerson},
    {"position", "position", kPerson},
    {"jurisdiction", "jurisdiction", kLegal},
    {"jurisdiction", "flag", kVessel},
    {"incorporation_date", "incorporationDate", kLegal},
    {"dissolution_date", "dissolutionDate", kLegal},
    {"legal_form", "legalForm", kLegal},
    {"status", "status", kLegal},
    {"sector", "sector", kLegal},
    {"website", "website", kLegal},
    {"email", "email", kLegal},
    {"phone", "phone", kLegal},
};

// FtM identifier properties and the families that have them; schemes the reader maps to
// other FtM properties, or to none, go into `notes` as "identifier scheme: value".
struct IdentifierOut {
    std::string_view ftm;
    std::uint16_t families;
};

constexpr IdentifierOut kIdentifiersOut[] = {
    {"leiCode", kLegal},
    {"innCode", kLegal},
    {"ogrnCode", kLegal},
    {"okpoCode", kLegal},
    {"bikCode", kCompany},
    {"wikidataId", kThing},
    {"swiftBic", kLegal},
    {"dunsCode", kLegal},
    {"imoNumber", kVessel},
    {"mmsi", kVessel},
    {"icijId", kLegal},
    {"opencorporatesUrl", kLegal},
    {"registrationNumber", kLegal},
    {"taxNumber", kLegal},
    {"idNumber", kLegal},
    {"vatCode", kLegal},
    {"passportNumber", kPerson},
};

// claimgraph relations and the FtM interval schema each is written as, with the families its
// ends must belong to and the property its role goes in; anything else is an UnknownLink.
struct EdgeOut {
    std::string_view relation;
    std::string_view ftm;
    std::uint16_t subjectFamilies;
    std::uint16_t objectFamilies;
    std::string_view roleProperty;
    std::string_view role;  // written when the relation itself says what the role is
};

constexpr EdgeOut kEdgesOut[] = {
    {"owns", "Ownership", kLegal, kAsset, "role", ""},
    {"director_of", "Directorship", kLegal, kOrganization, "role", ""},
    {"officer_of", "Directorship", kLegal, kOrganization, "role", "officer"},
    {"employee_of", "Employment", kPerson, kOrganization, "role", ""},
    {"member_of", "Membership", kLegal, kOrganization, "role", ""},
    {"family_of", "Family", kPerson, kPerson, "relationship", ""},
    {"associate_of", "Associate", kPerson, kPerson, "relationship", ""},
    {"represents", "Representation", kLegal, kLegal, "role", ""},
    {"paid", "Payment", kLegal, kLegal, "purpose", ""},
    {"occupies", "Occupancy", kPerson, kPosition, "", ""},
};
constexpr EdgeOut kUnknownLink = {"", "UnknownLink", kThing, kThing, "role", ""};

const ftm::EdgeSchema& edgeSchemaOf(std::string_view ftmName) {
    const auto* schema = ftm::edgeSchema(ftmName);
    return *schema;  // every name in kEdgesOut is in the shared vocabulary (tested)
}

// The FtM property an identifier scheme is written as: "gb-registration-number" is a
// national registrationNumber.
std::string_view identifierProperty(std::string_view scheme) {
    for (const auto& id : ftm::kIdentifierSchemes) {
        if (scheme == id.scheme) return id.ftm;
        if (id.national && scheme.size() > id.scheme.size() + 1 &&
            scheme.substr(scheme.size() - id.scheme.size()) == id.scheme &&
            scheme[scheme.size() - id.scheme.size() - 1] == '-')
            return id.ftm;
    }
    return {};
}

std::uint16_t identifierFamilies(std::string_view ftmProperty) {
    for (const auto& id : kIdentifiersOut) {
        if (id.ftm == ftmProperty) return id.families;
    }
    return 0;
}

// An FtM entity's properties, gathered, then written sorted by name with values deduplicated
// in their first order.
class Properties {
  public:
    void add(std::string_view name, std::string_view value) {
        if (value.empty()) return;
        values_.push_back({std::string(name), std::string(value), values_.size()});
    }
    void write(OutputBuffer& out) {
        std::stable_sort(values_.begin(), values_.end(),
                         [](const Value& a, const Value& b) { return a.name < b.name; });
        out.put("\"properties\": {");
        for (std::size_t i = 0; i < values_.size();) {
            if (i > 0) out.put(", ");
            putJsonString(out, values_[i].name);
            out.put(": [");
            std::size_t j = i;
            for (; j < values_.size() && values_[j].name == values_[i].name; ++j) {
                bool seen = false;
                for (std::size_t k = i; k < j && !seen; ++k)
                    seen = values_[k].value == values_[j].value;
                if (seen) continue;
                if (j > i) out.put(", ");
                putJsonString(out, values_[j].value);
            }
            out.put(']');
            i = j;
        }
        out.put('}');
        values_.clear();
    }

  private:
    struct Value {
        std::string name;
        std::string value;
        std::size_t order;
    };
    std::vector<Value> values_;
};

// A name, identifier or property of an entity, as the provenance holds it.
struct Fact {
    graph::EntityFact::Kind kind;
    std::string_view key;
    std::string_view value;
};

std::string ftmId(std::string_view key) {
    // Entities read from FtM keep the id they had there.
    if (key.rfind("ftm:", 0) == 0 && key.size() > 4) return std::string(key.substr(4));
    return std::string(key);
}

std::string isoDay(std::int32_t day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
    return text;
}

// The shortest decimal that reads back as `value` ("60", "0.95").
std::string realText(float value) {
    char text[32];
    auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

// "60" for an exact share, "25-50" for a band: the reader's percentage syntax.
std::string percentText(float lo, float hi) {
    return realText(lo) + (lo == hi ? "" : "-" + realText(hi));
}

}  // namespace

void FtmWriter::write(const ExportInput& input, std::ostream& stream) {
    ExportedGraph graph(input);
    const auto& view = graph.view();
    const auto& schema = view.schema();
    OutputBuffer out(stream);

    // The FtM schema of every entity type, once.
    std::vector<const SchemaChoice*> choiceOfType(schema.entityTypes().size(), &kUnknownKind);
    for (std::size_t t = 0; t < choiceOfType.size(); ++t) {
        for (const auto& c : kSchemaChoices) {
            auto ancestor = schema.entityTypeId(c.type);
            if (ancestor && schema.isA(static_cast<graph::EntityTypeId>(t), *ancestor)) {
                choiceOfType[t] = &c;
                break;
            }
        }
    }

    // Sources: links and publishers, in the order the provenance indexes them (by key).
    std::vector<std::pair<std::string, std::string>> sourceInfo;
    input.store.forEachSource([&](graph::SourceId, const graph::Source& s) {
        sourceInfo.emplace_back(s.url, s.publisher);
    });

    // Stubs (entities known only by a reference) are not written when they came from FtM:
    // the collection they came from holds the real entity, which an export must not
    // overwrite with a bare id. Edges still name them.
    std::vector<bool> stub;
    input.store.forEachEntity([&](graph::EntityId id, const std::string&, const std::string&,
                                  bool isStub, std::optional<graph::EntityId>) {
        if (!isStub) return;
        if (static_cast<std::size_t>(id) >= stub.size())
            stub.resize(static_cast<std::size_t>(id) + 1);
        stub[static_cast<std::size_t>(id)] = true;
    });
    auto skipped = [&](const NodeRecord& r) {
        return static_cast<std::size_t>(r.entity) < stub.size() &&
               stub[static_cast<std::size_t>(r.entity)] && r.key.rfind("ftm:", 0) == 0;
    };

    Properties props;
    auto provenance = [&](std::span<const std::uint32_t> sources) {
        for (auto s : sources) {
            if (s < sourceInfo.size()) {
                props.add("sourceUrl", sourceInfo[s].first);
            }
        }
    };
    auto sourceList = [&](std::span<const std::uint32_t> sources) {
        std::string list;
        for (auto s : sources) list += (list.empty() ? "" : ", ") + graph.sourceKey(s);
        return list;
    };

    for (std::size_t i = 0; i < graph.nodeCount(); ++i) {
        NodeRecord r = graph.node(i);
        if (skipped(r)) continue;
        const SchemaChoice& choice = *choiceOfType[view.nodeType(r.node)];
        std::vector<std::string> identifiers;  // "scheme value", as identification notes say
        props.add("name", r.name);
        if (choice.families & kAddress) props.add("full", r.name);
        const Provenance& facts = graph.provenance();
        for (const auto& fact : facts.nodeFacts(i)) {
            Fact f{fact.kind, facts.text(fact.key), facts.text(fact.value)};
            switch (f.kind) {
                case graph::EntityFact::Kind::Name:
                    if (f.value != r.name) props.add("alias", f.value);
                    break;
                case graph::EntityFact::Kind::Identifier: {
                    identifiers.push_back(std::string(f.key) + " " + std::string(f.value));
                    auto property = identifierProperty(f.key);
                    if (!property.empty() && (identifierFamilies(property) & choice.families))
                        props.add(property, f.value);
                    else
                        props.add("notes",
                                  "identifier " + std::string(f.key) + ": " + std::string(f.value));
                    break;
                }
                case graph::EntityFact::Kind::Property: {
                    if (f.key == "name" || f.key == "alias") break;  // among the names
                    // The claim that recorded an identifier: written as the identifier.
                    if (f.key == "identification" &&
                        std::find(identifiers.begin(), identifiers.end(), f.value) !=
                            identifiers.end())
                        break;
                    const PropertyOut* mapped = nullptr;
                    for (const auto& p : kPropertiesOut) {
                        if (p.property == f.key && (p.families & choice.families)) {
                            mapped = &p;
                            break;
                        }
                    }
                    if (mapped) {
                        std::string value(f.value);
                        // FtM writes countries as lower-case ISO codes.
                        if ((f.key == "country" || f.key == "nationality" ||
                             f.key == "jurisdiction") &&
                            value.size() == 2)
                            for (auto& c : value) c = static_cast<char>(std::tolower(c));
                        props.add(mapped->ftm, value);
                    } else {
                        props.add("notes", std::string(f.key) + ": " + std::string(f.value));
                    }
                    break;
                }
            }
        }
        provenance(r.sources);
        for (auto s : r.sources) {
            if (s < sourceInfo.size()) props.add("publisher", sourceInfo[s].second);
        }
        out.put("{\"id\": ");
        putJsonString(out, ftmId(r.key));
        out.put(", \"schema\": ");
        putJsonString(out, choice.ftm);
        out.put(", ");
        props.write(out);
        out.put("}\n");
    }

    for (std::size_t i = 0; i < graph.edgeCount(); ++i) {
        EdgeRecord r = graph.edge(i);
        auto familiesOf = [&](graph::GraphView::Node v) {
            return choiceOfType[view.nodeType(v)]->families;
        };
        const EdgeOut* edge = &kUnknownLink;
        for (const auto& e : kEdgesOut) {
            if (e.relation == r.type->name) {
                if ((familiesOf(view.source(r.edge)) & e.subjectFamilies) &&
                    (familiesOf(view.target(r.edge)) & e.objectFamilies))
                    edge = &e;
                break;
            }
        }
        const auto& ends = edgeSchemaOf(edge->ftm);
        props.add(ends.subject, ftmId(r.sourceKey));
        props.add(ends.object, ftmId(r.targetKey));
        // What the claims say the role (or relationship, or purpose) was comes first; the
        // relation's own meaning only when they say nothing.
        auto said = [&](graph::ClaimAttribute a) {
            return r.attributes[static_cast<std::size_t>(a)];
        };
        TextList roles = said(graph::ClaimAttribute::Role);
        if (edge->roleProperty == "relationship") roles = said(graph::ClaimAttribute::Relationship);
        if (edge->roleProperty == "purpose") roles = said(graph::ClaimAttribute::Purpose);
        for (auto role : roles)
            props.add(edge->roleProperty.empty() ? "role" : edge->roleProperty, role);
        if (roles.empty()) {
            if (edge == &kUnknownLink)
                props.add("role", r.type->label);
            else if (!edge->role.empty())
                props.add(edge->roleProperty, edge->role);
        }
        if (edge->ftm == "Payment") {
            for (auto v : said(graph::ClaimAttribute::Amount)) props.add("amount", v);
            for (auto v : said(graph::ClaimAttribute::Currency)) props.add("currency", v);
        }
        for (auto note : said(graph::ClaimAttribute::Note)) props.add("description", note);
        for (auto quote : r.quotes) props.add("description", quote);
        if (edge->ftm == "Ownership" && r.share)
            props.add("percentage", percentText(r.share->first, r.share->second));
        if (r.validFrom != 0) props.add("startDate", isoDay(r.validFrom));
        if (r.validTo != 0) props.add("endDate", isoDay(r.validTo));
        provenance(r.sources);
        for (auto s : r.sources) {
            if (s < sourceInfo.size()) props.add("publisher", sourceInfo[s].second);
        }
        std::string summary = "claimgraph relation " + std::to_string(r.relation) + " (" +
                              std::string(r.type->name) + "): confidence " +
                              realText(r.confidence) + " from " + std::to_string(r.support) +
                              (r.support == 1 ? " asserting claim" : " asserting claims");
        if (!r.sources.empty()) summary += "; sources: " + sourceList(r.sources);
        if (r.stance == "denied")
            summary += "; denied: no claim asserts it";
        else if (r.disputed)
            summary += "; disputed by " + std::to_string(r.dispute) +
                       (r.dispute == 1 ? " denying claim" : " denying claims");
        if (!r.claimIds.empty()) {
            summary += "; claims: ";
            for (std::size_t k = 0; k < r.claimIds.size(); ++k)
                summary += (k ? ", " : "") + std::string(r.claimIds[k]);
        }
        props.add("summary", summary);
        props.add("recordId", "claimgraph:relation:" + std::to_string(r.relation));
        out.put("{\"id\": \"claimgraph-relation-");
        out.putInt(r.relation);
        out.put("\", \"schema\": ");
        putJsonString(out, edge->ftm);
        out.put(", ");
        props.write(out);
        out.put("}\n");
    }
    out.flush();
}

}  // namespace cg::exporters
