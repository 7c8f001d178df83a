// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "graph/model.hpp"

namespace cg::ingest {

/// The attributes of a relation claim, written as one JSON object in the order they are set.
class Attributes {
  public:
    /// Sets a text attribute.
    void set(std::string_view name, std::string_view value);
    /// Sets a number attribute, written in its shortest exact form (85, not 85.000000).
    void set(std::string_view name, double value);
    /// Sets a boolean attribute.
    void set(std::string_view name, bool value);
    /// Appends `text` to the `note` attribute, separated by "; ", written last.
    void addNote(std::string_view text);
    /// True when nothing was set.
    bool empty() const { return body_.empty() && note_.empty(); }
    /// The JSON object, or an empty string when no attribute was set.
    std::string json() const;

  private:
    void key(std::string_view name);
    std::string body_;
    std::string note_;
};

/// Sets `share` (an exact figure) or `share_min` and `share_max`, noting exclusive bounds.
void setShare(Attributes& attrs, const graph::ShareInterval& share);

}  // namespace cg::ingest
