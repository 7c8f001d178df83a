// SPDX-License-Identifier: MIT
#include "resolve/resolver.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include "graph/error.hpp"
#include "graph/fnv.hpp"
#include "graph/normalize.hpp"
#include "resolve/name_parts.hpp"

namespace cg::resolve {

using graph::fnv1a;
using graph::kFnvOffsetBasis;
using graph::NameReferenceRow;
using graph::slugify;

namespace {

std::uint64_t nameHash(EntityId id, std::string_view name) {
    return fnv1a(name, kFnvOffsetBasis ^ static_cast<std::uint64_t>(id));
}

// A name-only reference's entity and match key, from the key's hash.
std::uint64_t referenceHash(EntityId id, std::uint64_t keyHash) {
    std::uint64_t h = keyHash ^ (static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull);
    h ^= h >> 31;
    return h * 0xBF58476D1CE4E5B9ull;
}

std::uint64_t keyHash(std::string_view key) { return nameHash(0, key); }

std::string schemeMark(std::string_view scheme) { return "\x1d" + std::string(scheme); }

std::string trim(std::string_view s) {
    size_t b = 0;
    size_t e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

std::optional<EntityId> EntityKeyIndex::find(std::string_view key) const {
    if (table_.size() == 0) return std::nullopt;
    std::uint64_t h = std::hash<std::string_view>{}(key);
    const Slot* slot = table_.find(h, [&](const Slot& s) { return matches(s, h, key); });
    if (!slot) return std::nullopt;
    return slot->id;
}

bool EntityKeyIndex::matches(const Slot& slot, std::uint64_t hash, std::string_view key) const {
    if (slot.keyHash != hash) return false;
    auto length = static_cast<unsigned char>(slot.text[15]);
    if (length == kLong) {
        std::uint32_t index = 0;
        std::memcpy(&index, slot.text, sizeof index);
        return long_[index] == key;
    }
    return length == key.size() + 1 && std::memcmp(slot.text, key.data(), key.size()) == 0;
}

bool EntityKeyIndex::insert(std::string_view key, EntityId id) {
    if (find(key)) return false;
    Slot slot;
    slot.keyHash = std::hash<std::string_view>{}(key);
    slot.id = id;
    if (key.size() < 16) {
        std::memcpy(slot.text, key.data(), key.size());
        slot.text[15] = static_cast<char>(key.size() + 1);
    } else {
        auto index = static_cast<std::uint32_t>(long_.size());
        long_.emplace_back(key);
        std::memcpy(slot.text, &index, sizeof index);
        slot.text[15] = static_cast<char>(kLong);
    }
    table_.insert(slot);
    return true;
}

std::string normalizeScheme(std::string_view scheme) {
    std::string out = trim(scheme);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c == '_' || c == ' ') c = '-';
    }
    return out;
}

std::string Resolver::identifierKey(const std::string& scheme, const std::string& value) {
    return normalizeScheme(scheme) + '\x1f' + trim(value);
}

Resolver::Resolver(Store& store, const Schema& schema)
    : store_(store), schema_(schema), person_(schema.entityTypeId("Person")) {
    store_.forEachEntity([&](EntityId id, const std::string& key, const std::string& type,
                             bool stub, std::optional<EntityId> mergedInto) {
        auto t = schema_.entityTypeId(type);
        remember(id, key, t ? *t : schema_.rootType(), stub);
        info_[id].canonical = mergedInto ? *mergedInto : id;
        info_[id].ambiguous = isAmbiguousKey(key);
    });
    store_.forEachName([&](EntityId id, const std::string& norm) {
        auto& ids = byNorm_[norm];
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    });
    store_.forEachIdentifier([&](EntityId id, const std::string& scheme, const std::string& value) {
        byIdentifier_.emplace(identifierKey(scheme, value), id);
        schemes_.insert(nameHash(id, schemeMark(normalizeScheme(scheme))));
    });
    store_.forEachNameReference([&](EntityId id, std::uint64_t hash) {
        nameRefKeys_.insert(hash);
        nameRefs_.insert(referenceHash(id, hash));
    });
}

void Resolver::remember(EntityId id, const std::string& key, EntityTypeId type, bool stub) {
    if (static_cast<std::size_t>(id) >= info_.size())
        info_.resize(static_cast<std::size_t>(id) + 1);
    info_[id] = Info{type, stub, true, id};
    keys_.insert(key, id);
}

EntityId Resolver::canonicalOf(EntityId id) const {
    for (int guard = 0; guard < 64 && info_[id].canonical != id; ++guard) id = info_[id].canonical;
    return id;
}

bool Resolver::isPerson(std::optional<EntityTypeId> type) const {
    return type && person_ && schema_.isA(*type, *person_);
}

Resolver::Found Resolver::find(const EntityRef& ref, std::optional<EntityTypeId> type) const {
    if (!ref.key.empty()) {
        for (const RecentKey& recent : recentKeys_) {
            if (recent.id != 0 && recent.key == ref.key) return {recent.id};
        }
        auto found = keys_.find(ref.key);
        if (!found) return {};
        RecentKey& slot = recentKeys_[recentNext_++ % 4];
        slot.key = ref.key;
        slot.id = *found;
        return {found};
    }
    for (const auto& [scheme, value] : ref.identifiers) {
        auto it = byIdentifier_.find(identifierKey(scheme, value));
        if (it == byIdentifier_.end()) continue;
        if (!type || schema_.compatible(info_[canonicalOf(it->second)].type, *type))
            return {it->second};
    }
    if (ref.name.empty()) return {};
    std::string key = matchKey(ref.name, isPerson(type));
    auto it = byNorm_.find(key);
    if (it == byNorm_.end()) return {};
    // The name's candidates: entities of a compatible type (that of the canonical entity,
    // since a merge may have refined it), never a placeholder, and for a reference with
    // identifiers never one holding another identifier of the same scheme (two passports are
    // two people). One canonical entity is a match (the oldest of its members that carry
    // the name); more than one is ambiguous.
    std::optional<EntityId> first;
    EntityId firstCanonical = 0;
    bool several = false;
    for (EntityId candidate : it->second) {
        EntityId canon = canonicalOf(candidate);
        const Info& info = info_[canon];
        if (info_[candidate].ambiguous || info.ambiguous) continue;
        if (type && !schema_.compatible(info.type, *type)) continue;
        if (!ref.identifiers.empty() && holdsSchemeOf(candidate, ref)) continue;
        if (!first) {
            first = candidate;
            firstCanonical = canon;
        } else if (canon != firstCanonical) {
            several = true;
            break;
        } else if (candidate < *first) {
            first = candidate;
        }
    }
    if (!several) return {first};
    // A reference with identifiers is a thing of its own: a new entity, which suggestions
    // may pair with the others. A name alone cannot say which one it is.
    if (!ref.identifiers.empty()) return {};
    return {keys_.find(ambiguousKey(ref.type, key, sourceKey_)), true};
}

std::vector<EntityId> Resolver::candidatesFor(const std::string& key,
                                              std::optional<EntityTypeId> type) const {
    std::vector<EntityId> out;
    auto it = byNorm_.find(key);
    if (it == byNorm_.end()) return out;
    for (EntityId candidate : it->second) {
        EntityId canon = canonicalOf(candidate);
        if (info_[candidate].ambiguous || info_[canon].ambiguous) continue;
        if (type && !schema_.compatible(info_[canon].type, *type)) continue;
        if (std::find(out.begin(), out.end(), canon) == out.end()) out.push_back(canon);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool Resolver::holdsSchemeOf(EntityId id, const EntityRef& ref) const {
    EntityId canon = canonicalOf(id);
    for (const auto& [scheme, value] : ref.identifiers) {
        std::string mark = schemeMark(normalizeScheme(scheme));
        if (schemes_.contains(nameHash(id, mark)) || schemes_.contains(nameHash(canon, mark)))
            return true;
    }
    return false;
}

std::optional<EntityTypeId> Resolver::typeFor(const EntityRef& ref, ResolveError& error) const {
    std::optional<EntityTypeId> claimed;
    if (!ref.type.empty()) {
        claimed = schema_.entityTypeId(ref.type);
        if (!claimed) {
            error.reason = "unknown entity type '" + ref.type + "' (expected " +
                           schema_.entityTypeList() + ")";
            return std::nullopt;
        }
    }
    auto found = find(ref, claimed).id;
    if (!found) return claimed ? *claimed : schema_.rootType();
    EntityId id = canonicalOf(*found);
    EntityTypeId have = info_[id].type;
    if (!claimed || have == *claimed) return have;
    if (info_[id].stub || have == schema_.rootType()) return *claimed;
    if (schema_.isA(*claimed, have)) return *claimed;  // refines Organization to Company
    if (schema_.isA(have, *claimed)) return have;
    error.reason = "entity '" + ref.key + "' is a " + schema_.entityType(have).name +
                   ", but the claim calls it a " + ref.type;
    return std::nullopt;
}

std::string Resolver::newKey(const std::string& type, const std::string& name) {
    std::string base = type;
    for (auto& c : base) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    std::string slug = slugify(name);
    if (slug.empty()) {
        char buf[20];
        std::snprintf(buf, sizeof buf, "%016llx",
                      static_cast<unsigned long long>(nameHash(0, name)));
        slug = std::string("h") + buf;
    }
    base += "/" + slug;
    std::string key = base;
    for (int n = 2; keys_.find(key); ++n) key = base + "-" + std::to_string(n);
    return key;
}

void Resolver::addName(EntityId id, const std::string& name, bool person,
                       std::optional<ClaimId> claim) {
    if (name.empty() || !names_.insert(nameHash(id, name))) return;
    std::string key = matchKey(name, person);
    // Inside beginClaim() a name without its claim yet waits for it (attachClaim) rather
    // than being written now and updated then: one write instead of an insert and an update.
    // Matching reads the in-memory index, never the table, so it finds the name meanwhile.
    if (claim || !awaitingClaim_) {
        store_.addName(id, name, key, claim);
    } else {
        unclaimedNames_.push_back({id, name, key});
    }
    auto& ids = byNorm_[key];
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
        // Only a name with recorded name-only references can need a second look.
        if (!info_[id].ambiguous && nameRefKeys_.size() > 0) joinedKeys_.push_back(key);
    }
}

EntityId Resolver::placeholderFor(const std::string& typeName, const std::string& key,
                                  const std::string& source, const std::string& name,
                                  std::optional<ClaimId> claim) {
    std::string placeholderKey = ambiguousKey(typeName, key, source);
    auto type = schema_.entityTypeId(typeName).value_or(schema_.rootType());
    EntityId id;
    if (auto existing = keys_.find(placeholderKey)) {
        id = *existing;
    } else {
        id = store_.insertEntity(placeholderKey, schema_.entityType(type).name, ambiguousName(name),
                                 false);
        remember(id, placeholderKey, type, false);
        info_[id].ambiguous = true;
        ++created_;
    }
    addName(id, name, isPerson(type), claim);
    return id;
}

void Resolver::reexamine(EntityId id, const std::string& key, const EntityRef& ref) {
    std::uint64_t hash = keyHash(key);
    if (!nameRefKeys_.contains(hash)) return;
    auto it = byNorm_.find(key);
    if (it == byNorm_.end()) return;
    EntityId canon = canonicalOf(id);
    // A copy: placeholders made below join the name's list.
    std::vector<EntityId> others = it->second;
    for (EntityId other : others) {
        EntityId otherCanonical = canonicalOf(other);
        if (otherCanonical == canon || info_[other].ambiguous || info_[otherCanonical].ambiguous)
            continue;
        if (!nameRefs_.contains(referenceHash(other, hash))) continue;
        // Only a candidate that cannot be the new entity (another identifier of one scheme)
        // makes the earlier name-only references to it ambiguous.
        if (!holdsSchemeOf(other, ref)) continue;
        if (!schema_.compatible(info_[otherCanonical].type, info_[canon].type)) continue;
        for (const NameReferenceRow& row : store_.takeNameReferences(other, hash)) {
            EntityId placeholder =
                placeholderFor(row.type, key, row.sourceKey, row.name, row.claim);
            store_.moveReference(row.claim, row.role, other, placeholder);
            if (canonicalOf(placeholder) != placeholder) continue;  // settled by a judgement
            std::optional<EntityTypeId> rowType;
            if (!row.type.empty()) rowType = schema_.entityTypeId(row.type);
            ambiguous_.push_back(AmbiguousReference{row.file, row.line, row.name, row.type,
                                                    placeholder, candidatesFor(key, rowType)});
        }
    }
}

std::vector<AmbiguousReference> Resolver::takeAmbiguous() {
    std::vector<AmbiguousReference> out;
    out.swap(ambiguous_);
    return out;
}

EntityId Resolver::resolve(const EntityRef& ref, std::optional<ClaimId> claim, ReferenceRole role) {
    ResolveError error;
    auto type = typeFor(ref, error);
    if (!type) throw InputError(error.reason);  // callers check typeFor first
    std::optional<EntityTypeId> claimed;
    if (!ref.type.empty()) claimed = schema_.entityTypeId(ref.type);
    bool person = isPerson(*type);
    // Titles never take part in matching or naming; they become properties of the claim.
    NameParts parts = person ? splitTitles(ref.name) : NameParts{{}, ref.name};
    Found found = find(ref, claimed);
    // A name-only reference is kept under the key find() matched it by, which is the key of
    // its placeholder too.
    bool nameOnly = ref.key.empty() && ref.identifiers.empty() && !ref.name.empty();
    std::string nameKey = nameOnly ? matchKey(ref.name, isPerson(claimed)) : std::string();
    joinedKeys_.clear();
    EntityId id;
    if (found.id) {
        id = *found.id;
        EntityId canon = canonicalOf(id);
        Info& info = info_[canon];
        bool nowStub = info.stub && !ref.described() && ref.type.empty();
        if (info.type != *type || info.stub != nowStub) {
            auto current = store_.entity(canon);
            std::string name = current ? current->name : std::string();
            if ((info.stub || name.empty()) && !parts.bare.empty()) name = parts.bare;
            store_.updateEntity(canon, schema_.entityType(*type).name, name, nowStub);
            info.type = *type;
            info.stub = nowStub;
        }
    } else if (found.ambiguous) {
        id = placeholderFor(ref.type, nameKey, sourceKey_, parts.bare, claim);
    } else {
        bool stub = !ref.described() && ref.type.empty();
        std::string key =
            ref.key.empty() ? newKey(schema_.entityType(*type).name, parts.bare) : ref.key;
        std::string name = parts.bare.empty() ? key : parts.bare;
        id = store_.insertEntity(key, schema_.entityType(*type).name, name, stub);
        remember(id, key, *type, stub);
        ++created_;
    }
    addName(id, parts.bare, person, claim);
    if (parts.bare != ref.name) addName(id, ref.name, person, claim);
    for (const auto& alias : ref.aliases) addName(id, alias, person, claim);
    if (claim) addClaimFacts(id, parts, ref, *claim);
    for (const auto& [scheme, value] : ref.identifiers) {
        std::string k = identifierKey(scheme, value);
        // The first entity to carry an identifier keeps it in the index; every entity that
        // is claimed to carry it still records it, so a clash stays visible.
        if (names_.insert(nameHash(id, "\x1e" + k))) {
            if (claim || !awaitingClaim_) {
                store_.addIdentifier(id, normalizeScheme(scheme), trim(value), claim);
            } else {
                unclaimedIdentifiers_.emplace_back(id, normalizeScheme(scheme), trim(value));
            }
            byIdentifier_.emplace(k, id);
            schemes_.insert(nameHash(id, schemeMark(normalizeScheme(scheme))));
        }
    }
    if (awaitingClaim_ && nameOnly) {
        if (!found.ambiguous) {
            unclaimedNameReferences_.push_back({id, nameKey, role, ref.type, parts.bare});
        } else if (canonicalOf(id) == id) {
            unclaimedAmbiguous_.push_back(AmbiguousReference{"", 0, parts.bare, ref.type, id,
                                                             candidatesFor(nameKey, claimed)});
        }
    }
    // An entity with identifiers that joins a name may make earlier name-only references to
    // another entity of that name ambiguous.
    if (!ref.identifiers.empty() && !info_[id].ambiguous && !joinedKeys_.empty()) {
        std::vector<std::string> joined;
        joined.swap(joinedKeys_);
        for (const auto& k : joined) reexamine(id, k, ref);
    }
    return id;
}

void Resolver::addClaimFacts(EntityId id, const NameParts& parts, const EntityRef& ref,
                             ClaimId claim) {
    for (const auto& title : parts.titles) store_.addReferenceFact(id, "title", title, claim);
    if (!ref.country.empty()) store_.addReferenceFact(id, "country", ref.country, claim);
}

void Resolver::recordClaimFacts(EntityId id, const EntityRef& ref, ClaimId claim) {
    bool person = isPerson(info_[canonicalOf(id)].type);
    if (!person && ref.country.empty()) return;
    addClaimFacts(id, person ? splitTitles(ref.name) : NameParts{{}, ref.name}, ref, claim);
}

void Resolver::attachClaim(ClaimId claim) {
    for (const auto& r : unclaimedNameReferences_) {
        std::uint64_t hash = keyHash(r.key);
        store_.addNameReference(r.entity, hash, claim, r.role, r.type, r.name);
        nameRefKeys_.insert(hash);
        nameRefs_.insert(referenceHash(r.entity, hash));
    }
    unclaimedNameReferences_.clear();
    for (auto& a : unclaimedAmbiguous_) ambiguous_.push_back(std::move(a));
    unclaimedAmbiguous_.clear();
    writeUnclaimed(claim);
}

void Resolver::discardUnclaimed() {
    unclaimedNameReferences_.clear();
    unclaimedAmbiguous_.clear();
    writeUnclaimed(std::nullopt);
}

void Resolver::beginClaim() {
    discardUnclaimed();
    awaitingClaim_ = true;
}

void Resolver::writeUnclaimed(std::optional<ClaimId> claim) {
    awaitingClaim_ = false;
    for (const auto& n : unclaimedNames_) store_.addName(n.entity, n.name, n.key, claim);
    for (const auto& [id, scheme, value] : unclaimedIdentifiers_)
        store_.addIdentifier(id, scheme, value, claim);
    unclaimedNames_.clear();
    unclaimedIdentifiers_.clear();
}

EntityId Resolver::canonical(EntityId id) const { return canonicalOf(id); }

bool Resolver::sameEntity(const EntityRef& a, const EntityRef& b) const {
    auto typeOfRef = [&](const EntityRef& r) -> std::optional<EntityTypeId> {
        if (r.type.empty()) return std::nullopt;
        return schema_.entityTypeId(r.type);
    };
    auto ta = typeOfRef(a);
    auto tb = typeOfRef(b);
    auto fa = find(a, ta).id;
    auto fb = find(b, tb).id;
    if (fa && fb) return canonicalOf(*fa) == canonicalOf(*fb);
    if (fa || fb) return false;
    // Neither exists yet: the second would match the first once created.
    if (!a.key.empty() || !b.key.empty()) return a.key == b.key;
    if (!ta || !tb || !schema_.compatible(*ta, *tb) || a.name.empty()) return false;
    return matchKey(a.name, isPerson(ta)) == matchKey(b.name, isPerson(tb));
}

}  // namespace cg::resolve
