// SPDX-License-Identifier: MIT
#include "ingest/content_hash.hpp"

#include <gtest/gtest.h>

#include "graph/model.hpp"

using cg::graph::Claim;
using cg::ingest::sealClaim;

namespace {

Claim ownership() {
    Claim c;
    c.key = "bods:s1";
    c.kind = Claim::Kind::Relation;
    c.subject.key = "person-1";
    c.relation = "owns";
    c.object.key = "company-1";
    c.sourceKey = "bods:file";
    c.file = "a.json";
    c.line = 3;
    return c;
}

}  // namespace

TEST(SealClaim, IgnoresWhereTheClaimWasRead) {
    Claim a = ownership(), b = ownership();
    b.sourceKey = "bods:other";
    b.file = "b.json";
    b.line = 40;
    b.raw = "{...}";
    sealClaim(a);
    sealClaim(b);
    EXPECT_EQ(a.contentHash, b.contentHash);
}

TEST(SealClaim, ChangesWithWhatTheClaimSays) {
    Claim a = ownership(), b = ownership();
    b.share = cg::graph::ShareInterval{25, 50};
    sealClaim(a);
    sealClaim(b);
    EXPECT_NE(a.contentHash, b.contentHash);
}

TEST(SealClaim, KeepsFieldsApart) {
    Claim a = ownership(), b = ownership();
    a.subject.key = "ab";
    a.object.key = "c";
    b.subject.key = "a";
    b.object.key = "bc";
    sealClaim(a);
    sealClaim(b);
    EXPECT_NE(a.contentHash, b.contentHash);
}
