// SPDX-License-Identifier: MIT
// What an entity's report says, assembled once and written as HTML or Markdown.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "graph/model.hpp"

namespace cg::exporters {

/// One source as the report's numbered list gives it.
struct ReportSource {
    int number = 0;  ///< 1 for the first source the report cites, and so on
    std::string key;
    std::string title;
    std::string publisher;
    std::string published;
    std::string url;  ///< as given; writers link it only when it is http or https
    std::string retrieved;
};

/// The report's sources, numbered in the order the report first cites them.
class ReportSources {
  public:
    /// Registers a source the report may cite, keyed by its store id.
    void add(graph::SourceId id, ReportSource source) { known_[id] = std::move(source); }
    /// The number of source `id`, given on first citation; 0 for a source never added.
    int cite(graph::SourceId id);
    /// The cited sources, by number.
    const std::vector<ReportSource>& cited() const { return cited_; }

  private:
    std::map<graph::SourceId, ReportSource> known_;
    std::map<graph::SourceId, int> numbers_;
    std::vector<ReportSource> cited_;
};

/// One claim as the report quotes it.
struct ReportClaim {
    std::string key;
    bool denies = false;
    double confidence = 1;
    std::string quote;
    int source = 0;  ///< the source's number, 0 when unknown
    std::string sourceKey;
    std::string published;  ///< the source's date
    std::string valid;      ///< "2019 to …", empty when the claim gives no dates
    std::string location;   ///< where in the source, as the claim gives it
    std::string file;       ///< the claims file and line it was read from
    std::int64_t line = 0;
    std::string details;  ///< the claim's attributes (share, role ...), as JSON text
};

/// A name, alias or identifier of the entity and the claims that give it.
struct ReportName {
    std::string label;  ///< "name", "alias", or an identifier's scheme
    std::string value;
    std::string claimKey;  ///< empty for a name given by a bare declaration
    int source = 0;        ///< the giving claim's source number, 0 when none
};

/// A property value with the claims asserting it and those denying it.
struct ReportProperty {
    std::string name;
    std::string value;
    std::vector<ReportClaim> claims;
    std::vector<ReportClaim> denials;
};

/// What one source says of one relation, as `explain` derives it.
struct ReportWitness {
    int source = 0;
    std::string sourceKey;
    std::string says;  ///< "asserts 0.90 (claim pd-1 counts), share 51%"
};

/// One relation of the entity with every claim behind it.
struct ReportRelation {
    std::string statement;  ///< "Mara Velde owns 51% of Halden Holdings Ltd"
    std::string stance;     ///< asserted, disputed (some source denies it), denied (only denied)
    std::string figures;    ///< "support 0.90, dispute 0.30, confidence 0.63, share 51%"
    std::vector<std::string> notes;  ///< share conflicts
    std::vector<ReportWitness> witnesses;
    std::vector<ReportClaim> claims;   ///< asserting, in claim id order
    std::vector<ReportClaim> denials;  ///< denying, in claim id order
};

/// The relations of one kind (ownership, control, role ...).
struct ReportRelationKind {
    std::string kind;
    std::vector<ReportRelation> relations;
};

/// One chain behind an ownership figure, with its arithmetic written out.
struct ReportChain {
    std::string route;                ///< "Mara Velde -owns 51%-> Halden ..."
    std::string arithmetic;           ///< "51% × 100% × 25–50% = 12.75–25.5%"
    bool counted = true;              ///< false for a component chain, listed and not added
    std::vector<int> sources;         ///< the sources asserting its links, by number
    std::vector<ReportClaim> claims;  ///< every claim behind its links, link by link
};

/// One computed owner or holding.
struct ReportOwnershipFigure {
    std::string other;  ///< "Name (Type)"
    std::string share;  ///< the figure as the query gives it
    std::string sum;    ///< "12.75–25.5% + 5% = 17.75–30.5%" when several chains add up
    bool ultimate = false;
    std::string control;   ///< "via Marrow Foundation: 25%" when control is credited
    std::string deniedBy;  ///< denying claims, when an interest is denied
    std::vector<ReportChain> chains;
};

/// The computed owners (upwards) or holdings of the entity.
struct ReportOwnership {
    std::string title;  ///< "Owners", "Holdings"
    std::vector<ReportOwnershipFigure> figures;
    std::vector<std::string> notes;
};

/// A small drawing of the entity's neighbourhood: the entity first, then the neighbours
/// drawn, at their laid-out places (export/layout.hpp units).
struct ReportDiagram {
    struct Node {
        std::string label;
        std::string type;
        std::string color;  ///< "#rrggbb" of its type (as the view colours it); empty: none
        double x = 0;
        double y = 0;
        bool centre = false;
    };
    struct Edge {
        std::size_t from = 0;  ///< subject, for a directed relation
        std::size_t to = 0;
        std::string label;
        bool directed = true;
        bool disputed = false;  ///< asserted, and denied by some source
        bool denied = false;    ///< only denied
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    int hops = 1;
    std::size_t leftOut = 0;   ///< entities within `hops` not drawn, to keep it legible
    std::string leftOutTypes;  ///< how many of each type were left out: "12 Company, 3 Person"
};

/// Everything an entity's report holds.
struct ReportDocument {
    std::string name;
    std::string type;
    std::string key;
    std::vector<ReportName> names;
    std::vector<ReportProperty> properties;
    std::vector<ReportRelationKind> kinds;
    std::vector<ReportOwnership> ownership;
    ReportDiagram diagram;
    std::vector<ReportSource> sources;
};

}  // namespace cg::exporters
