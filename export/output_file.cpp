// SPDX-License-Identifier: MIT
#include "export/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <streambuf>
#include <system_error>

#include "export/interrupt_cleanup.hpp"
#include "graph/error.hpp"

namespace cg::exporters {

namespace fs = std::filesystem;

namespace {

// strerror's text with a lower-case first letter, as our messages are written.
std::string reasonOf(int error) {
    std::string text = std::strerror(error);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

[[noreturn]] void fail(const fs::path& path, const std::string& what, int error) {
    throw InputError(path.string() + ": " + what + ": " + reasonOf(error));
}

// A stream buffer over a file descriptor that remembers why a write failed. Written by hand
// because std::ofstream cannot open a file created by mkstemp, and says nothing of errno.
class DescriptorBuf : public std::streambuf {
  public:
    explicit DescriptorBuf(int fd) : fd_(fd), data_(new char[kSize]) {
        setp(data_.get(), data_.get() + kSize);
    }
    DescriptorBuf(const DescriptorBuf&) = delete;
    DescriptorBuf& operator=(const DescriptorBuf&) = delete;

    /// The errno of the first failed write, 0 when none failed.
    int error() const { return error_; }

  protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }
    // A block at least as large as the buffer (the exporters hand over a megabyte at a time)
    // goes to the file in one write, without a copy into the buffer first.
    std::streamsize xsputn(const char* text, std::streamsize count) override {
        if (static_cast<std::size_t>(count) < kSize) return std::streambuf::xsputn(text, count);
        if (!drain() || !writeAll(text, static_cast<std::size_t>(count))) return 0;
        return count;
    }

  private:
    static constexpr std::size_t kSize = std::size_t{1} << 16;

    bool writeAll(const char* at, std::size_t count) {
        const char* end = at + count;
        while (at < end) {
            ssize_t n = ::write(fd_, at, static_cast<std::size_t>(end - at));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                if (error_ == 0) error_ = n < 0 ? errno : EIO;
                return false;
            }
            at += n;
        }
        return error_ == 0;
    }

    bool drain() {
        bool written = writeAll(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(data_.get(), data_.get() + kSize);
        return written;
    }

    int fd_;
    std::unique_ptr<char[]> data_;
    int error_ = 0;
};

// Runs `fill` on the open descriptor `fd` and flushes; throws with `path` and the reason when
// a write fails.
void fillDescriptor(int fd, const fs::path& path, const OutputFill& fill) {
    DescriptorBuf buf(fd);
    std::ostream out(&buf);
    try {
        fill(out);
        out.flush();
    } catch (const Error&) {
        // A writer's own "cannot write the output" names neither the file nor the reason.
        if (buf.error() != 0) fail(path, "cannot write", buf.error());
        throw;
    }
    if (buf.error() != 0) fail(path, "cannot write", buf.error());
    if (!out) throw InputError(path.string() + ": cannot write the file");
}

// A descriptor closed on every path; close() reports a failure (NFS reports errors there).
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }
    int close() {
        int r = ::close(fd_);
        fd_ = -1;
        return r;
    }

  private:
    int fd_;
};

// A temporary file or directory removed unless kept, and by the interrupt handler if the
// process is interrupted meanwhile (create it inside InterruptsHeld, right after the file).
class Temporary {
  public:
    explicit Temporary(fs::path path) : path_(std::move(path)), onInterrupt_(path_.string()) {}
    ~Temporary() {
        if (path_.empty()) return;
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;
    const fs::path& path() const { return path_; }
    void keep() { path_.clear(); }

  private:
    fs::path path_;
    RemovedOnInterrupt onInterrupt_;
};

// The file a link at `path` points to (a link is kept, and what it points to replaced, as a
// shell's `>` would), or `path` itself.
fs::path resolved(const fs::path& path) {
    std::error_code ec;
    if (fs::is_symlink(path, ec) && fs::exists(path, ec)) {
        fs::path target = fs::canonical(path, ec);
        if (!ec) return target;
    }
    return path;
}

// "DIR/.NAME.XXXXXX" beside `path`, for mkstemp and mkdtemp: hidden, and unpredictable once
// the X's are replaced.
std::string temporaryTemplate(const fs::path& path) {
    fs::path parent = path.parent_path();
    if (parent.empty()) parent = ".";
    return (parent / ("." + path.filename().string() + ".XXXXXX")).string();
}

mode_t defaultMode(mode_t full) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return full & ~mask;
}

}  // namespace

void writeOutputFile(const fs::path& path, const OutputFill& fill) {
    struct stat old {};
    bool exists = ::stat(path.c_str(), &old) == 0;
    if (exists && S_ISDIR(old.st_mode)) throw InputError(path.string() + ": is a directory");
    if (exists && !S_ISREG(old.st_mode)) {
        // A device, FIFO or socket cannot be replaced by a file: the bytes go into it.
        Descriptor fd(::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC));
        if (fd.get() < 0) fail(path, "cannot open", errno);
        fillDescriptor(fd.get(), path, fill);
        if (fd.close() != 0) fail(path, "cannot write", errno);
        return;
    }
    fs::path target = resolved(path);
    // O_EXCL under the hood: never follows a link planted at the name, never reuses a file.
    std::string name = temporaryTemplate(target);
    auto held = std::make_optional<InterruptsHeld>();
    Descriptor fd(::mkostemp(name.data(), O_CLOEXEC));
    if (fd.get() < 0) fail(path, "cannot create the file", errno);
    Temporary temporary(name);
    held.reset();
    if (exists) {
        // The replacement keeps what the user gave the old file; an owner we may not give
        // (not root) stays ours.
        [[maybe_unused]] int owned = ::fchown(fd.get(), old.st_uid, old.st_gid);
        if (::fchmod(fd.get(), old.st_mode & 07777) != 0) fail(path, "cannot set the mode", errno);
    } else if (::fchmod(fd.get(), defaultMode(0666)) != 0) {
        fail(path, "cannot set the mode", errno);
    }
    fillDescriptor(fd.get(), path, fill);
    pauseOutputForTests();
    // On disk before the rename, so that a crash leaves the old file or the new one whole.
    if (::fsync(fd.get()) != 0) fail(path, "cannot write", errno);
    if (fd.close() != 0) fail(path, "cannot write", errno);
    if (::rename(name.c_str(), target.c_str()) != 0) fail(path, "cannot replace the file", errno);
    temporary.keep();
}

std::vector<fs::path> writeOutputDirectory(
    const fs::path& path, const std::vector<std::pair<std::string, OutputFill>>& files) {
    fs::path target = resolved(path);
    struct stat old {};
    bool exists = ::stat(target.c_str(), &old) == 0;
    if (exists && !S_ISDIR(old.st_mode)) {
        throw InputError(path.string() + ": cannot write the directory: a file is in the way");
    }
    std::set<std::string> names;
    for (const auto& f : files) names.insert(f.first);
    if (exists) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(target, ec)) {
            std::string name = entry.path().filename().string();
            if (!names.count(name) || !entry.is_regular_file()) {
                throw InputError(path.string() + ": holds '" + name +
                                 "', which this export does not write; give a new directory, "
                                 "or one holding only the export's own files");
            }
        }
        if (ec) fail(path, "cannot read the directory", ec.value());
    } else {
        std::error_code ec;
        fs::path parent = target.parent_path();
        if (!parent.empty()) fs::create_directories(parent, ec);
        if (ec) fail(path, "cannot create the directory", ec.value());
    }
    std::string name = temporaryTemplate(target);
    auto held = std::make_optional<InterruptsHeld>();
    if (!::mkdtemp(name.data())) fail(path, "cannot create a temporary directory beside it", errno);
    Temporary temporary(name);
    held.reset();
    if (::chmod(name.c_str(), exists ? (old.st_mode & 07777) : defaultMode(0777)) != 0) {
        fail(path, "cannot set the mode", errno);
    }
    std::vector<fs::path> written;
    // The files inside it, removed before it if the process is interrupted.
    std::vector<std::unique_ptr<RemovedOnInterrupt>> inside;
    for (const auto& [file, fill] : files) {
        fs::path at = fs::path(name) / file;
        held.emplace();
        Descriptor fd(
            ::open(at.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
        if (fd.get() < 0) fail(target / file, "cannot create the file", errno);
        inside.push_back(std::make_unique<RemovedOnInterrupt>(at.string()));
        held.reset();
        fillDescriptor(fd.get(), target / file, fill);
        pauseOutputForTests();
        if (::fsync(fd.get()) != 0) fail(target / file, "cannot write", errno);
        if (fd.close() != 0) fail(target / file, "cannot write", errno);
        written.push_back(target / file);
    }
    {
        Descriptor dir(::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dir.get() >= 0) ::fsync(dir.get());
    }
    if (!exists) {
        if (::rename(name.c_str(), target.c_str()) != 0)
            fail(path, "cannot create the directory", errno);
        temporary.keep();
        return written;
    }
    // One step: the old directory and the new one change places; the old one, now at the
    // temporary name, is removed by `temporary`.
    if (::renameat2(AT_FDCWD, name.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS) fail(path, "cannot replace the directory", errno);
        // A file system without the exchange: the old directory is moved aside first, so a
        // kill between the two renames leaves it whole under its hidden name.
        std::string aside = temporaryTemplate(target);
        held.emplace();
        if (!::mkdtemp(aside.data())) fail(path, "cannot replace the directory", errno);
        Temporary oldOne(aside);
        held.reset();
        if (::rename(target.c_str(), aside.c_str()) != 0)
            fail(path, "cannot replace the directory", errno);
        if (::rename(name.c_str(), target.c_str()) != 0) {
            int error = errno;
            ::rename(aside.c_str(), target.c_str());
            fail(path, "cannot replace the directory", error);
        }
        temporary.keep();
    }
    return written;
}

}  // namespace cg::exporters
