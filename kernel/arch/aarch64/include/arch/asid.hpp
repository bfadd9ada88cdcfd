// ASIDs (16 bits): a kernel table of 128 pool pointers, each pool an object of
// 512 VSpace entries. An ASID names a VSpace to the TLB and to frame caps.
#pragma once

#include <stdint.h>

#include "kernel/types.hpp"

namespace rampart::arch {

inline constexpr unsigned asid_pool_bits = 9; // 512 entries per pool
inline constexpr unsigned asid_pools = 1u << (16 - asid_pool_bits);

struct AsidPool {
    uint64_t vspace[1u << asid_pool_bits]; // paddr of the VSpace root table, 0 when free
};
static_assert(sizeof(AsidPool) == 4096);

// The VSpace root assigned to `asid`, or 0.
uint64_t vspace_of_asid(uint64_t asid);
// Pool management (ASIDControl MakePool, ASIDPool Assign, deletion).
[[nodiscard]] bool asid_pool_slot_free(uint64_t base);
void asid_pool_install(uint64_t base, kernel::Paddr pool);
void asid_pool_remove(uint64_t base);
void asid_release(uint64_t asid);
// For the invariant checker: the pool installed for `base` is the one at
// `pool`; how many pools are installed.
[[nodiscard]] bool asid_pool_installed_at(uint64_t base, kernel::Paddr pool);
[[nodiscard]] uint64_t asid_pools_installed();

} // namespace rampart::arch
