// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
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

/// A percentage as registries and spreadsheets write it: "50", "50.5", "50 %", "50,5", or a
/// band "25-50". Nothing when the text is not one, or lies outside 0 to 100.
std::optional<graph::ShareInterval> parsePercent(std::string_view text);

/// Quotes `text` as a JSON string.
std::string jsonString(std::string_view text);

/// Fills in a claim's content hash from what it claims (subject and object keys, relation or
/// property, value, attributes, share, stance, confidence, dates), never from where it was
/// read (source, file, line), so reading the same record again from another file is a
/// duplicate, and a changed record under the same key is reported as changed.
void sealClaim(graph::Claim& claim);

/// A segment of a claim key: the text itself when it is short and plain, otherwise '#'
/// followed by 16 hex digits of its hash.
std::string keySegment(std::string_view text);

/// The upper-case ISO 3166 alpha-2 code written as `text` ("gb", "GB"), or nothing.
std::optional<std::string> countryCode(std::string_view text);

/// The ISO 3166 alpha-2 code of an English country name, an alpha-2 or an alpha-3 code ("VGB");
/// also knows the UK's nations ("England", "Wales") and common forms ("UK", "USA"). Nothing
/// when unknown.
std::optional<std::string> countryFromName(std::string_view name);

/// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view trimmed(std::string_view text);

/// The file name of `path` without its directory and without the extensions readers know
/// (.json, .jsonl, .ijson, .ndjson, .csv, .ftm, .bods, .entities), for source keys.
std::string fileStem(const std::string& path);

}  // namespace cg::ingest
