// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>

#include "export/report_document.hpp"

namespace cg::exporters {

/// Writes `doc` as Markdown that pastes into an editor: statements cite their sources as
/// footnotes ([^1]) defined at the end, every text from the data escaped (markdownText),
/// only http and https URLs linked; the same document gives the same bytes.
void writeReportMarkdown(const ReportDocument& doc, std::ostream& out);

}  // namespace cg::exporters
