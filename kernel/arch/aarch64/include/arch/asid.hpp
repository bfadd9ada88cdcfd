// ASIDs (16 bits): a kernel table of 128 pool pointers, each pool an object of
// 512 VSpace entries. An ASID names a VSpace to the TLB and to frame caps.
#pragma once

#include <stdint.h>

#include "arch/kernel_window.hpp"
#include "kernel/cap.hpp"

namespace rampart::arch {

inline constexpr unsigned asid_pool_bits = 9; // 512 entries per pool
inline constexpr unsigned asid_pool_count = 1u << (16 - asid_pool_bits);

struct AsidPool {
    uint64_t vspace[1u << asid_pool_bits]; // paddr of the VSpace root table, 0 when free
};
static_assert(sizeof(AsidPool) == 4096);

// The kernel's table of pools: each ASID's pool, or an empty one
// (no_asid_pool) when it has none, so that a lookup never branches.
struct AsidPoolTable {
    AsidPool* pool[asid_pool_count];
};
extern AsidPoolTable asid_pools;
extern AsidPool no_asid_pool;

// The VSpace root assigned to `asid`, or 0. Inline: every switch of
// address space and the fastpath ask it.
inline uint64_t vspace_of_asid(uint64_t asid) {
    return asid_pools.pool[(asid >> asid_pool_bits) % asid_pool_count]
        ->vspace[asid & ((1u << asid_pool_bits) - 1)];
}
// A VSpace cap names a usable address space when it is mapped and its ASID
// still names its table (the ASID's pool may have gone, and the ASID may
// have been given to another VSpace since: seL4's setVMRoot check).
inline bool vspace_usable(const kernel::Cap& vs) {
    return vs.type() == kernel::CapType::VSpace && vs.table_is_mapped() &&
           vspace_of_asid(vs.mapped_word()) == vs.paddr().value;
}

// Pool management (ASIDControl MakePool, ASIDPool Assign, deletion).
[[nodiscard]] bool asid_pool_slot_free(uint64_t base);
void asid_pool_install(uint64_t base, kernel::Paddr pool);
void asid_pool_remove(uint64_t base);
// `vspace` goes: its ASID is free again, if it still names it.
void asid_release(uint64_t asid, kernel::Paddr vspace);
// For the invariant checker: the pool installed for `base` is the one at
// `pool`; how many pools are installed.
[[nodiscard]] bool asid_pool_installed_at(uint64_t base, kernel::Paddr pool);
[[nodiscard]] uint64_t asid_pools_installed();

} // namespace rampart::arch
