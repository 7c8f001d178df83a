// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "export/output_buffer.hpp"

namespace cg::exporters {

/// Where XML text goes: element content or a double-quoted attribute value.
enum class XmlContext { Text, Attribute };

/// Appends `text` escaped for XML 1.0: markup characters as entities, tab, newline and
/// carriage return as character references where a parser would otherwise normalise them,
/// and every character XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) and every byte
/// of invalid UTF-8 as U+FFFD.
void putXml(OutputBuffer& out, std::string_view text, XmlContext context);

/// Appends `text` as a JSON string with its quotes: quote, backslash and control characters
/// escaped, U+2028 and U+2029 escaped for JavaScript, invalid UTF-8 as U+FFFD.
void putJsonString(OutputBuffer& out, std::string_view text);

/// The same appended to a std::string, for JSON text that is escaped again for XML or CSV.
void appendJsonString(std::string& out, std::string_view text);

/// Appends `text` as one quoted CSV field: quotes doubled, NUL and invalid UTF-8 as U+FFFD,
/// and a leading = + - @ tab or carriage return neutralised with an apostrophe so that a
/// spreadsheet opening the file never runs it as a formula.
void putCsvField(OutputBuffer& out, std::string_view text);

/// Opens a quoted CSV field that later parts continue with putCsvText() and close with
/// closeCsvField(); `first` is the text the field starts with, checked for formulas.
void openCsvField(OutputBuffer& out, std::string_view first);
/// Appends more of an open CSV field.
void putCsvText(OutputBuffer& out, std::string_view text);
/// Closes a CSV field opened by openCsvField().
void closeCsvField(OutputBuffer& out);

/// `text` with NUL and every byte of invalid UTF-8 (lone surrogates, overlong forms, Latin-1)
/// replaced by U+FFFD, for text written outside the exporters (the CLI's tables and CSV).
std::string withValidUtf8(std::string_view text);

}  // namespace cg::exporters
