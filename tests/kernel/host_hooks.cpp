// The host machine's hooks for the unit tests: nothing here halts the
// machine or lets it idle, so either is a failure.
#include <arch/host_machine.hpp>

#include <cstdio>
#include <cstdlib>

namespace rampart::arch::host {

void on_halt(uint32_t status) {
    std::fprintf(stderr, "unit test: the kernel halted the machine (status %u)\n", status);
    std::abort();
}

void on_machine_fault(const char* what) {
    std::fprintf(stderr, "unit test: host machine: %s\n", what);
    std::abort();
}

bool on_idle_forever() {
    std::fprintf(stderr, "unit test: the kernel idles with nothing to wait for\n");
    return false;
}

} // namespace rampart::arch::host
