// SPDX-License-Identifier: MIT
#include "export/export_options.hpp"

#include "export/text_escape.hpp"

namespace cg::exporters {

std::optional<EvidenceLevel> evidenceLevel(std::string_view name) {
    if (name == "full") return EvidenceLevel::Full;
    if (name == "summary") return EvidenceLevel::Summary;
    if (name == "none") return EvidenceLevel::None;
    return std::nullopt;
}

std::string_view evidenceLevelName(EvidenceLevel level) {
    switch (level) {
        case EvidenceLevel::Full:
            return "full";
        case EvidenceLevel::Summary:
            return "summary";
        case EvidenceLevel::None:
            return "none";
    }
    return "full";
}

graph::ProvenanceOptions exportProvenanceOptions(EvidenceLevel level) {
    graph::ProvenanceOptions options;
    options.claims = true;
    options.quotes = level != EvidenceLevel::None;
    options.entityFacts = true;
    return options;
}

std::string selectionJson(const ExportOptions& options) {
    std::string json = "{";
    for (const auto& [name, value] : options.selection) {
        if (json.size() > 1) json += ", ";
        appendJsonString(json, name);
        json += ": ";
        appendJsonString(json, value);
    }
    return json + "}";
}

std::string selectionText(const ExportOptions& options) {
    std::string text;
    for (const auto& [name, value] : options.selection) {
        if (!text.empty()) text += "; ";
        text += name + ": " + value;
    }
    return text;
}

}  // namespace cg::exporters
