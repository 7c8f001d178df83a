// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>

#include "export/report_document.hpp"

namespace cg::exporters {

/// Writes `doc` as one self-contained HTML page: no script, nothing fetched (a
/// Content-Security-Policy forbids the network), every text from the data escaped, only
/// http and https URLs linked, print styles for A4; the same document gives the same bytes.
void writeReportHtml(const ReportDocument& doc, std::ostream& out);

}  // namespace cg::exporters
