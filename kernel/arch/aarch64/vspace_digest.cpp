// VSpace Digest: a depth-first walk of the translation tables from a vaddr,
// reading at most RAMPART_DIGEST_BATCH valid entries (an invalid one counts as
// 1/RAMPART_DIGEST_EMPTY_SHARE of one); each valid leaf whose vaddr is
// at or above the start enters the stream as (vaddr, paddr, size bits, rights,
// attributes), decoded from the entry as Page Map wrote it.
#include "arch/vspace_digest.hpp"

#include "arch/kernel_window.hpp"
#include "arch/pte.hpp"
#include "lib/bits.hpp"
#include "lib/fnv.hpp"

#include <rampart/invocations.h>
#include <rampart/spec.h>

namespace rampart::arch {
namespace {

struct Cursor {
    uint64_t va;
    uint64_t hash;
    uint64_t budget; // an invalid entry costs one unit, a valid one RAMPART_DIGEST_EMPTY_SHARE
};

void feed(Cursor& c, Pte e, unsigned level) {
    // User leaves are always readable (Page Map needs Read; EL0 cannot have write-only).
    const uint64_t rights = RAMPART_SPEC_MAP_R | (e.user_writable() ? RAMPART_SPEC_MAP_W : 0) |
                            (e.user_executable() ? RAMPART_SPEC_MAP_X : 0);
    const uint64_t attrs = e.mem_type() == MemType::normal ? RAMPART_SPEC_ATTR_CACHED : 0;
    const uint64_t words[] = {c.va, e.paddr(), level_shift(level), rights, attrs};
    c.hash = lib::fnv_words(c.hash, words, 5);
}

// The first entry at or after `i` (and before `limit`) with the valid bit:
// most of a table is empty, so empty entries go eight at a time.
uint64_t skip_invalid(const Pte* entry, uint64_t i, uint64_t limit) {
    const auto* raw = reinterpret_cast<const uint64_t*>(entry);
    for (; i + 8 <= limit; i += 8)
        if (((raw[i] | raw[i + 1] | raw[i + 2] | raw[i + 3] | raw[i + 4] | raw[i + 5] |
              raw[i + 6] | raw[i + 7]) &
             Pte::valid_bit) != 0)
            break;
    while (i < limit && (raw[i] & Pte::valid_bit) == 0)
        ++i;
    return i;
}

// Reads the entries of `table` (at `level`) from c.va to the end of the range
// the table maps (of user space, for the root); false when the budget ran out
// first (c.va: where to go on).
bool scan(uint64_t table, unsigned level, Cursor& c) {
    const unsigned shift = level_shift(level);
    const uint64_t end =
        lib::min<uint64_t>((c.va | lib::mask(shift + table_bits)) + 1, RAMPART_DIGEST_VSPACE_END);
    const Pte* entry = kernel::ptr_from_paddr<Pte>(table);
    while (c.va < end) {
        const uint64_t at = (c.va >> shift) & (entries - 1);
        const uint64_t next = skip_invalid(entry, at, lib::min(entries, at + c.budget));
        if (next != at) {
            c.budget -= next - at;
            c.va = lib::align_down(c.va, shift) + ((next - at) << shift);
            continue;
        }
        if (c.budget < RAMPART_DIGEST_EMPTY_SHARE)
            return false;
        c.budget -= RAMPART_DIGEST_EMPTY_SHARE;
        const Pte e = entry[(c.va >> shift) & (entries - 1)];
        if (e.valid() && e.is_table(level)) {
            if (!scan(e.paddr(), level + 1, c))
                return false;
            continue; // c.va is the end of the subtable's range
        }
        if (e.valid() && lib::is_aligned(c.va, shift))
            feed(c, e, level);
        c.va = lib::align_down(c.va, shift) + lib::bit(shift);
    }
    return true;
}

static_assert(RAMPART_DIGEST_VSPACE_END == RAMPART_USER_TOP);

} // namespace

kernel::Status decode_vspace_digest(const api::Invocation& inv, api::Results& out) {
    if (!inv.has(2))
        return kernel::Status::truncated_message();
    Cursor c{inv.arg(0), inv.arg(1), uint64_t{RAMPART_DIGEST_BATCH} * RAMPART_DIGEST_EMPTY_SHARE};
    if (c.va > RAMPART_DIGEST_VSPACE_END)
        return kernel::Status::range_error(0, RAMPART_DIGEST_VSPACE_END);
    if (!lib::is_aligned(c.va, page_bits))
        return kernel::Status::alignment_error();
    if (c.va < RAMPART_DIGEST_VSPACE_END)
        (void)scan(inv.cap.paddr().value, user_root_level, c);
    out.push(c.hash);
    out.push(c.va);
    return kernel::Status::ok();
}

} // namespace rampart::arch
