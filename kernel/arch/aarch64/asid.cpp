// The ASID table: which VSpace each ASID names.
#include "arch/asid.hpp"

#include "arch/kernel_window.hpp"
#include "arch/tlb.hpp"

namespace rampart::arch {
namespace {

uint64_t pool_table[asid_pools]; // paddr of each pool, 0 when none

AsidPool* pool_for(uint64_t asid) {
    const uint64_t p = pool_table[(asid >> asid_pool_bits) % asid_pools];
    return p ? kernel::ptr_from_paddr<AsidPool>(p) : nullptr;
}

} // namespace

uint64_t vspace_of_asid(uint64_t asid) {
    const AsidPool* pool = pool_for(asid);
    return pool ? pool->vspace[asid & ((1u << asid_pool_bits) - 1)] : 0;
}

bool asid_pool_slot_free(uint64_t base) {
    return pool_table[(base >> asid_pool_bits) % asid_pools] == 0;
}

void asid_pool_install(uint64_t base, kernel::Paddr pool) {
    pool_table[(base >> asid_pool_bits) % asid_pools] = pool.value;
}

void asid_pool_remove(uint64_t base) {
    AsidPool* pool = pool_for(base);
    if (!pool)
        return;
    for (uint64_t i = 0; i < (1u << asid_pool_bits); ++i)
        if (pool->vspace[i])
            tlb_flush_asid(base + i);
    pool_table[(base >> asid_pool_bits) % asid_pools] = 0;
}

bool asid_pool_installed_at(uint64_t base, kernel::Paddr pool) {
    return pool_table[(base >> asid_pool_bits) % asid_pools] == pool.value;
}

uint64_t asid_pools_installed() {
    uint64_t n = 0;
    for (const uint64_t p : pool_table)
        n += p ? 1 : 0;
    return n;
}

void asid_release(uint64_t asid) {
    if (AsidPool* pool = pool_for(asid)) {
        pool->vspace[asid & ((1u << asid_pool_bits) - 1)] = 0;
        tlb_flush_asid(asid);
    }
}

} // namespace rampart::arch
