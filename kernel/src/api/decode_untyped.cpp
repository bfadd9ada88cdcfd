// Untyped Retype: m0 type, m1 size bits, m2 node index, m3 node depth,
// m4 node offset, m5 count; c0 the CSpace root the destination is addressed from.
// Untyped Describe (Rampart): replies the watermark and the clear mark.
#include "api/invocation.hpp"
#include "object/untyped.hpp"

#include <rampart/invocations.h>

namespace rampart::api {

kernel::Status decode_untyped(const Invocation& inv, Results& out, kernel::Budget& budget) {
    if (inv.label == RAMPART_UNTYPED_DESCRIBE) {
        out.push(inv.cap.untyped_free_index());
        out.push(inv.cap.untyped_clear_index());
        return kernel::Status::ok();
    }
    if (inv.label != RAMPART_UNTYPED_RETYPE)
        return kernel::Status::illegal_operation();
    if (!inv.has(6, 1))
        return kernel::Status::truncated_message();
    const kernel::RetypeDest dest{inv.extra[0]->cap, kernel::CPtr{inv.arg(2)}, inv.arg(3),
                                  inv.arg(4), inv.arg(5)};
    return kernel::untyped_retype(inv.slot, inv.arg(0), inv.arg(1), dest, budget);
}

} // namespace rampart::api
