// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace cg::cli {

/// Turns text from the data into text a terminal only displays: valid printable UTF-8 (any
/// script, emoji) stays as it is, as do '\n', '\t' and a '\r' right before '\n'; every other C0
/// control and DEL becomes its control picture (ESC as "␛", U+2400 + byte; DEL as "␡"); C1
/// controls (U+0080 to U+009F), bidi embeddings, overrides and isolates (U+202A to U+202E,
/// U+2066 to U+2069) and each maximal ill-formed UTF-8 subpart (a stray byte, an overlong form,
/// a surrogate, a cut sequence) become U+FFFD. Works in pieces: a sequence may be split
/// between two calls of `add`.
class TerminalTextFilter {
  public:
    /// Appends the safe form of `text` to `out`; an unfinished sequence at its end is held back.
    void add(std::string_view text, std::string& out);
    /// Appends what is held back (a cut sequence as U+FFFD, a lone '\r' as "␍") to `out`.
    void finish(std::string& out);

  private:
    void addByte(unsigned char byte, std::string& out);
    void startSequence(unsigned char byte, std::string& out);
    void emit(char32_t codePoint, std::string& out);

    char32_t codePoint_ = 0;
    int need_ = 0;                // continuation bytes still expected
    unsigned char lower_ = 0x80;  // range of the next continuation byte (Unicode table 3-7)
    unsigned char upper_ = 0xBF;
    bool carriageReturn_ = false;  // a '\r' waiting to see whether '\n' follows
};

/// The safe form of `text` (see TerminalTextFilter), as one piece.
std::string terminalText(std::string_view text);

/// A stream buffer that writes everything through a TerminalTextFilter to another buffer,
/// without buffering of its own (so output keeps its order with C stdio writes). `sync` passes
/// on everything decided and syncs the destination; an unfinished sequence waits for its rest
/// until `finish` or destruction, which write it out as U+FFFD. Never throws from the destructor.
class TerminalSafeBuf : public std::streambuf {
  public:
    explicit TerminalSafeBuf(std::streambuf* destination) : destination_(destination) {}
    ~TerminalSafeBuf() override;
    TerminalSafeBuf(const TerminalSafeBuf&) = delete;
    TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;

    /// Writes out what is held back and syncs the destination; returns false if it failed.
    bool finish();

  protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

  private:
    bool write(const std::string& text);

    std::streambuf* destination_;
    TerminalTextFilter filter_;
};

/// While alive, everything written to `stream` goes through a TerminalSafeBuf; the destructor
/// writes out what is held back and gives the stream its own buffer back.
class TerminalSafeStream {
  public:
    explicit TerminalSafeStream(std::ostream& stream);
    ~TerminalSafeStream();
    TerminalSafeStream(const TerminalSafeStream&) = delete;
    TerminalSafeStream& operator=(const TerminalSafeStream&) = delete;

  private:
    std::ostream& stream_;
    std::streambuf* original_;
    TerminalSafeBuf filter_;
};

}  // namespace cg::cli
