// SPDX-License-Identifier: MIT
#include "graph/date.hpp"

#include <cstdio>

namespace cg::graph {

namespace {

bool readDigits(std::string_view text, size_t pos, size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// The message is built only when a caller asks for it: parsing is on the ingest's hot path.
std::optional<PartialDate> fail(std::string* error, std::string_view text, const char* before,
                                const char* after) {
    if (error) {
        error->assign(before);
        error->append(" '");
        error->append(text);
        error->append("'");
        error->append(after);
    }
    return std::nullopt;
}

constexpr const char* kNotIso = " is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)";

}  // namespace

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return kDays[month - 1];
}

std::optional<PartialDate> PartialDate::parse(std::string_view text, std::string* error) {
    // A timestamp keeps only its date: registries publish "2019-04-01T00:00:00Z".
    if (auto cut = text.find_first_of("T "); cut != std::string_view::npos && cut >= 10) {
        text = text.substr(0, cut);
    }
    PartialDate d;
    if (!readDigits(text, 0, 4, d.year)) {
        return fail(error, text, "date", kNotIso);
    }
    if (text.size() == 4) return d;
    if (text.size() != 7 && text.size() != 10) {
        return fail(error, text, "date", kNotIso);
    }
    if (text[4] != '-' || !readDigits(text, 5, 2, d.month)) {
        return fail(error, text, "date", kNotIso);
    }
    if (d.month < 1 || d.month > 12) return fail(error, text, "impossible date", ": no such month");
    if (text.size() == 7) return d;
    if (text[7] != '-' || !readDigits(text, 8, 2, d.day)) {
        return fail(error, text, "date", kNotIso);
    }
    if (d.day < 1 || d.day > daysInMonth(d.year, d.month)) {
        return fail(error, text, "impossible date", ": no such day in that month");
    }
    return d;
}

std::string PartialDate::text() const {
    char buf[16];
    if (month == 0) {
        std::snprintf(buf, sizeof buf, "%04d", year);
    } else if (day == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    return buf;
}

int PartialDate::firstDay() const {
    return year * 10000 + (month ? month : 1) * 100 + (day ? day : 1);
}

int PartialDate::lastDay() const {
    int m = month ? month : 12;
    int dd = day ? day : daysInMonth(year, m);
    return year * 10000 + m * 100 + dd;
}

std::string dayKeyText(int dayKey) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dayKey / 10000, (dayKey / 100) % 100,
                  dayKey % 100);
    return buf;
}

}  // namespace cg::graph
