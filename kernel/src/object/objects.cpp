// Object geometry and creation for Untyped Retype.
#include "object/objects.hpp"

#include <arch/object_hooks.hpp>

#include "kernel/phys.hpp"
#include "lib/placement_new.hpp"
#include "object/endpoint.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"

namespace rampart::kernel {

Status object_size_bits(uint64_t type, uint64_t user_bits, unsigned& out) {
    switch (type) {
    case RAMPART_OBJ_UNTYPED:
        if (user_bits < RAMPART_MIN_UNTYPED_BITS) {
            return Status::invalid_argument(1);
        }
        if (user_bits > RAMPART_MAX_UNTYPED_BITS) {
            return Status::range_error(RAMPART_MIN_UNTYPED_BITS, RAMPART_MAX_UNTYPED_BITS);
        }
        out = static_cast<unsigned>(user_bits);
        return Status::ok();
    case RAMPART_OBJ_CNODE:
        if (user_bits < RAMPART_CNODE_MIN_RADIX) {
            return Status::invalid_argument(1);
        }
        if (user_bits + RAMPART_SLOT_BITS > RAMPART_MAX_UNTYPED_BITS) {
            return Status::range_error(RAMPART_CNODE_MIN_RADIX,
                                       RAMPART_MAX_UNTYPED_BITS - RAMPART_SLOT_BITS);
        }
        out = static_cast<unsigned>(user_bits) + RAMPART_SLOT_BITS;
        return Status::ok();
    case RAMPART_OBJ_SCHED_CONTEXT:
        if (user_bits < RAMPART_SCHED_CONTEXT_MIN_BITS) {
            return Status::invalid_argument(1);
        }
        if (user_bits > RAMPART_SCHED_CONTEXT_MAX_BITS) {
            return Status::range_error(RAMPART_SCHED_CONTEXT_MIN_BITS,
                                       RAMPART_SCHED_CONTEXT_MAX_BITS);
        }
        out = static_cast<unsigned>(user_bits);
        return Status::ok();
    case RAMPART_OBJ_TCB:
        out = RAMPART_TCB_BITS;
        return Status::ok();
    case RAMPART_OBJ_ENDPOINT:
        out = RAMPART_ENDPOINT_BITS;
        return Status::ok();
    case RAMPART_OBJ_NOTIFICATION:
        out = RAMPART_NOTIFICATION_BITS;
        return Status::ok();
    case RAMPART_OBJ_REPLY:
        out = RAMPART_REPLY_BITS;
        return Status::ok();
    case RAMPART_OBJ_FRAME_4K:
        out = RAMPART_FRAME_4K_BITS;
        return Status::ok();
    case RAMPART_OBJ_FRAME_2M:
        out = RAMPART_FRAME_2M_BITS;
        return Status::ok();
    case RAMPART_OBJ_FRAME_1G:
        out = RAMPART_FRAME_1G_BITS;
        return Status::ok();
    case RAMPART_OBJ_PAGE_TABLE:
        out = RAMPART_PAGE_TABLE_BITS;
        return Status::ok();
    case RAMPART_OBJ_VSPACE:
        out = RAMPART_VSPACE_BITS;
        return Status::ok();
    default:
        return Status::invalid_argument(0);
    }
}

Cap create_object(uint64_t type, Paddr base, unsigned user_bits, bool device) {
    constexpr Rights frame_rights{RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE};
    switch (type) {
    case RAMPART_OBJ_UNTYPED:
        return Cap::untyped(base, SizeBits{user_bits}, device, 0);
    case RAMPART_OBJ_TCB:
        (void)new (phys_ptr<void>(base)) Tcb{};
        return Cap::tcb(base);
    case RAMPART_OBJ_ENDPOINT:
        (void)new (phys_ptr<void>(base)) Endpoint{};
        return Cap::endpoint(base, 0, Rights::all());
    case RAMPART_OBJ_NOTIFICATION:
        (void)new (phys_ptr<void>(base)) Notification{};
        return Cap::notification(base, 0, Rights{RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE});
    case RAMPART_OBJ_REPLY:
        (void)new (phys_ptr<void>(base)) Reply{};
        return Cap::reply(base, true);
    case RAMPART_OBJ_SCHED_CONTEXT: {
        SchedContext* sc = new (phys_ptr<void>(base)) SchedContext{};
        sc->refill_max = sched_context_refills(user_bits);
        return Cap::sched_context(base, SizeBits{user_bits});
    }
    case RAMPART_OBJ_CNODE:
        // Cleared memory is a CNode of empty slots (the null cap is all zeroes).
        return Cap::cnode(base, user_bits, 0, 0);
    case RAMPART_OBJ_FRAME_4K:
    case RAMPART_OBJ_FRAME_2M:
    case RAMPART_OBJ_FRAME_1G: {
        const FrameSize size = type == RAMPART_OBJ_FRAME_4K   ? FrameSize::Small
                               : type == RAMPART_OBJ_FRAME_2M ? FrameSize::Large
                                                              : FrameSize::Huge;
        arch_init_object(type, base, device);
        return Cap::frame(base, size, frame_rights, device);
    }
    case RAMPART_OBJ_PAGE_TABLE:
        arch_init_object(type, base, device);
        return Cap::page_table(base);
    case RAMPART_OBJ_VSPACE:
        arch_init_object(type, base, device);
        return Cap::vspace(base);
    default:
        return Cap::null();
    }
}

} // namespace rampart::kernel
