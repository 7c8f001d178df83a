// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cg::graph {

class Store;

/// One stored version of a saved query; the document is kept as written.
struct SavedQueryRow {
    std::string name;
    int version = 1;
    std::string kind;
    std::string description;
    std::string document;
    std::string saved;
    bool deleted = false;
};

/// The saved queries of a database, every version kept as written: a small object over an
/// open store, which it must not outlive. Every method throws StorageError when the database
/// cannot be read or written.
class SavedQueries {
  public:
    explicit SavedQueries(Store& store) : store_(store) {}

    /// Stores a version of a saved query; returns false when that exact version and document
    /// are already stored. Throws QueryError when the version is stored with another document
    /// or is not above the latest one (every version is kept).
    bool save(const SavedQueryRow& query);
    /// The latest version of every saved query not deleted, by name.
    std::vector<SavedQueryRow> latest() const;
    /// One saved query: the given version, or the latest; nothing when unknown or deleted.
    std::optional<SavedQueryRow> find(const std::string& name,
                                      std::optional<int> version = {}) const;
    /// Every stored version of a query, oldest first.
    std::vector<SavedQueryRow> history(const std::string& name) const;
    /// Marks every version of a query deleted; returns how many there were.
    int remove(const std::string& name);

  private:
    Store& store_;
};

}  // namespace cg::graph
