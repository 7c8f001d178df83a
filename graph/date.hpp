// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cg::graph {

/// An ISO 8601 date of year, year-month or day precision ("2022", "2022-08", "2022-08-30").
struct PartialDate {
    int year = 0;
    int month = 0;  ///< 0 when only the year is known
    int day = 0;    ///< 0 when the day is not known

    /// Parses a date; a time part after 'T' or ' ' is ignored. Returns nothing and sets
    /// `error` when the text is not a date or names an impossible one (2022-02-30).
    static std::optional<PartialDate> parse(std::string_view text, std::string* error = nullptr);

    /// The canonical text at the date's own precision.
    std::string text() const;
    /// The first day the date can mean, as yyyymmdd (2022-08 gives 20220801).
    int firstDay() const;
    /// The last day the date can mean, as yyyymmdd (2022-08 gives 20220831).
    int lastDay() const;

    friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// Days in a month of a year, taking leap years into account.
int daysInMonth(int year, int month);

/// Parses a day key (yyyymmdd) into canonical text ("2022-08-30").
std::string dayKeyText(int dayKey);

}  // namespace cg::graph
