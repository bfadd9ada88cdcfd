// CNode Digest: one pass over at most RAMPART_DIGEST_BATCH slots.
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
static_assert(RAMPART_OBJ_FRAME_2M == RAMPART_OBJ_FRAME_4K + 1 &&
              RAMPART_OBJ_FRAME_1G == RAMPART_OBJ_FRAME_4K + 2);

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
        d.type += static_cast<unsigned>(c.frame_size());
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

Status cnode_digest(const Cap& cnode, uint64_t& at, uint64_t& hash) {
    const uint64_t slots = lib::bit(cnode.cnode_radix());
    if (at > slots)
        return Status::range_error(0, slots);
    const Slot* table = phys_ptr<Slot>(cnode.paddr());
    const uint64_t end = lib::min(slots, at + RAMPART_DIGEST_BATCH);
    for (; at < end; ++at) {
        const Cap& c = table[at].cap;
        if (c.is_null())
            continue;
        const CapDigest d = cap_digest(c);
        const uint64_t words[] = {at, d.type, d.address, d.rights, d.badge};
        hash = lib::fnv_words(hash, words, 5);
    }
    return Status::ok();
}

} // namespace rampart::kernel
