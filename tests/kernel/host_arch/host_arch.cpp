// Host backend: the fake physical memory and the recording arch hooks.
#include <arch/kernel_window.hpp>
#include <arch/object_hooks.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "host_recorder.hpp"

namespace rampart::kernel {

namespace host {

namespace {

std::vector<HookCall>& calls() {
    static std::vector<HookCall> v;
    return v;
}

} // namespace

unsigned char* memory() {
    static unsigned char* buffer =
        static_cast<unsigned char*>(std::aligned_alloc(uint64_t{2} << 20, phys_size));
    return buffer;
}

void bad_paddr(uint64_t paddr) {
    std::fprintf(stderr, "host kernel window: paddr %#llx outside fake memory\n",
                 static_cast<unsigned long long>(paddr));
    std::abort();
}

const std::vector<HookCall>& hook_calls() {
    return calls();
}

void clear_hook_calls() {
    calls().clear();
}

void reset_memory() {
    std::memset(memory(), 0, phys_size);
    clear_hook_calls();
}

} // namespace host

void arch_init_object(uint64_t type, Paddr base, bool device) {
    host::calls().push_back({host::HookCall::Kind::InitObject, type, base, Cap::null(), device});
}

void arch_finalise_cap(const Cap& cap, bool final) {
    host::calls().push_back({host::HookCall::Kind::FinaliseCap, 0, Paddr{}, cap, final});
}

} // namespace rampart::kernel
