// TLB maintenance on the host machine: counted (arch/host_machine.hpp).
#pragma once

#include <stdint.h>

namespace rampart::arch {

void tlb_flush_asid(uint64_t asid);
void tlb_flush_page(uint64_t asid, uint64_t vaddr);

} // namespace rampart::arch
