// SPDX-License-Identifier: MIT
// libFuzzer target: the saved-query parser (parseSavedQuery), and binding its parameters to
// their defaults, on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "graph/error.hpp"
#include "queries/saved_query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        cg::queries::SavedQuery query = cg::queries::parseSavedQuery(text, "fuzz-query");
        cg::queries::bindSavedQuery(query, {});
    } catch (const cg::QueryError&) {
        // A malformed query, or one whose required parameters were not given: refused.
    }
    return 0;
}
