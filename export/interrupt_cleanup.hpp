// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cg::exporters {

/// Makes SIGINT (Ctrl-C), SIGTERM and SIGHUP remove the temporary files and directories that
/// are registered with RemovedOnInterrupt at that moment and then end the process with exit
/// code 128 + the signal (130 for Ctrl-C), without running anything else: an interrupted
/// export leaves no temporary behind and the old output as it was, and an interrupted ingest
/// ends like a killed one (its open batch is never committed). Call once, at start-up.
void installInterruptCleanup();

/// A path removed if the process is interrupted while this object lives: unlinked, or, when
/// it is a directory, removed once empty (register a directory before the files inside it, so
/// that the files go first). At most 16 at a time; past that, throws std::length_error.
class RemovedOnInterrupt {
  public:
    explicit RemovedOnInterrupt(const std::string& path);
    ~RemovedOnInterrupt();
    RemovedOnInterrupt(const RemovedOnInterrupt&) = delete;
    RemovedOnInterrupt& operator=(const RemovedOnInterrupt&) = delete;

  private:
    int slot_;
};

/// While it lives, an interrupt waits: a signal that arrives meanwhile is acted on when it
/// ends. Hold one from creating a temporary file until it is registered, so that no interrupt
/// falls between the two.
class InterruptsHeld {
  public:
    InterruptsHeld();
    ~InterruptsHeld();
    InterruptsHeld(const InterruptsHeld&) = delete;
    InterruptsHeld& operator=(const InterruptsHeld&) = delete;
};

/// For tests of interrupts: when the environment variable CLAIMGRAPH_TEST_PAUSE_OUTPUT names
/// a file, creates it and waits there until a signal ends the process; otherwise does nothing.
/// writeOutputFile and writeOutputDirectory call it once a temporary holds some output and
/// before it replaces anything.
void pauseOutputForTests();

}  // namespace cg::exporters
