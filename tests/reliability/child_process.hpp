// SPDX-License-Identifier: MIT
// Runs the claimgraph binary as a child process that a test can kill, limit or watch.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/graph/temp_dir.hpp"

namespace cg::testing {

/// What a child process may not do.
struct ChildLimits {
    /// RLIMIT_FSIZE in bytes: writes past it fail with EFBIG, as on a full disk.
    std::optional<rlim_t> maxFileSize;
    /// Run as this user and group (the test runs as root, where file modes do not bind).
    std::optional<uid_t> user;
    /// With maxFileSize: SIGXFSZ ignored before the program starts; false leaves it at its
    /// default (the process is killed unless it ignores the signal itself), as `ulimit -f` does.
    bool ignoreFileSizeSignal = true;
};

/// A started child; its output goes to files so that it can never block on a pipe.
struct Child {
    pid_t pid = -1;
    std::string outPath;
    std::string errPath;
};

/// Starts `args` (args[0] is the program) with stdout and stderr written to the given files.
inline Child startChild(const std::vector<std::string>& args, const std::string& outPath,
                        const std::string& errPath, const ChildLimits& limits = {}) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0 || err < 0) ::_exit(126);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (limits.maxFileSize) {
            ::signal(SIGXFSZ, limits.ignoreFileSizeSignal ? SIG_IGN : SIG_DFL);
            struct rlimit r = {*limits.maxFileSize, *limits.maxFileSize};
            if (::setrlimit(RLIMIT_FSIZE, &r) != 0) ::_exit(126);
        }
        if (limits.user) {
            if (::setgid(*limits.user) != 0 || ::setuid(*limits.user) != 0) ::_exit(126);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return Child{pid, outPath, errPath};
}

/// Waits for the child; its exit code, or 128 + the signal that ended it.
inline int waitChild(const Child& child) {
    int status = 0;
    while (::waitpid(child.pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

/// True while the child runs; reaps it and stores its exit code in `code` once it has ended.
inline bool stillRunning(const Child& child, int& code) {
    int status = 0;
    pid_t r = ::waitpid(child.pid, &status, WNOHANG);
    if (r == 0) return true;
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
}

/// A finished run: exit code and output.
struct RunResult {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs `args` to the end in `dir` (for the output files).
inline RunResult runChild(const TempDir& dir, const std::vector<std::string>& args,
                          const ChildLimits& limits = {}) {
    static int counter = 0;
    std::string stem = dir.file("run-" + std::to_string(counter++));
    Child child = startChild(args, stem + ".out", stem + ".err", limits);
    RunResult run;
    run.code = waitChild(child);
    run.out = readFile(child.outPath);
    run.err = readFile(child.errPath);
    return run;
}

/// The value of an integer environment variable, or `fallback` when unset or not a number.
inline long envNumber(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    long n = std::strtol(v, &end, 10);
    return (end && *end == '\0') ? n : fallback;
}

}  // namespace cg::testing
