// SPDX-License-Identifier: MIT
#include "export/report_document.hpp"

namespace cg::exporters {

int ReportSources::cite(graph::SourceId id) {
    if (auto n = numbers_.find(id); n != numbers_.end()) return n->second;
    auto known = known_.find(id);
    if (known == known_.end()) return 0;
    int number = static_cast<int>(cited_.size()) + 1;
    numbers_[id] = number;
    cited_.push_back(known->second);
    cited_.back().number = number;
    return number;
}

}  // namespace cg::exporters
