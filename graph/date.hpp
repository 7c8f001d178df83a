// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cg::graph {

/// The days a date means, as yyyymmdd, both ends included: one day, or a whole month or year.
struct DayPeriod {
    int first = 0;
    int last = 0;

    DayPeriod() = default;
    DayPeriod(int firstDay, int lastDay) : first(firstDay), last(lastDay) {}
    /// The period of one day. Implicit, so that a filter can still be given a single day.
    DayPeriod(int day) : first(day), last(day) {}  // NOLINT(google-explicit-constructor)

    /// True when [from, to] shares a day with the period; 0 leaves that end open.
    bool overlaps(int from, int to) const {
        return (from == 0 || from <= last) && (to == 0 || to >= first);
    }

    friend bool operator==(const DayPeriod&, const DayPeriod&) = default;
};

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
    /// Every day the date can mean: 2022-08 is the period 20220801 to 20220831.
    DayPeriod period() const { return {firstDay(), lastDay()}; }

    friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// Days in a month of a year, taking leap years into account.
int daysInMonth(int year, int month);

/// Parses a day key (yyyymmdd) into canonical text ("2022-08-30").
std::string dayKeyText(int dayKey);

}  // namespace cg::graph
