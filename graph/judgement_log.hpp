// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cg::graph {

class Store;

/// A recorded resolution decision: two entities are the same (merge) or not (not_same), or
/// a merge was undone (split).
struct JudgementRow {
    std::int64_t id = 0;
    std::string kind;  ///< merge, not_same, split
    std::string a;     ///< entity key
    std::string b;     ///< entity key; empty for split
    std::string note;
    std::string created;
    bool undone = false;
    std::string author;  ///< who recorded it (`resolve ... --by`); empty before layout 10
};

/// The log of resolution judgements of a database: a small object over an open store, which
/// it must not outlive. Writes belong inside a Store::Batch. Every method throws
/// StorageError when the database cannot be read or written.
class JudgementLog {
  public:
    explicit JudgementLog(Store& store) : store_(store) {}

    /// Records a judgement; returns its id.
    std::int64_t add(const std::string& kind, const std::string& aKey, const std::string& bKey,
                     const std::string& note, const std::string& author = {});
    /// The judgements in id order, with `includeUndone` also those undone.
    std::vector<JudgementRow> list(bool includeUndone) const;
    /// Marks a judgement undone.
    void undo(std::int64_t id);

  private:
    Store& store_;
};

}  // namespace cg::graph
