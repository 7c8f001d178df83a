// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cg::resolve {

/// A person's name split into the titles written before it and the name itself.
struct NameParts {
    std::vector<std::string> titles;  ///< as spelled in graph/data/titles.json ("Prime Minister")
    std::string bare;                 ///< the name as written, without the titles ("Hun Sen")
};

/// Moves leading titles and honorifics ("Frau Dr.", "Prime Minister", "Samdech") out of a
/// person's name. The last word is never taken as a title. Never throws.
NameParts splitTitles(std::string_view name);

/// The key names are matched on: normalizeName() of the name, without leading titles when
/// `person` is true (kept when they would leave one word: "Herr Dr. Fischer" is not "Frau Dr.
/// Fischer"), with company legal forms in their canonical form ("Limited" -> "ltd").
std::string matchKey(std::string_view name, bool person);

/// A match key without its trailing legal form ("golden sands ltd" -> "golden sands"); the
/// key itself when it has none. Used only for suggestions, never to merge.
std::string stripLegalForm(const std::string& key);

}  // namespace cg::resolve
