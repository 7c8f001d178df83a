// SPDX-License-Identifier: MIT
#include "graph/ownership_facts.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "graph/store.hpp"
#include "graph/view.hpp"

namespace cg::graph {

namespace {

// The attributes of a claim, or nothing when it has none or they are not an object.
std::optional<rapidjson::Document> attributesOf(const ClaimRow& claim) {
    if (claim.attributesJson.empty()) return std::nullopt;
    rapidjson::Document doc;
    doc.Parse(claim.attributesJson.data(), claim.attributesJson.size());
    if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
    return doc;
}

bool namesNominee(std::string_view role) {
    std::string lower(role);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("nominee") != std::string::npos;
}

bool nomineeRole(const std::vector<ClaimRow>& claims) {
    for (const auto& c : claims) {
        if (c.stance != Stance::Asserts) continue;
        auto doc = attributesOf(c);
        if (!doc) continue;
        auto it = doc->FindMember("role");
        if (it != doc->MemberEnd() && it->value.IsString() &&
            namesNominee({it->value.GetString(), it->value.GetStringLength()}))
            return true;
    }
    return false;
}

// An asserting claim says the holding is not beneficial and none says it is.
bool heldForAnother(const std::vector<ClaimRow>& claims) {
    bool notBeneficial = false;
    for (const auto& c : claims) {
        if (c.stance != Stance::Asserts) continue;
        auto doc = attributesOf(c);
        if (!doc) continue;
        auto it = doc->FindMember("beneficial");
        if (it == doc->MemberEnd() || !it->value.IsBool()) continue;
        if (it->value.GetBool()) return false;
        notBeneficial = true;
    }
    return notBeneficial;
}

}  // namespace

OwnershipFacts OwnershipFacts::load(Store& store, const GraphView& view,
                                    const std::vector<std::uint32_t>& representsEdges,
                                    std::vector<DeniedInterest> denied) {
    OwnershipFacts facts;
    for (auto e : representsEdges) {
        if (!view.directed(e) || !nomineeRole(store.claimsOfRelation(view.relationId(e)))) continue;
        facts.byNominee_.push_back({view.source(e), view.target(e), e});
    }
    auto byNominee = [](const NomineeLink& a, const NomineeLink& b) {
        return a.nominee != b.nominee ? a.nominee < b.nominee : a.principal < b.principal;
    };
    std::sort(facts.byNominee_.begin(), facts.byNominee_.end(), byNominee);
    facts.byPrincipal_ = facts.byNominee_;
    std::sort(facts.byPrincipal_.begin(), facts.byPrincipal_.end(),
              [](const NomineeLink& a, const NomineeLink& b) {
                  return a.principal != b.principal ? a.principal < b.principal
                                                    : a.nominee < b.nominee;
              });

    // Only a nominee's own `owns` relations can be held for someone else.
    const RelationType* owns = view.schema().relationType("owns");
    std::uint32_t previous = GraphView::kNoNode;
    for (const auto& link : facts.byNominee_) {
        if (link.nominee == previous || !owns) continue;
        previous = link.nominee;
        auto [b, end] = view.outEdges(link.nominee);
        for (auto e = b; e < end; ++e) {
            if (&view.relationTypeOf(e) != owns) continue;
            if (heldForAnother(store.claimsOfRelation(view.relationId(e))))
                facts.holdings_.push_back(e);
        }
    }
    std::sort(facts.holdings_.begin(), facts.holdings_.end());

    for (auto& d : denied) {
        for (const auto& c : store.claimsOfRelation(d.relation)) {
            if (c.stance == Stance::Denies) d.claims.push_back(c.key);
        }
    }
    std::sort(denied.begin(), denied.end(), [](const DeniedInterest& a, const DeniedInterest& b) {
        return a.relation < b.relation;
    });
    facts.denied_ = std::move(denied);
    return facts;
}

bool OwnershipFacts::nomineeHolding(std::uint32_t e) const {
    return !holdings_.empty() && std::binary_search(holdings_.begin(), holdings_.end(), e);
}

std::span<const NomineeLink> OwnershipFacts::principalsOf(std::uint32_t nominee) const {
    auto [b, e] = std::equal_range(
        byNominee_.begin(), byNominee_.end(), NomineeLink{nominee, 0, 0},
        [](const NomineeLink& a, const NomineeLink& c) { return a.nominee < c.nominee; });
    return {b, e};
}

std::span<const NomineeLink> OwnershipFacts::nomineesOf(std::uint32_t principal) const {
    auto [b, e] = std::equal_range(
        byPrincipal_.begin(), byPrincipal_.end(), NomineeLink{0, principal, 0},
        [](const NomineeLink& a, const NomineeLink& c) { return a.principal < c.principal; });
    return {b, e};
}

std::vector<const DeniedInterest*> OwnershipFacts::denialsTouching(std::uint32_t node) const {
    // Denials are few (about one relation in a hundred): a scan is enough.
    std::vector<const DeniedInterest*> out;
    for (const auto& d : denied_) {
        if (d.subject == node || d.object == node) out.push_back(&d);
    }
    return out;
}

std::size_t OwnershipFacts::memoryBytes() const {
    std::size_t bytes = holdings_.capacity() * sizeof(std::uint32_t) +
                        (byNominee_.capacity() + byPrincipal_.capacity()) * sizeof(NomineeLink) +
                        denied_.capacity() * sizeof(DeniedInterest);
    for (const auto& d : denied_) {
        for (const auto& k : d.claims) bytes += sizeof(std::string) + k.size();
    }
    return bytes;
}

}  // namespace cg::graph
