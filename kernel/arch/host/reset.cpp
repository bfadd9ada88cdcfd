// The parts of the host machine that outlive a reset: its physical memory
// (one mapping for the program's life) and the image of the kernel's state
// taken at program start, put back by reset().
#include "arch/host_machine.hpp"
#include "arch/kernel_window.hpp"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>

extern "C" unsigned char __rampart_kernel_state_start[];
extern "C" unsigned char __rampart_kernel_state_end[];

namespace rampart {

namespace kernel::host {

// An anonymous mapping, 2 MiB aligned: pages are zero until first touched,
// and handing them back (reset) makes them zero again.
unsigned char* memory() {
    static unsigned char* buffer = [] {
        constexpr uint64_t align = uint64_t{2} << 20;
        void* p = mmap(nullptr, phys_size + align, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            perror("host machine: mmap");
            abort();
        }
        const uint64_t at = (reinterpret_cast<uint64_t>(p) + align - 1) & ~(align - 1);
        return reinterpret_cast<unsigned char*>(at);
    }();
    return buffer;
}

// Reserved, never accessible: an access is a segmentation fault, which the
// address sanitizer reports with the kernel's stack.
unsigned char* hole() {
    static unsigned char* range = [] {
        void* p =
            mmap(nullptr, hole_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            perror("host machine: mmap");
            abort();
        }
        return static_cast<unsigned char*>(p);
    }();
    return range;
}

} // namespace kernel::host

namespace arch::host {
namespace {

// Copies without the address sanitizer's checks: the state section holds
// the sanitizer's poisoned red zones between the variables (their contents
// are never read, their poisoning stays).
[[gnu::no_sanitize_address]] void copy_bytes(volatile unsigned char* to,
                                             const volatile unsigned char* from, size_t n) {
    for (size_t i = 0; i < n; ++i)
        to[i] = from[i];
}

size_t state_size() {
    return static_cast<size_t>(__rampart_kernel_state_end - __rampart_kernel_state_start);
}

// Taken at the first reset, which comes before any kernel code runs.
unsigned char* state_image() {
    static unsigned char* image = [] {
        auto* p = static_cast<unsigned char*>(malloc(state_size() ? state_size() : 1));
        copy_bytes(p, __rampart_kernel_state_start, state_size());
        return p;
    }();
    return image;
}

} // namespace

void reset() {
    copy_bytes(__rampart_kernel_state_start, state_image(), state_size());
    unsigned char* mem = kernel::host::memory();
    if (madvise(mem, kernel::host::phys_size, MADV_DONTNEED) != 0)
        memset(mem, 0, kernel::host::phys_size);
}

size_t kernel_state_bytes() {
    return state_size();
}

} // namespace arch::host
} // namespace rampart
