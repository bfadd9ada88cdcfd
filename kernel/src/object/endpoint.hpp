// Endpoint object: a queue of threads waiting to send or to receive.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

namespace rampart::kernel {

enum class EndpointState : uint8_t { Idle = 0, Send = 1, Receive = 2 };

struct Endpoint {
    uint64_t queue_head = 0; // paddr of the first waiting TCB
    uint64_t queue_tail_state = 0; // paddr of the last waiting TCB | EndpointState in the low bits
};

static_assert(sizeof(Endpoint) == (1u << RAMPART_ENDPOINT_BITS));

// Hook of the last cap to an endpoint going away: every waiting thread
// becomes runnable again with its IPC cancelled.
void endpoint_cancel_all(Endpoint& ep);

} // namespace rampart::kernel
