// SPDX-License-Identifier: MIT
#include "resolve/name_parts.hpp"

#include <gtest/gtest.h>

using cg::resolve::matchKey;
using cg::resolve::splitTitles;
using cg::resolve::stripLegalForm;

TEST(NameParts, MovesLeadingTitlesOutOfAPersonsName) {
    auto p = splitTitles("Prime Minister Hun Sen");
    EXPECT_EQ(p.bare, "Hun Sen");
    ASSERT_EQ(p.titles.size(), 1u);
    EXPECT_EQ(p.titles[0], "Prime Minister");
}

TEST(NameParts, TakesSeveralTitlesInARow) {
    auto p = splitTitles("Frau Dr. Irene Nierstenhöfer");
    EXPECT_EQ(p.bare, "Irene Nierstenhöfer");
    ASSERT_EQ(p.titles.size(), 2u);
    EXPECT_EQ(p.titles[0], "Frau");
    EXPECT_EQ(p.titles[1], "Dr.");
    auto q = splitTitles("Herr Prof. Dr. Hermann Schnabel");
    EXPECT_EQ(q.bare, "Hermann Schnabel");
    EXPECT_EQ(q.titles.size(), 3u);
    auto r = splitTitles("Dr.-Ing. E. h. Martin Herrenknecht");
    EXPECT_EQ(r.bare, "Martin Herrenknecht");
    EXPECT_EQ(r.titles.size(), 1u);
}

TEST(NameParts, NeverTakesTheLastWordAsATitle) {
    auto p = splitTitles("General");
    EXPECT_EQ(p.bare, "General");
    EXPECT_TRUE(p.titles.empty());
    auto q = splitTitles("Samdech Hun Sen");
    EXPECT_EQ(q.bare, "Hun Sen");
}

TEST(NameParts, TitlesDoNotChangeAPersonsMatchKey) {
    EXPECT_EQ(matchKey("Prime Minister Hun Sen", true), matchKey("Hun Sen", true));
    EXPECT_EQ(matchKey("Samdech Hun Sen", true), matchKey("HUN SEN", true));
    EXPECT_EQ(matchKey("Frau Dr. Irene Nierstenhöfer", true),
              matchKey("Irene Nierstenhofer", true));
    // Different people stay different whatever their titles.
    EXPECT_NE(matchKey("Frau Lina Dachner", true), matchKey("Frau Johanna Quandt", true));
}

TEST(NameParts, OrganisationsKeepTheirWordsButCanonicaliseLegalForms) {
    EXPECT_EQ(matchKey("Golden Sands Limited", false), matchKey("Golden Sands Ltd.", false));
    EXPECT_EQ(matchKey("Acme Incorporated", false), "acme inc");
    EXPECT_NE(matchKey("Golden Sands", false), matchKey("Golden Sands Ltd", false));
    // "General" is a title for people, not a word to drop from a company's name.
    EXPECT_EQ(matchKey("General Motors Corporation", false), "general motors corp");
    // A legal form at the start is part of the name, not a form.
    EXPECT_EQ(matchKey("AG Holding", false), "ag holding");
}

TEST(NameParts, GermanAndAustrianLimitedCompanySpellingsMatch) {
    // Registries and articles write the same form with and without dots.
    EXPECT_EQ(matchKey("Müller Holding G.m.b.H.", false), matchKey("Müller Holding GmbH", false));
    EXPECT_EQ(matchKey("Müller Holding Ges.m.b.H.", false), "muller holding gmbh");
    EXPECT_EQ(matchKey("Müller Holding GesmbH", false), "muller holding gmbh");
    EXPECT_EQ(matchKey("Adolf Würth G.m.b.H. & Co. KG", false),
              matchKey("Adolf Würth GmbH & Co. KG", false));
    EXPECT_EQ(stripLegalForm(matchKey("Müller Holding G.m.b.H.", false)), "muller holding");
}

TEST(NameParts, StripsOnlyATrailingLegalFormForSuggestions) {
    EXPECT_EQ(stripLegalForm(matchKey("Golden Sands Ltd", false)), "golden sands");
    EXPECT_EQ(stripLegalForm(matchKey("Adolf Würth GmbH & Co. KG", false)), "adolf wurth");
    EXPECT_EQ(stripLegalForm("golden sands"), "golden sands");
}
