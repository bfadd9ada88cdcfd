// Runs a child program on the caller's terminal (stdin, stdout and stderr
// inherited, so its output streams as it comes) with an optional timeout.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rampart::run {

struct ProcessEnd {
    enum class Kind { exited, signalled, timed_out, not_started };
    Kind kind = Kind::not_started;
    int code = 0;      // exit status, or the signal number
    std::string error; // not_started: why
};

// A program name as execvp would find it: a name with '/' as it is, else the
// first executable PATH entry.
std::optional<std::filesystem::path> find_program(const std::string& name);

// Waits for argv[0] to end. After `timeout` (zero: none) it is sent SIGTERM,
// and SIGKILL if it is still there two seconds later. SIGINT, SIGTERM and
// SIGHUP received meanwhile are passed on to the child.
ProcessEnd run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

} // namespace rampart::run
