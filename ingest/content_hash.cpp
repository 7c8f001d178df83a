// SPDX-License-Identifier: MIT
#include "ingest/content_hash.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "ingest/number_text.hpp"

namespace cg::ingest {

namespace {

using rapidjson::Value;

void addBytes(std::uint64_t& h, const void* data, std::size_t n) {
    graph::fnv1aAdd(h, std::string_view(static_cast<const char*>(data), n));
}

void hashValue(std::uint64_t& h, const Value& v, std::string_view skip) {
    char tag = static_cast<char>('0' + static_cast<int>(v.GetType()));
    addBytes(h, &tag, 1);
    if (v.IsObject()) {
        // Records have a handful of keys: sort pointers to them in place, on the heap only
        // for an unusually wide object.
        constexpr std::size_t kInline = 32;
        const Value::Member* inlineMembers[kInline];
        std::vector<const Value::Member*> wide;
        const Value::Member** members = inlineMembers;
        if (v.MemberCount() > kInline) {
            wide.resize(v.MemberCount());
            members = wide.data();
        }
        std::size_t count = 0;
        for (const auto& m : v.GetObject()) {
            if (!skip.empty() &&
                std::string_view(m.name.GetString(), m.name.GetStringLength()) == skip)
                continue;
            members[count++] = &m;
        }
        std::sort(members, members + count, [](auto* a, auto* b) {
            return std::string_view(a->name.GetString(), a->name.GetStringLength()) <
                   std::string_view(b->name.GetString(), b->name.GetStringLength());
        });
        for (const auto* m : std::span(members, count)) {
            addBytes(h, m->name.GetString(), m->name.GetStringLength() + 1);
            hashValue(h, m->value, {});
        }
    } else if (v.IsArray()) {
        for (const auto& item : v.GetArray()) hashValue(h, item, {});
        addBytes(h, "]", 1);
    } else if (v.IsString()) {
        addBytes(h, v.GetString(), v.GetStringLength() + 1);
    } else if (v.IsNumber()) {
        double d = v.GetDouble();
        addBytes(h, &d, sizeof d);
    }
}

}  // namespace

void sealClaim(graph::Claim& c) {
    std::uint64_t h = graph::kFnvOffsetBasis;
    addHashField(h, c.key);
    addHashField(h, c.subject.key);
    addHashField(h, c.kind == graph::Claim::Kind::Relation ? "r" : "p");
    addHashField(h, c.relation);
    addHashField(h, c.object.key);
    addHashField(h, c.relationKey);
    addHashField(h, c.property);
    addHashField(h, c.value);
    addHashField(h, c.attributesJson);
    if (c.share) {
        addHashField(h, shortestNumber(c.share->min) + (c.share->minExclusive ? "(" : "[") +
                            shortestNumber(c.share->max) + (c.share->maxExclusive ? ")" : "]"));
    }
    addHashField(h, c.stance == graph::Stance::Denies ? "denies" : "asserts");
    addHashField(h, shortestNumber(c.confidence));
    addHashField(h, c.validFrom ? c.validFrom->text() : "");
    addHashField(h, c.validTo ? c.validTo->text() : "");
    c.contentHash = h;
}

std::uint64_t canonicalJsonHash(const Value& record, std::string_view skipTopLevelKey) {
    std::uint64_t h = graph::kFnvOffsetBasis;
    hashValue(h, record, skipTopLevelKey);
    return h;
}

std::uint64_t canonicalJsonHash(std::string_view json, std::string_view skipTopLevelKey) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) return graph::kFnvOffsetBasis;
    return canonicalJsonHash(doc, skipTopLevelKey);
}

}  // namespace cg::ingest
