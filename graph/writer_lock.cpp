// SPDX-License-Identifier: MIT
#include "graph/writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <thread>

#include "graph/error.hpp"

namespace cg::graph {

namespace {

constexpr std::chrono::milliseconds kPoll{50};

std::string seconds(std::chrono::milliseconds wait) {
    std::ostringstream text;
    text << static_cast<double>(wait.count()) / 1000.0 << " s";
    return text.str();
}

}  // namespace

WriterLock::WriterLock(const std::string& path, bool create,
                       std::optional<std::chrono::milliseconds> wait,
                       const std::function<void()>& waiting) {
    int flags = O_RDONLY | O_CLOEXEC | (create ? O_CREAT : 0);
    fd_ = ::open(path.c_str(), flags, 0644);
    if (fd_ < 0) {
        if (errno == ENOENT && !create) return;
        throw StorageError(path + ": cannot open to take the writer lock: " + std::strerror(errno));
    }
    auto deadline = wait ? std::optional(std::chrono::steady_clock::now() + *wait) : std::nullopt;
    bool told = false;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno != EWOULDBLOCK) {
            int error = errno;
            ::close(fd_);
            fd_ = -1;
            throw StorageError(path + ": cannot take the writer lock: " + std::strerror(error));
        }
        if (deadline && std::chrono::steady_clock::now() >= *deadline) {
            ::close(fd_);
            fd_ = -1;
            throw StorageError(path +
                               ": another claimgraph command is writing to it; gave up after " +
                               seconds(*wait) + " (--wait SECONDS; without it, claimgraph waits " +
                               "until the other command ends)");
        }
        if (!told && waiting) waiting();
        told = true;
        std::this_thread::sleep_for(kPoll);
    }
}

WriterLock::~WriterLock() {
    if (fd_ < 0) return;
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

}  // namespace cg::graph
