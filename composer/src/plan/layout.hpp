// The address space of one PD: program pages from its ELF, the IPC buffer,
// the stack with an unmapped guard page below it, and its mapped regions.
#pragma once

#include "elf/elf_file.hpp"
#include "model/system.hpp"
#include "plan/plan.hpp"
#include "validate/validate.hpp"

#include <cstdint>
#include <vector>

namespace rampart::plan {

// One page of the PD's address space. Private pages get a frame of their
// own; region pages use frame `index` of region `region`.
struct Page {
    std::uint64_t vaddr = 0;
    unsigned bits = 12;
    std::uint8_t rights = 0; // RAMPART_SPEC_MAP_*
    std::uint8_t attrs = RAMPART_SPEC_ATTR_CACHED;
    std::uint32_t region = kNone;
    std::uint32_t index = 0;
};

struct Layout {
    std::vector<Page> pages; // sorted by vaddr, no overlaps
    std::vector<Area> areas; // sorted by vaddr, for the report
    std::uint64_t ipc_buffer = 0;
    std::uint64_t entry = 0;
    std::uint64_t stack_top = 0;
};

// The symbol Microkit's libmicrokit reserves for the IPC buffer (one page in .bss).
inline constexpr const char* kIpcBufferSymbol = "__sel4_ipc_buffer_obj";

// Throws PlanError when the IPC buffer cannot be placed.
Layout lay_out(const model::ProtectionDomain& pd, const elf::ElfFile& elf,
               const validate::CheckedSystem& sys,
               const std::vector<std::uint32_t>& region_index_by_map);

} // namespace rampart::plan
