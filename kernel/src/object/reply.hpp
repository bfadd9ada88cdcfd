// Reply object (MCS): links a caller to the call stack for SC donation.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

namespace rampart::kernel {

struct Reply {
    uint64_t tcb = 0;  // paddr of the caller waiting on this reply, 0 when none
    uint64_t prev = 0; // call stack links
    uint64_t next = 0;
    uint64_t reserved = 0;
};

static_assert(sizeof(Reply) == (1u << RAMPART_REPLY_BITS));

// Hook of the last cap going away: unlink from the call stack, cancel the wait.
void reply_finalise(Reply& reply);

} // namespace rampart::kernel
