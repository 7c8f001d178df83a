// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.hpp"
#include "graph/store.hpp"

namespace cg::graph {

/// What a retraction takes out: every live claim of one source, or of one ingested file.
enum class RetractBy : std::uint8_t { Source, File };

/// A retraction asked for on the command line.
struct RetractRequest {
    RetractBy by = RetractBy::Source;
    std::string target;  ///< the source's id, or the file's path
    std::string reason;
    bool dryRun = false;  ///< report what would change, change nothing
};

/// One relation whose derived values a retraction or an undo changed: `before` is empty when
/// restored claims brought it back, `after` when it lost its last claim and was removed.
struct RelationChange {
    RelationId id = 0;
    std::optional<RelationRow> before;
    std::optional<RelationRow> after;
};

/// What a retraction or an undo changed.
struct RetractionReport {
    bool undo = false;
    bool dryRun = false;
    std::vector<RetractionRow> retractions;  ///< the one written, or the ones undone
    std::vector<std::string> claimKeys;      ///< claims taken out or put back, sorted
    std::vector<RelationChange> relations;   ///< in relation id order
    std::vector<EntityId> hidden;            ///< entities no live claim names any more
    std::vector<EntityId> shown;             ///< entities that were hidden and are back
};

/// Takes every live claim of a source or a file out, in one transaction, and records it in
/// the retraction log: relations are derived again from their remaining claims (those left
/// without claims are removed), and entities that only the retracted claims named are hidden.
/// A file is matched however it is spelled (relative to the working folder or the database's,
/// absolute, through a symlinked folder, or by the name outputs show). Throws QueryError
/// for an unknown source or file and when it has no live claim; StorageError.
RetractionReport retract(Store& store, const RetractRequest& request);

/// Undoes retractions by id, in one transaction: their claims are live again and filed under
/// the relations of their endpoints as they are now (merges made since are kept). Throws
/// QueryError for an unknown or already undone id; StorageError.
RetractionReport undoRetractions(Store& store, const std::vector<std::int64_t>& ids, bool dryRun);

/// The retractions of a source or a file that still hold, oldest first.
std::vector<std::int64_t> heldRetractions(Store& store, RetractBy by, const std::string& target);

}  // namespace cg::graph
