// The ASID table: which VSpace each ASID names.
#include "arch/asid.hpp"

#include "arch/kernel_window.hpp"
#include "arch/tlb.hpp"

namespace rampart::arch {

AsidPool no_asid_pool; // never written: the pool of every ASID without one

namespace {

constexpr AsidPoolTable no_pools() {
    AsidPoolTable t{};
    for (AsidPool*& p : t.pool)
        p = &no_asid_pool;
    return t;
}

AsidPool*& slot_of(uint64_t asid) {
    return asid_pools.pool[(asid >> asid_pool_bits) % asid_pool_count];
}

AsidPool* pool_for(uint64_t asid) {
    AsidPool* p = slot_of(asid);
    return p != &no_asid_pool ? p : nullptr;
}

} // namespace

constinit AsidPoolTable asid_pools = no_pools();

bool asid_pool_slot_free(uint64_t base) {
    return pool_for(base) == nullptr;
}

void asid_pool_install(uint64_t base, kernel::Paddr pool) {
    slot_of(base) = kernel::ptr_from_paddr<AsidPool>(pool.value);
}

void asid_pool_remove(uint64_t base) {
    AsidPool* pool = pool_for(base);
    if (!pool)
        return;
    for (uint64_t i = 0; i < (1u << asid_pool_bits); ++i)
        if (pool->vspace[i])
            tlb_flush_asid(base + i);
    slot_of(base) = &no_asid_pool;
}

bool asid_pool_installed_at(uint64_t base, kernel::Paddr pool) {
    return pool_for(base) == kernel::ptr_from_paddr<AsidPool>(pool.value);
}

uint64_t asid_pools_installed() {
    uint64_t n = 0;
    for (const AsidPool* p : asid_pools.pool)
        n += p != &no_asid_pool ? 1 : 0;
    return n;
}

void asid_release(uint64_t asid, kernel::Paddr vspace) {
    AsidPool* pool = pool_for(asid);
    uint64_t* entry = pool ? &pool->vspace[asid & ((1u << asid_pool_bits) - 1)] : nullptr;
    if (entry && *entry == vspace.value) { // not when the ASID went to another VSpace since
        *entry = 0;
        tlb_flush_asid(asid);
    }
}

} // namespace rampart::arch
