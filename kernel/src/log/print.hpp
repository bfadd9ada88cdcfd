// Kernel console output: type-safe, no format strings — print("x = ", Hex{v}, "\n").
#pragma once

#include <stdint.h>

namespace rampart::log {

struct Hex {
    uint64_t value;
};

// Table columns, as printf's "%-Ns", "%Nlu" and "%-Np" pad them: the value,
// then (Left, LeftHex) or first (Right) spaces up to `width` characters.
struct Left {
    const char* text;
    unsigned width;
};
struct Right {
    uint64_t value;
    unsigned width;
};
struct LeftHex {
    uint64_t value;
    unsigned width;
};

void put(char c);
void put(const char* s);
void put(Hex h);
void put(Left l);
void put(Right r);
void put(LeftHex h);
void put_unsigned(uint64_t v);
void put_signed(int64_t v);

inline void put(unsigned v) {
    put_unsigned(v);
}
inline void put(unsigned long v) {
    put_unsigned(v);
}
inline void put(unsigned long long v) {
    put_unsigned(v);
}
inline void put(int v) {
    put_signed(v);
}
inline void put(long v) {
    put_signed(v);
}
inline void put(long long v) {
    put_signed(v);
}

template <typename... Args>
void print(const Args&... args) {
    (put(args), ...);
}

} // namespace rampart::log
