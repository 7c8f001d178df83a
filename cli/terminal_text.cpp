// SPDX-License-Identifier: MIT
#include "cli/terminal_text.hpp"

#include "graph/utf8.hpp"

namespace cg::cli {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kControlPictures = 0x2400;  // U+2400 + c pictures the C0 control c
constexpr char32_t kDeletePicture = 0x2421;

void appendUtf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// C1 controls start escape sequences on terminals that read them as 8-bit codes (CSI is
// U+009B); the bidi embeddings, overrides and isolates reorder what follows them on screen, so
// a name could show as another (the "Trojan Source" trick).
bool invisibleControl(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

void TerminalTextFilter::add(std::string_view text, std::string& out) {
    out.reserve(out.size() + text.size());
    for (char c : text) addByte(static_cast<unsigned char>(c), out);
}

void TerminalTextFilter::finish(std::string& out) {
    if (need_ > 0) {
        need_ = 0;
        emit(kReplacement, out);
    }
    if (carriageReturn_) {
        carriageReturn_ = false;
        appendUtf8(kControlPictures + '\r', out);
    }
}

void TerminalTextFilter::addByte(unsigned char byte, std::string& out) {
    if (need_ > 0) {
        if (byte >= lower_ && byte <= upper_) {
            codePoint_ = (codePoint_ << 6) | (byte & 0x3F);
            lower_ = 0x80;
            upper_ = 0xBF;
            if (--need_ == 0) emit(codePoint_, out);
            return;
        }
        // The bytes so far are a maximal ill-formed subpart: one U+FFFD for them all, as
        // Unicode recommends, and this byte starts afresh.
        need_ = 0;
        emit(kReplacement, out);
    }
    startSequence(byte, out);
}

void TerminalTextFilter::startSequence(unsigned char byte, std::string& out) {
    // The ranges of Unicode table 3-7, which rule out overlong forms (C0, C1, E0 80..9F,
    // F0 80..8F), surrogates (ED A0..BF) and code points past U+10FFFF (F4 90.., F5..FF).
    graph::Utf8Lead lead = graph::utf8Lead(byte);
    lower_ = lead.low;
    upper_ = lead.high;
    if (lead.length == 1) {
        emit(byte, out);
    } else if (lead.length > 1) {
        need_ = lead.length - 1;
        codePoint_ = lead.bits;
    } else {
        emit(kReplacement, out);
    }
}

void TerminalTextFilter::emit(char32_t c, std::string& out) {
    if (carriageReturn_) {
        carriageReturn_ = false;
        // "\r\n" only ends a line (CSV output uses it); a '\r' alone would let the rest of a
        // line overwrite what came before it.
        if (c == '\n') {
            out += "\r\n";
            return;
        }
        appendUtf8(kControlPictures + '\r', out);
    }
    if (c == '\r') {
        carriageReturn_ = true;
    } else if (c == '\n' || c == '\t') {
        out += static_cast<char>(c);
    } else if (c < 0x20) {
        appendUtf8(kControlPictures + c, out);
    } else if (c == 0x7F) {
        appendUtf8(kDeletePicture, out);
    } else if (invisibleControl(c)) {
        appendUtf8(kReplacement, out);
    } else {
        appendUtf8(c, out);
    }
}

std::string terminalText(std::string_view text) {
    TerminalTextFilter filter;
    std::string out;
    filter.add(text, out);
    filter.finish(out);
    return out;
}

TerminalSafeBuf::~TerminalSafeBuf() {
    try {
        finish();
    } catch (...) {
        // A destructor must not throw; the destination has failed and nothing can be reported.
    }
}

bool TerminalSafeBuf::finish() {
    std::string out;
    filter_.finish(out);
    bool written = write(out);
    return destination_->pubsync() == 0 && written;
}

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    char c = traits_type::to_char_type(ch);
    std::string out;
    filter_.add(std::string_view(&c, 1), out);
    return write(out) ? ch : traits_type::eof();
}

std::streamsize TerminalSafeBuf::xsputn(const char* text, std::streamsize count) {
    std::string out;
    filter_.add(std::string_view(text, static_cast<std::size_t>(count)), out);
    return write(out) ? count : 0;
}

int TerminalSafeBuf::sync() {
    // What is held back stays held: a stream with unitbuf (std::cerr) syncs after every write,
    // and the rest of a split sequence may come with the next one.
    return destination_->pubsync() == 0 ? 0 : -1;
}

bool TerminalSafeBuf::write(const std::string& text) {
    if (text.empty()) return true;
    auto size = static_cast<std::streamsize>(text.size());
    return destination_->sputn(text.data(), size) == size;
}

TerminalSafeStream::TerminalSafeStream(std::ostream& stream)
    : stream_(stream), original_(stream.rdbuf()), filter_(original_) {
    stream_.flush();
    stream_.rdbuf(&filter_);
}

TerminalSafeStream::~TerminalSafeStream() {
    try {
        stream_.flush();
        filter_.finish();
    } catch (...) {
        // The stream may have exceptions enabled; the original buffer is given back regardless.
    }
    stream_.rdbuf(original_);
}

}  // namespace cg::cli
