// SPDX-License-Identifier: MIT
#include "export/interrupt_cleanup.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace cg::exporters {

namespace {

// The handler may only make async-signal-safe calls and read memory that is never allocated or
// freed under it: a fixed table of paths, each published by its `used` flag (set after the
// path is written, cleared before the slot is reused). Slots are handed out in order, so the
// handler, going from the last to the first, removes a directory's files before it.
constexpr int kSlots = 16;
struct Slot {
    std::atomic<bool> claimed{false};  // owned by a RemovedOnInterrupt
    std::atomic<bool> used{false};     // its path is complete, for the handler
    char path[PATH_MAX];
};
Slot slots[kSlots];

std::atomic<int> held{0};
std::atomic<int> pending{0};

[[noreturn]] void removeAndExit(int signal) {
    for (int i = kSlots - 1; i >= 0; --i) {
        if (!slots[i].used.load(std::memory_order_acquire)) continue;
        if (::unlink(slots[i].path) != 0) ::rmdir(slots[i].path);
    }
    ::_exit(128 + signal);
}

void onSignal(int signal) {
    // Inside an InterruptsHeld section (on any thread) the signal waits for its end.
    if (held.load(std::memory_order_acquire) > 0) {
        pending.store(signal, std::memory_order_release);
        return;
    }
    removeAndExit(signal);
}

}  // namespace

void installInterruptCleanup() {
    struct sigaction action {};
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
        ::sigaddset(&action.sa_mask, signal);
    }
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal, &action, nullptr);
}

RemovedOnInterrupt::RemovedOnInterrupt(const std::string& path) : slot_(-1) {
    if (path.size() >= PATH_MAX) throw std::length_error(path + ": path too long");
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!slots[i].claimed.compare_exchange_strong(expected, true, std::memory_order_acq_rel))
            continue;
        // The path is written before it is published, so the handler never reads half of it.
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].used.store(true, std::memory_order_release);
        slot_ = i;
        return;
    }
    throw std::length_error("more than 16 temporary outputs at once");
}

RemovedOnInterrupt::~RemovedOnInterrupt() {
    if (slot_ < 0) return;
    slots[slot_].used.store(false, std::memory_order_release);
    slots[slot_].claimed.store(false, std::memory_order_release);
}

InterruptsHeld::InterruptsHeld() { held.fetch_add(1, std::memory_order_acq_rel); }

InterruptsHeld::~InterruptsHeld() {
    if (held.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        if (int signal = pending.exchange(0, std::memory_order_acq_rel)) removeAndExit(signal);
    }
}

void pauseOutputForTests() {
    const char* marker = std::getenv("CLAIMGRAPH_TEST_PAUSE_OUTPUT");
    if (!marker || !*marker) return;
    int fd = ::open(marker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) ::close(fd);
    for (;;) ::pause();
}

}  // namespace cg::exporters
