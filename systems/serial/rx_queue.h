/* The receive queue the driver fills and the client drains: bytes in a ring,
   head written by the driver only, tail by the client only. */
#ifndef RX_QUEUE_H
#define RX_QUEUE_H

#include <stdint.h>

#define RX_QUEUE_SIZE 2048u /* a power of two */

struct rx_queue {
    uint32_t head;
    uint32_t tail;
    uint8_t data[RX_QUEUE_SIZE];
};

static inline uint32_t rx_load(const uint32_t* p) {
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static inline void rx_store(uint32_t* p, uint32_t v) {
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

#endif
