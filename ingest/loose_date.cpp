// SPDX-License-Identifier: MIT
#include "ingest/loose_date.hpp"

#include <cstdio>
#include <regex>
#include <string>

#include "graph/error.hpp"
#include "ingest/trimmed.hpp"

namespace cg::ingest {

using graph::PartialDate;

namespace {

int monthNumber(std::string name) {
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!name.empty() && name.back() == '.') name.pop_back();
    static const char* const kMonths[] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};
    if (name.size() < 3) return 0;
    for (int i = 0; i < 12; ++i) {
        std::string_view full(kMonths[i]);
        if (name == full ||
            (name.size() <= full.size() && full.compare(0, name.size(), name) == 0 &&
             (name.size() == 3 || name == "sept"))) {
            return i + 1;
        }
    }
    return 0;
}

std::optional<PartialDate> make(int year, int month, int day, std::string* error,
                                const std::string& text) {
    char buf[16];
    if (day)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    else if (month)
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else
        std::snprintf(buf, sizeof buf, "%04d", year);
    std::string why;
    auto d = PartialDate::parse(buf, &why);
    if (!d && error) *error = "'" + text + "' is not a date (" + why + ")";
    return d;
}

}  // namespace

std::optional<PartialDate> parseLooseDate(std::string_view input, std::string* error) {
    std::string text(trimmed(input));
    if (text.empty()) return std::nullopt;
    // No date is longer; and std::regex matches recursively, so that a field of a few hundred
    // kilobytes would exhaust the stack (docs/reliability.md, findings).
    constexpr std::size_t kMaxDateText = 64;
    if (text.size() > kMaxDateText) {
        if (error) {
            *error = cat("'", text.substr(0, 40), "...' is not a date (", text.size(),
                         " bytes, longer than any date)");
        }
        return std::nullopt;
    }
    std::string isoError;
    if (auto d = PartialDate::parse(text, &isoError)) return d;
    static const std::regex dayMonthName(
        R"(^(\d{1,2})[-\s/.]+([A-Za-z]{3,9}\.?)[-\s/.,]+(\d{4})$)");
    static const std::regex monthNameDay(
        R"(^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$)");
    static const std::regex monthNameYear(R"(^([A-Za-z]{3,9}\.?)[-\s,]+(\d{4})$)");
    static const std::regex digits(R"(^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$)");
    static const std::regex yearFirst(R"(^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$)");
    static const std::regex compact(R"(^(\d{4})(\d{2})(\d{2})$)");
    std::smatch m;
    auto number = [&](int i) { return std::stoi(m[i].str()); };
    if (std::regex_match(text, m, dayMonthName)) {
        if (int month = monthNumber(m[2].str()))
            return make(number(3), month, number(1), error, text);
    } else if (std::regex_match(text, m, monthNameDay)) {
        if (int month = monthNumber(m[1].str()))
            return make(number(3), month, number(2), error, text);
    } else if (std::regex_match(text, m, monthNameYear)) {
        if (int month = monthNumber(m[1].str())) return make(number(2), month, 0, error, text);
    } else if (std::regex_match(text, m, digits)) {
        int a = number(1), b = number(2), year = number(3);
        if (a > 12 && b <= 12) return make(year, b, a, error, text);
        if (b > 12 && a <= 12) return make(year, a, b, error, text);
        if (a == b) return make(year, a, a, error, text);
        if (a <= 12 && b <= 12) return make(year, 0, 0, error, text);
    } else if (std::regex_match(text, m, yearFirst) || std::regex_match(text, m, compact)) {
        return make(number(1), number(2), number(3), error, text);
    }
    if (error) {
        static const std::regex isoLike(R"(^\d{4}-\d)");
        *error = std::regex_search(text, isoLike) ? isoError
                                                  : "'" + text + "' is not a date in a known form";
    }
    return std::nullopt;
}

}  // namespace cg::ingest
