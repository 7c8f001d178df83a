// SPDX-License-Identifier: MIT
#include "graph/normalize.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <mutex>

namespace cg::graph {

namespace {

// One ICU transliterator does the whole non-ASCII pipeline: decompose, move any script to
// Latin, decompose, fold case; then combining marks on Latin letters are dropped. Building it is
// slow, so it is built once; ICU transliterators are not thread-safe, hence the mutex.
class Folder {
  public:
    Folder() {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parseError;
        folder_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; NFKD; Any-Lower",
                                                          UTRANS_FORWARD, parseError, status));
        if (U_FAILURE(status)) folder_.reset();
    }

    std::string fold(std::string_view text) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        if (folder_) {
            std::lock_guard<std::mutex> lock(mutex_);
            folder_->transliterate(u);
        } else {
            u.foldCase();
        }
        // Accents go only where they sit on a Latin letter: scripts ICU cannot move to Latin
        // (Khmer, Lao) keep their vowel signs, which tell their words apart.
        icu::UnicodeString kept;
        UChar32 previous = 0;
        for (int32_t i = 0; i < u.length();) {
            UChar32 c = u.char32At(i);
            i += U16_LENGTH(c);
            if (u_charType(c) == U_NON_SPACING_MARK && previous < 0x80) continue;
            kept.append(c);
            previous = c;
        }
        std::string out;
        kept.toUTF8String(out);
        return out;
    }

  private:
    std::unique_ptr<icu::Transliterator> folder_;
    std::mutex mutex_;
};

Folder& folder() {
    static Folder instance;
    return instance;
}

bool isAscii(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80) return false;
    }
    return true;
}

// Keeps letters and digits of the (now mostly ASCII) text, lower-cased; everything else is a
// separator. Non-ASCII bytes that survived transliteration are kept as letters.
std::string collapse(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (unsigned char c : s) {
        bool word =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || (c >= 'A' && c <= 'Z');
        if (!word) {
            // Apostrophes join: "O'Brien" and "OBrien" match.
            if (c == '\'') continue;
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
    }
    return out;
}

}  // namespace

std::string normalizeName(std::string_view name) {
    if (isAscii(name)) return collapse(name);
    // U+2019 and friends are folded to an ASCII apostrophe by Latin-ASCII before collapsing.
    return collapse(folder().fold(name));
}

std::string slugify(std::string_view name) {
    std::string norm = normalizeName(name);
    std::string out;
    out.reserve(norm.size());
    for (unsigned char c : norm) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(static_cast<char>(c));
        } else if (c == ' ' && !out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    if (out.size() > 64) out.resize(64);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace cg::graph
