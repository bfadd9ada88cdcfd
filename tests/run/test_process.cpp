// The child process of `rampart run`: exit status, signals, timeout, missing programs.
#include "run/process.hpp"

#include <catch2/catch.hpp>

using namespace rampart::run;
using namespace std::chrono_literals;

TEST_CASE("process: the exit status is passed on") {
    const ProcessEnd end = run_process({"sh", "-c", "exit 42"}, 0ms);
    CHECK(end.kind == ProcessEnd::Kind::exited);
    CHECK(end.code == 42);
}

TEST_CASE("process: a signal is reported") {
    const ProcessEnd end = run_process({"sh", "-c", "kill -9 $$"}, 0ms);
    CHECK(end.kind == ProcessEnd::Kind::signalled);
    CHECK(end.code == 9);
}

TEST_CASE("process: the timeout stops the child") {
    const auto start = std::chrono::steady_clock::now();
    const ProcessEnd end = run_process({"sleep", "30"}, 200ms);
    CHECK(end.kind == ProcessEnd::Kind::timed_out);
    CHECK(std::chrono::steady_clock::now() - start < 5s);
}

TEST_CASE("process: a child ignoring SIGTERM is killed") {
    const auto start = std::chrono::steady_clock::now();
    const ProcessEnd end = run_process({"sh", "-c", "trap '' TERM; while :; do :; done"}, 100ms);
    CHECK(end.kind == ProcessEnd::Kind::timed_out);
    CHECK(std::chrono::steady_clock::now() - start < 10s);
}

TEST_CASE("process: a missing program is not started") {
    const ProcessEnd end = run_process({"/nonexistent/qemu-system-none"}, 0ms);
    CHECK(end.kind == ProcessEnd::Kind::not_started);
    CHECK_FALSE(end.error.empty());
}

TEST_CASE("process: programs are found in PATH") {
    CHECK(find_program("sh"));
    CHECK_FALSE(find_program("rampart-no-such-program"));
    CHECK_FALSE(find_program("/nonexistent/sh"));
    CHECK_FALSE(find_program(""));
}
