// SPDX-License-Identifier: MIT
#include "ingest/record_emitter.hpp"

#include <utility>

#include "ingest/content_hash.hpp"

namespace cg::ingest {

graph::Claim RecordEmitter::base(std::string key) const {
    graph::Claim c;
    c.key = std::move(key);
    c.sourceKey = sourceKey_;
    c.file = file_;
    c.line = line_;
    c.raw = raw_;
    return c;
}

void RecordEmitter::emit(graph::Claim&& claim) {
    sealClaim(claim);
    produced_ = true;
    sink_.claim(std::move(claim));
}

void RecordEmitter::reject(const std::string& reason) {
    sink_.reject(graph::Rejection{file_, line_, reason, raw_});
    produced_ = true;
}

}  // namespace cg::ingest
