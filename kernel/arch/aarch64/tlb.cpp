// TLB maintenance by ASID, inner shareable (Arm ARM D8.13, C5.5 "TLBI").
#include "arch/tlb.hpp"

#include "arch/barrier.hpp"

namespace rampart::arch {

void tlb_flush_asid(uint64_t asid) {
    dsb_ishst();
    asm volatile("tlbi aside1is, %0\n\tdsb ish\n\tisb" ::"r"(asid << 48) : "memory");
}

void tlb_flush_page(uint64_t asid, uint64_t vaddr) {
    dsb_ishst();
    asm volatile("tlbi vae1is, %0\n\tdsb ish\n\tisb" ::"r"((asid << 48) | (vaddr >> 12))
                 : "memory");
}

} // namespace rampart::arch
