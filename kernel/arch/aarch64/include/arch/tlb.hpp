// TLB maintenance by ASID (Arm ARM D8.13 "TLB maintenance").
#pragma once

#include <stdint.h>

namespace rampart::arch {

// Removes all TLB entries tagged with `asid`.
void tlb_flush_asid(uint64_t asid);
// Removes the entry for one page of `asid`.
void tlb_flush_page(uint64_t asid, uint64_t vaddr);

} // namespace rampart::arch
