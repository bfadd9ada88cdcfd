// AArch64 virtual-memory invocations: page tables, frames, VSpaces, ASIDs
// (labels and arguments in kernel/include/rampart/invocations.h).
#include "api/invocation.hpp"
#include "arch/asid.hpp"
#include "arch/barrier.hpp"
#include "arch/cache.hpp"
#include "arch/kernel_window.hpp"
#include "arch/tlb.hpp"
#include "arch/vspace_digest.hpp"
#include "arch/vspace_ops.hpp"
#include "kernel/cspace.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "lib/memory.hpp"

#include <rampart/aarch64/kernel_layout.h>
#include <rampart/invocations.h>

namespace rampart::arch {

using api::Invocation;
using api::Results;
using kernel::Cap;
using kernel::CapType;
using kernel::Paddr;
using kernel::Status;

namespace {

constexpr uint64_t attr_cacheable = RAMPART_ATTR_CACHEABLE;
constexpr uint64_t attr_execute_never = RAMPART_ATTR_EXECUTE_NEVER;

uint64_t mapped_word(uint64_t asid, uint64_t vaddr) {
    return (asid << 48) | vaddr;
}

// The VSpace root a VSpace cap names, with its ASID; false unless it has one.
bool vspace_root(const Cap& c, uint64_t& root, uint64_t& asid) {
    if (c.type() != CapType::VSpace || !c.table_is_mapped())
        return false;
    asid = c.mapped_word();
    root = vspace_of_asid(asid);
    return root == c.paddr().value;
}

Status page_table_map(const Invocation& inv) {
    if (!inv.has(2, 1))
        return Status::truncated_message();
    if (inv.cap.table_is_mapped())
        return Status::invalid_capability(0);
    uint64_t root, asid;
    if (!vspace_root(inv.extra[0]->cap, root, asid))
        return Status::invalid_capability(1);
    const uint64_t vaddr = inv.arg(0);
    if (vaddr >= RAMPART_USER_TOP)
        return Status::invalid_argument(0);
    // The table goes in the first level whose entry for vaddr is empty.
    const Walk w = walk_to_leaf(root, vaddr);
    if (w.level == last_level || w.entry->valid())
        return Status::delete_first(); // every level has its table, or a block is in the way
    *w.entry = Pte::table(inv.cap.paddr().value);
    dsb_ishst();
    const uint64_t base = vaddr & ~lib::mask(level_shift(w.level));
    inv.slot.cap = Cap::page_table(inv.cap.paddr(), mapped_word(asid, base), true);
    return Status::ok();
}

Status page_table_unmap(const Invocation& inv) {
    if (!kernel::is_final(inv.slot))
        return Status::revoke_first();
    if (inv.cap.table_is_mapped()) {
        unmap_table(inv.cap.mapped_word() >> 48, inv.cap.mapped_word() & lib::mask(48),
                    inv.cap.paddr().value);
        lib::zero_words(kernel::phys_ptr<void>(inv.cap.paddr()), 1u << RAMPART_PAGE_TABLE_BITS);
        dsb_ishst();
        inv.slot.cap = Cap::page_table(inv.cap.paddr());
    }
    return Status::ok();
}

Status page_map(const Invocation& inv) {
    if (!inv.has(3, 1))
        return Status::truncated_message();
    const Cap& frame = inv.cap;
    uint64_t root, asid;
    if (!vspace_root(inv.extra[0]->cap, root, asid))
        return Status::invalid_capability(1);
    const uint64_t vaddr = inv.arg(0);
    const unsigned bits = kernel::frame_size_bits(frame.frame_size());
    if (vaddr & lib::mask(bits))
        return Status::alignment_error();
    if (vaddr >= RAMPART_USER_TOP || RAMPART_USER_TOP - vaddr < lib::bit(bits))
        return Status::invalid_argument(0);
    // Mapped already: only where it is (a remap, for new rights), as seL4
    // words it: another VSpace is the wrong cap 1, another address argument 0.
    const bool remap = frame.frame_is_mapped();
    if (remap && frame.mapped_word() >> 48 != asid)
        return Status::invalid_capability(1);
    if (remap && frame.mapped_word() != mapped_word(asid, vaddr))
        return Status::invalid_argument(0);
    const kernel::Rights rights = frame.rights() & kernel::Rights{inv.arg(1)};
    if (!rights.read())
        return Status::invalid_argument(1);
    // As seL4: unless the walk ends at the page's level (a table missing on
    // the way, or one where the page would go), the failure's bits left are
    // those of the entry it ended at (libsel4's seL4_MappingFailedLookupLevel).
    const unsigned level = level_of_page(bits);
    const Walk w = walk_to_leaf(root, vaddr);
    if (w.level != level)
        return Status::failed_lookup(false,
                                     kernel::LookupFault::missing_capability(level_shift(w.level)));
    Pte* const e = w.entry;
    if (e->valid() && !(remap && e->paddr() == frame.paddr().value))
        return Status::delete_first();
    const uint64_t attrs = inv.arg(2);
    const MemType type = frame.frame_is_device()    ? MemType::device_nGnRnE
                         : (attrs & attr_cacheable) ? MemType::normal
                                                    : MemType::normal_nc;
    *e = Pte::leaf(frame.paddr().value, level, type,
                   Access{true, rights.write(), !(attrs & attr_execute_never)});
    if (remap)
        tlb_flush_page(asid, vaddr);
    else
        dsb_ishst();
    inv.slot.cap = Cap::frame(frame.paddr(), frame.frame_size(), frame.rights(),
                              frame.frame_is_device(), mapped_word(asid, vaddr));
    return Status::ok();
}

Status page_unmap(const Invocation& inv) {
    const Cap& frame = inv.cap;
    if (frame.frame_is_mapped()) {
        unmap_page(frame.mapped_word() >> 48, frame.mapped_word() & lib::mask(48),
                   frame.paddr().value, kernel::frame_size_bits(frame.frame_size()));
        inv.slot.cap =
            Cap::frame(frame.paddr(), frame.frame_size(), frame.rights(), frame.frame_is_device());
    }
    return Status::ok();
}

// The cache operation an invocation label asks for (an invalidation cleans
// too: dropping dirty lines of memory the caller may not own would lose data).
void cache_op(uint64_t label, uint64_t pa, uint64_t size) {
    switch (label) {
    case RAMPART_PAGE_CLEAN_DATA:
    case RAMPART_VSPACE_CLEAN_DATA:
        return cache_maintain(CacheOp::clean, pa, size);
    case RAMPART_PAGE_UNIFY_INSTRUCTION:
    case RAMPART_VSPACE_UNIFY_INSTRUCTION:
        return cache_maintain(CacheOp::unify_instruction, pa, size);
    default:
        return cache_maintain(CacheOp::clean_invalidate, pa, size);
    }
}

Status page_cache(const Invocation& inv) {
    if (!inv.has(2))
        return Status::truncated_message();
    const uint64_t size = lib::bit(kernel::frame_size_bits(inv.cap.frame_size()));
    const uint64_t start = inv.arg(0), end = inv.arg(1);
    if (start >= end || end > size)
        return Status::invalid_argument(start >= end ? 0 : 1);
    cache_op(inv.label, inv.cap.paddr().value + start, end - start);
    return Status::ok();
}

Status vspace_cache(const Invocation& inv) {
    if (!inv.has(2))
        return Status::truncated_message();
    uint64_t root, asid;
    if (!vspace_root(inv.cap, root, asid))
        return Status::invalid_capability(0);
    const uint64_t start = inv.arg(0), end = inv.arg(1);
    if (start >= end || end > RAMPART_USER_TOP)
        return Status::invalid_argument(start >= end ? 0 : 1);
    // One mapped page at a time, as seL4: the range must lie within one page.
    const Walk w = walk_to_leaf(root, start);
    if (!w.entry->valid() || w.entry->is_table(w.level))
        return Status::failed_lookup(false,
                                     kernel::LookupFault::missing_capability(level_shift(w.level)));
    const uint64_t page_mask = lib::mask(level_shift(w.level));
    if ((start & ~page_mask) != ((end - 1) & ~page_mask))
        return Status::invalid_argument(1);
    cache_op(inv.label, w.entry->paddr() + (start & page_mask), end - start);
    return Status::ok();
}

Status make_pool(const Invocation& inv) {
    if (!inv.has(2, 2))
        return Status::truncated_message();
    kernel::Slot& untyped = *inv.extra[0];
    const Cap ut = untyped.cap;
    if (ut.type() != CapType::Untyped || ut.untyped_is_device() ||
        ut.untyped_size().bits != RAMPART_ASID_POOL_BITS || kernel::has_children(untyped))
        return Status::invalid_capability(1);
    uint64_t base = asid_pool_count;
    for (uint64_t i = 0; i < asid_pool_count; ++i)
        if (asid_pool_slot_free(i << asid_pool_bits)) {
            base = i << asid_pool_bits;
            break;
        }
    if (base == asid_pool_count)
        return Status::delete_first(); // every ASID pool slot is taken
    kernel::Slot* dest = nullptr;
    if (const Status s = kernel::lookup_slot_for_cnode_op(
            false, inv.extra[1]->cap, kernel::CPtr{inv.arg(0)}, inv.arg(1), dest);
        !s.is_ok())
        return s;
    if (!dest->cap.is_null())
        return Status::delete_first();
    lib::zero_words(kernel::phys_ptr<void>(ut.paddr()), 1u << RAMPART_ASID_POOL_BITS);
    untyped.cap = ut.with_free_index(1u << RAMPART_ASID_POOL_BITS);
    asid_pool_install(base, ut.paddr());
    kernel::mdb_insert_new(Cap::asid_pool(ut.paddr(), base), untyped, *dest);
    return Status::ok();
}

Status pool_assign(const Invocation& inv) {
    if (!inv.has(0, 1))
        return Status::truncated_message();
    kernel::Slot& vs = *inv.extra[0];
    if (vs.cap.type() != CapType::VSpace || vs.cap.table_is_mapped())
        return Status::invalid_capability(1);
    auto* pool = kernel::phys_ptr<AsidPool>(inv.cap.paddr());
    const uint64_t base = inv.cap.asid_base();
    for (uint64_t i = base == 0 ? 1 : 0; i < (1u << asid_pool_bits); ++i)
        if (!pool->vspace[i]) {
            pool->vspace[i] = vs.cap.paddr().value;
            vs.cap = Cap::vspace(vs.cap.paddr(), base + i, true);
            return Status::ok();
        }
    return Status::delete_first(); // the pool is full
}

} // namespace

Status decode_invocation(const Invocation& inv, Results& out, kernel::Budget&) {
    switch (inv.cap.type()) {
    case CapType::PageTable:
        if (inv.label == RAMPART_PAGE_TABLE_MAP)
            return page_table_map(inv);
        if (inv.label == RAMPART_PAGE_TABLE_UNMAP)
            return page_table_unmap(inv);
        break;
    case CapType::Frame:
        switch (inv.label) {
        case RAMPART_PAGE_MAP:
            return page_map(inv);
        case RAMPART_PAGE_UNMAP:
            return page_unmap(inv);
        case RAMPART_PAGE_GET_ADDRESS:
            out.push(inv.cap.paddr().value);
            return Status::ok();
        case RAMPART_PAGE_CLEAN_DATA:
        case RAMPART_PAGE_INVALIDATE_DATA:
        case RAMPART_PAGE_CLEAN_INVALIDATE_DATA:
        case RAMPART_PAGE_UNIFY_INSTRUCTION:
            return page_cache(inv);
        default:
            break;
        }
        break;
    case CapType::VSpace:
        if (inv.label >= RAMPART_VSPACE_CLEAN_DATA && inv.label <= RAMPART_VSPACE_UNIFY_INSTRUCTION)
            return vspace_cache(inv);
        if (inv.label == RAMPART_VSPACE_DIGEST)
            return decode_vspace_digest(inv, out);
        break;
    case CapType::AsidControl:
        if (inv.label == RAMPART_ASID_CONTROL_MAKE_POOL)
            return make_pool(inv);
        break;
    case CapType::AsidPool:
        if (inv.label == RAMPART_ASID_POOL_ASSIGN)
            return pool_assign(inv);
        break;
    default:
        break;
    }
    return Status::illegal_operation();
}

} // namespace rampart::arch
