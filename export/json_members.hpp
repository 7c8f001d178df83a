// SPDX-License-Identifier: MIT
// Internal to the JSON writers: exported attributes as JSON object members.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

namespace cg::exporters {

/// Writes each attribute it visits as `, "name": value` (the caller opens the object with
/// its own first member); lists become arrays, JSON values are written as they are, numbers
/// that are not finite null.
class JsonMembers {
  public:
    JsonMembers(OutputBuffer& out, const ExportedGraph& graph,
                const std::vector<AttributeDef>& defs)
        : out_(out), graph_(graph) {
        for (const auto& def : defs) names_.push_back(", \"" + std::string(def.name) + "\": ");
    }

    void text(std::size_t i, std::string_view value) {
        out_.put(names_[i]);
        putJsonString(out_, value);
    }
    void integer(std::size_t i, std::int64_t value) {
        out_.put(names_[i]);
        out_.putInt(value);
    }
    void real(std::size_t i, float value) {
        out_.put(names_[i]);
        if (std::isfinite(value))
            out_.putReal(value);
        else
            out_.put("null");
    }
    void real(std::size_t i, double value) {
        out_.put(names_[i]);
        if (std::isfinite(value))
            out_.putReal(value);
        else
            out_.put("null");
    }
    void boolean(std::size_t i, bool value) {
        out_.put(names_[i]);
        out_.put(value ? "true" : "false");
    }
    void sources(std::size_t i, std::span<const std::uint32_t> list) {
        out_.put(names_[i]);
        out_.put('[');
        bool first = true;
        for (auto s : list) {
            if (!first) out_.put(", ");
            first = false;
            putJsonString(out_, graph_.sourceKey(s));
        }
        out_.put(']');
    }
    void list(std::size_t i, TextList list) {
        out_.put(names_[i]);
        out_.put('[');
        bool first = true;
        for (auto text : list) {
            if (!first) out_.put(", ");
            first = false;
            putJsonString(out_, text);
        }
        out_.put(']');
    }
    void json(std::size_t i, std::string_view value) {
        out_.put(names_[i]);
        out_.put(value);
    }
    void day(std::size_t i, std::int32_t value) {
        out_.put(names_[i]);
        out_.put('"');
        out_.putDay(value);
        out_.put('"');
    }

  private:
    OutputBuffer& out_;
    const ExportedGraph& graph_;
    std::vector<std::string> names_;
};

}  // namespace cg::exporters
