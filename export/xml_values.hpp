// SPDX-License-Identifier: MIT
// Internal to the XML writers: exported attributes as XML elements, GraphML's
// `<data key="...">value</data>` or GEXF's `<attvalue for="..." value="..."/>`.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/exported_graph.hpp"
#include "export/output_buffer.hpp"
#include "export/text_escape.hpp"

namespace cg::exporters {

/// How an XML format writes one attribute value: the element's text up to the value (the
/// attribute's name goes between `before` and `after`), the text closing it, and whether the
/// value sits in element text or in an attribute, which escape differently.
struct XmlValueSyntax {
    std::string_view before;
    std::string_view after;
    std::string_view close;
    XmlContext context;
};

/// Writes each attribute it visits (see ExportedGraph::visit) as one element; the opening
/// text is built once per attribute, so a value costs one copy. Attributes marked in `skip`
/// are left out (GEXF carries `label` and `weight` on the element itself). Lists are JSON
/// arrays in one string, never joined by a delimiter.
class XmlValues {
  public:
    XmlValues(OutputBuffer& out, const ExportedGraph& graph, const XmlValueSyntax& syntax,
              std::string_view namePrefix, const std::vector<AttributeDef>& defs,
              std::vector<bool> skip = {})
        : out_(out),
          graph_(graph),
          close_(syntax.close),
          context_(syntax.context),
          skip_(std::move(skip)) {
        skip_.resize(defs.size(), false);
        open_.resize(defs.size());
        for (std::size_t i = 0; i < defs.size(); ++i) {
            open_[i] = std::string(syntax.before) + std::string(namePrefix) +
                       std::string(defs[i].name) + std::string(syntax.after);
        }
    }

    void text(std::size_t i, std::string_view value) {
        if (!open(i)) return;
        putXml(out_, value, context_);
        out_.put(close_);
    }
    void integer(std::size_t i, std::int64_t value) {
        if (!open(i)) return;
        out_.putInt(value);
        out_.put(close_);
    }
    void real(std::size_t i, float value) {
        if (!open(i)) return;
        out_.putReal(value);
        out_.put(close_);
    }
    void real(std::size_t i, double value) {
        if (!open(i)) return;
        out_.putReal(value);
        out_.put(close_);
    }
    void boolean(std::size_t i, bool value) {
        if (!open(i)) return;
        out_.put(value ? "true" : "false");
        out_.put(close_);
    }
    void sources(std::size_t i, std::span<const std::uint32_t> list) {
        if (!open(i)) return;
        scratch_.assign("[");
        for (auto s : list) {
            if (scratch_.size() > 1) scratch_.append(", ");
            appendJsonString(scratch_, graph_.sourceKey(s));
        }
        scratch_.push_back(']');
        putXml(out_, scratch_, context_);
        out_.put(close_);
    }
    void list(std::size_t i, TextList list) {
        if (!open(i)) return;
        scratch_.assign("[");
        for (auto text : list) {
            if (scratch_.size() > 1) scratch_.append(", ");
            appendJsonString(scratch_, text);
        }
        scratch_.push_back(']');
        putXml(out_, scratch_, context_);
        out_.put(close_);
    }
    void json(std::size_t i, std::string_view value) { text(i, value); }
    void day(std::size_t i, std::int32_t value) {
        if (!open(i)) return;
        out_.putDay(value);
        out_.put(close_);
    }

  private:
    bool open(std::size_t i) {
        if (skip_[i]) return false;
        out_.put(open_[i]);
        return true;
    }

    OutputBuffer& out_;
    const ExportedGraph& graph_;
    std::string_view close_;
    XmlContext context_;
    std::vector<bool> skip_;
    std::vector<std::string> open_;
    std::string scratch_;  // a list's JSON text, reused
};

}  // namespace cg::exporters
