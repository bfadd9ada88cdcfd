// Endpoint object: a queue of threads waiting to send or to receive.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

#include "object/thread_queue.hpp"

namespace rampart::kernel {

enum class EndpointState : uint8_t { Idle = 0, Send = 1, Receive = 2 };

struct Endpoint {
    ThreadQueue queue;

    [[nodiscard]] EndpointState state() const { return static_cast<EndpointState>(queue.tag()); }
};

static_assert(sizeof(Endpoint) == (1u << RAMPART_ENDPOINT_BITS));

// Hook of the last cap to an endpoint going away: every waiting thread
// becomes runnable again with its IPC cancelled.
void endpoint_cancel_all(Endpoint& ep);

} // namespace rampart::kernel
