// CNode Digest: one pass over at most RAMPART_DIGEST_BATCH caps (empty slots
// count 1/RAMPART_DIGEST_EMPTY_SHARE each).
#include "object/cnode_digest.hpp"

#include "kernel/phys.hpp"
#include "kernel/slot.hpp"
#include "lib/fnv.hpp"

#include <rampart/invocations.h>
#include <rampart/spec.h>

namespace rampart::kernel {
namespace {

// The digest's type word, indexed by CapType (frames by size below).
constexpr uint16_t digest_type[] = {
    0,
    RAMPART_OBJ_UNTYPED,
    RAMPART_OBJ_ENDPOINT,
    RAMPART_OBJ_NOTIFICATION,
    RAMPART_OBJ_REPLY,
    RAMPART_OBJ_CNODE,
    RAMPART_OBJ_TCB,
    RAMPART_OBJ_SCHED_CONTEXT,
    RAMPART_DIGEST_CAP_SCHED_CONTROL,
    RAMPART_DIGEST_CAP_IRQ_CONTROL,
    RAMPART_DIGEST_CAP_IRQ_HANDLER,
    RAMPART_DIGEST_CAP_DOMAIN,
    RAMPART_DIGEST_CAP_ASID_CONTROL,
    RAMPART_DIGEST_CAP_ASID_POOL,
    RAMPART_OBJ_FRAME_4K,
    RAMPART_OBJ_PAGE_TABLE,
    RAMPART_OBJ_VSPACE,
    RAMPART_DIGEST_CAP_ZOMBIE,
};
static_assert(sizeof(digest_type) / sizeof(digest_type[0]) ==
              static_cast<unsigned>(CapType::Zombie) + 1);

// A frame's type word by its size (seL4's numbers are not in size order).
constexpr uint16_t frame_digest_type[] = {RAMPART_OBJ_FRAME_4K, RAMPART_OBJ_FRAME_2M,
                                          RAMPART_OBJ_FRAME_1G};
static_assert(static_cast<unsigned>(FrameSize::Small) == 0 &&
              static_cast<unsigned>(FrameSize::Large) == 1 &&
              static_cast<unsigned>(FrameSize::Huge) == 2);

} // namespace

CapDigest cap_digest(const Cap& c) {
    CapDigest d{digest_type[static_cast<unsigned>(c.type())], c.paddr().value, RAMPART_RIGHTS_ALL,
                0};
    switch (c.type()) {
    case CapType::Endpoint:
    case CapType::Notification:
        d.rights = c.rights().bits();
        d.badge = c.badge();
        break;
    case CapType::Frame:
        d.type = frame_digest_type[static_cast<unsigned>(c.frame_size())];
        d.rights = c.rights().bits();
        break;
    case CapType::Reply:
        d.rights = c.reply_can_grant() ? RAMPART_RIGHT_GRANT : 0;
        break;
    case CapType::CNode:
        d.badge = RAMPART_CNODE_CAPDATA(c.cnode_guard(), c.cnode_guard_size());
        break;
    case CapType::IrqHandler:
        d.address = c.irq();
        break;
    case CapType::SchedControl:
        d.address = c.sched_control_core();
        break;
    default:
        break;
    }
    return d;
}

namespace {

// The first slot at or after `i` (and before `limit`) holding a cap: most of
// a CNode is empty, so empty slots go eight at a time (a cap's type is in the
// top bits of its first word, and the null type is 0).
uint64_t skip_null(const Slot* table, uint64_t i, uint64_t limit) {
    for (; i + 8 <= limit; i += 8) {
        uint64_t words = 0;
        for (unsigned k = 0; k < 8; ++k)
            words |= table[i + k].cap.word0();
        if ((words >> Cap::type_shift) != 0)
            break;
    }
    while (i < limit && table[i].cap.is_null())
        ++i;
    return i;
}

} // namespace

Status cnode_digest(const Cap& cnode, uint64_t& at, uint64_t& hash) {
    const uint64_t slots = lib::bit(cnode.cnode_radix());
    if (at > slots)
        return Status::range_error(0, slots);
    const Slot* table = phys_ptr<Slot>(cnode.paddr());
    // An empty slot costs one unit, a cap RAMPART_DIGEST_EMPTY_SHARE.
    uint64_t budget = uint64_t{RAMPART_DIGEST_BATCH} * RAMPART_DIGEST_EMPTY_SHARE;
    while (at < slots) {
        const uint64_t next = skip_null(table, at, lib::min(slots, at + budget));
        budget -= next - at;
        at = next;
        if (at == slots || budget < RAMPART_DIGEST_EMPTY_SHARE)
            break;
        const CapDigest d = cap_digest(table[at].cap);
        const uint64_t words[] = {at, d.type, d.address, d.rights, d.badge};
        hash = lib::fnv_words(hash, words, 5);
        budget -= RAMPART_DIGEST_EMPTY_SHARE;
        ++at;
    }
    return Status::ok();
}

} // namespace rampart::kernel
