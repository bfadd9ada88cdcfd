// Memory barriers (Arm ARM B2.3.12 "Memory barriers"): what the table and
// TLB code needs to order its writes against the table walker.
#pragma once

namespace rampart::arch {

inline void isb() {
    asm volatile("isb" ::: "memory");
}
inline void dsb_ish() {
    asm volatile("dsb ish" ::: "memory");
}
// Table writes are visible to the walker (before a TLB flush or a return to EL0).
inline void dsb_ishst() {
    asm volatile("dsb ishst" ::: "memory");
}

} // namespace rampart::arch
