// Placement new for freestanding builds. A hosted build (the host unit tests)
// takes the one from the C++ library instead, so the two never clash.
#pragma once

#include <stddef.h>

#if __STDC_HOSTED__
#include <new>
#else
[[nodiscard]] inline void* operator new(size_t, void* where) noexcept {
    return where;
}
inline void operator delete(void*, void*) noexcept {}
#endif
