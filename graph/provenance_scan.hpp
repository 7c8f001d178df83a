// SPDX-License-Identifier: MIT
#pragma once

#include "graph/claim_provenance.hpp"

namespace cg::graph {

class Store;

/// Where every canonical entity and every relation comes from (ClaimProvenance), in one
/// sequential scan of the claims, and with `options` the evidence exports show (one more scan
/// of the claims, and of the names, identifiers and properties). Throws StorageError. The
/// result is a plain value, so a second connection can read it while the view is built.
ClaimProvenance readClaimProvenance(const Store& store, const ProvenanceOptions& options = {});

}  // namespace cg::graph
