// Child processes for `rampart run` (see process.hpp).
#include "run/process.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace rampart::run {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t g_forward = 0;

extern "C" void remember_signal(int sig) {
    g_forward = sig;
}

// Installs the forwarding handlers for its lifetime.
class ForwardSignals {
  public:
    ForwardSignals() {
        struct sigaction sa {};
        sa.sa_handler = remember_signal;
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < kSignals.size(); ++i)
            sigaction(kSignals[i], &sa, &old_[i]);
    }
    ~ForwardSignals() {
        for (std::size_t i = 0; i < kSignals.size(); ++i)
            sigaction(kSignals[i], &old_[i], nullptr);
    }
    ForwardSignals(const ForwardSignals&) = delete;
    ForwardSignals& operator=(const ForwardSignals&) = delete;

  private:
    static constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
    std::array<struct sigaction, 3> old_{};
};

bool executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// Polls waitpid; nullopt while the child runs.
std::optional<int> reaped(pid_t pid) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid)
        return status;
    if (r < 0 && errno != EINTR)
        return 0;
    return std::nullopt;
}

ProcessEnd end_of(int status) {
    if (WIFSIGNALED(status))
        return {ProcessEnd::Kind::signalled, WTERMSIG(status), {}};
    return {ProcessEnd::Kind::exited, WEXITSTATUS(status), {}};
}

} // namespace

std::optional<fs::path> find_program(const std::string& name) {
    if (name.empty())
        return std::nullopt;
    if (name.find('/') != std::string::npos)
        return executable(name) ? std::optional<fs::path>(name) : std::nullopt;
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos)
            end = dirs.size();
        const std::string dir = dirs.substr(start, end - start);
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (executable(candidate))
            return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

ProcessEnd run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    ForwardSignals forward;
    g_forward = 0;
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
    if (rc != 0)
        return {ProcessEnd::Kind::not_started, 0, std::strerror(rc)};

    const auto start = Clock::now();
    std::optional<Clock::time_point> killed_at;
    for (;;) {
        if (auto status = reaped(pid))
            return killed_at ? ProcessEnd{ProcessEnd::Kind::timed_out, 0, {}} : end_of(*status);
        if (const int sig = g_forward) {
            g_forward = 0;
            ::kill(pid, sig);
        }
        const auto now = Clock::now();
        if (!killed_at && timeout.count() > 0 && now - start >= timeout) {
            ::kill(pid, SIGTERM);
            killed_at = now;
        } else if (killed_at && now - *killed_at >= std::chrono::seconds(2)) {
            ::kill(pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace rampart::run
