// Word-wise memory clearing used for kernel objects (no libc in the kernel).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace rampart::lib {

// Clears bytes at p; both must be multiples of 8 (kernel objects always are).
inline void zero_words(void* p, size_t bytes) {
    auto* w = static_cast<volatile uint64_t*>(p);
    for (size_t i = 0; i < bytes / sizeof(uint64_t); ++i) {
        w[i] = 0;
    }
}

} // namespace rampart::lib
