// SPDX-License-Identifier: MIT
// How text from the data enters a report: as escaped text, never as markup or a link that
// runs anything.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cg::exporters {

/// `text` as HTML text or a double- or single-quoted attribute value: & < > " ' as character
/// references, C0 controls other than tab and newline, NUL and invalid UTF-8 as U+FFFD.
std::string htmlText(std::string_view text);

/// `text` as inline Markdown text that renders as itself: line breaks and tabs as spaces,
/// other controls and invalid UTF-8 as U+FFFD, and every character Markdown reads as markup
/// (\ ` * _ [ ] < > | ~ & # !) escaped with a backslash, so that no name becomes a link,
/// an HTML tag, emphasis or a table cell.
std::string markdownText(std::string_view text);

/// `url` when it may become a link: an http or https URL without spaces, quotes, angle
/// brackets or controls; nothing for any other scheme (javascript:, data:, file:) or text.
std::optional<std::string> linkableUrl(std::string_view url);

}  // namespace cg::exporters
