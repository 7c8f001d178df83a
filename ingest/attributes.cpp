// SPDX-License-Identifier: MIT
#include "ingest/attributes.hpp"

#include <cmath>

#include "ingest/json_string.hpp"
#include "ingest/number_text.hpp"

namespace cg::ingest {

void Attributes::key(std::string_view name) {
    if (!body_.empty()) body_ += ',';
    body_ += jsonString(name);
    body_ += ':';
}

void Attributes::set(std::string_view name, std::string_view value) {
    key(name);
    body_ += jsonString(value);
}

void Attributes::set(std::string_view name, double value) {
    key(name);
    body_ += std::isfinite(value) ? shortestNumber(value) : std::string("null");
}

void Attributes::set(std::string_view name, bool value) {
    key(name);
    body_ += value ? "true" : "false";
}

void Attributes::addNote(std::string_view text) {
    if (text.empty()) return;
    if (!note_.empty()) note_ += "; ";
    note_ += text;
}

std::string Attributes::json() const {
    if (empty()) return {};
    std::string out = "{" + body_;
    if (!note_.empty()) {
        if (!body_.empty()) out += ',';
        out += "\"note\":" + jsonString(note_);
    }
    return out + "}";
}

void setShare(Attributes& attrs, const graph::ShareInterval& share) {
    if (share.min == share.max && !share.minExclusive && !share.maxExclusive) {
        attrs.set("share", share.min);
        return;
    }
    attrs.set("share_min", share.min);
    attrs.set("share_max", share.max);
    if (share.minExclusive)
        attrs.addNote("share above " + shortestNumber(share.min) + " (exclusive)");
    if (share.maxExclusive)
        attrs.addNote("share below " + shortestNumber(share.max) + " (exclusive)");
}

}  // namespace cg::ingest
