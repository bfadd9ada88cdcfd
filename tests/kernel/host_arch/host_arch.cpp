// Host backend: the fake physical memory and the recording arch hooks.
#include <arch/kernel_window.hpp>
#include <arch/object_hooks.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <sys/mman.h>

#include "host_recorder.hpp"
#include "kernel/phys.hpp"

namespace rampart::kernel {

namespace host {

namespace {

std::vector<HookCall>& calls() {
    static std::vector<HookCall> v;
    return v;
}

uint64_t cleared = 0;

} // namespace

// An anonymous mapping, 2 MiB aligned: pages are zero until first touched,
// and handing them back (reset_memory) makes them zero again.
unsigned char* memory() {
    static unsigned char* buffer = [] {
        constexpr uint64_t align = uint64_t{2} << 20;
        void* p = mmap(nullptr, phys_size + align, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            std::perror("host kernel window: mmap");
            std::abort();
        }
        const uint64_t at = (reinterpret_cast<uint64_t>(p) + align - 1) & ~(align - 1);
        return reinterpret_cast<unsigned char*>(at);
    }();
    return buffer;
}

void bad_paddr(uint64_t paddr) {
    std::fprintf(stderr, "host kernel window: paddr %#llx outside fake memory\n",
                 static_cast<unsigned long long>(paddr));
    std::abort();
}

void note_cleared(uint64_t bytes) {
    cleared += bytes;
}

uint64_t cleared_bytes() {
    return cleared;
}

void reset_cleared_bytes() {
    cleared = 0;
}

const std::vector<HookCall>& hook_calls() {
    return calls();
}

void clear_hook_calls() {
    calls().clear();
}

void reset_memory() {
    if (madvise(memory(), phys_size, MADV_DONTNEED) != 0) {
        std::memset(memory(), 0, phys_size);
    }
    clear_hook_calls();
    cleared = 0;
}

} // namespace host

void arch_init_object(uint64_t type, Paddr base, bool device) {
    host::calls().push_back({host::HookCall::Kind::InitObject, type, base, Cap::null(), device});
}

void arch_finalise_cap(const Cap& cap, bool final) {
    host::calls().push_back({host::HookCall::Kind::FinaliseCap, 0, Paddr{}, cap, final});
}

void arch_clear_memory(Paddr base, uint64_t bytes) {
    host::note_cleared(bytes);
    std::memset(phys_ptr<void>(base), 0, bytes);
}

} // namespace rampart::kernel
