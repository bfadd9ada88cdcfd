// Barriers of the table code: on the host, where nothing walks the tables
// concurrently, compiler barriers (the ordering the code relies on stays visible).
#pragma once

namespace rampart::arch {

inline void isb() {
    asm volatile("" ::: "memory");
}
inline void dsb_ish() {
    asm volatile("" ::: "memory");
}
inline void dsb_ishst() {
    asm volatile("" ::: "memory");
}

} // namespace rampart::arch
