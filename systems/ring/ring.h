/* The ring buffer both PDs map: a single-producer, single-consumer queue of
   fixed-size messages. head is written only by the producer, tail only by
   the consumer; each publishes with a release store after the data. */
#ifndef RING_H
#define RING_H

#include <stdint.h>

#define RING_SLOTS 8u     /* a power of two */
#define RING_MESSAGES 24u /* the producer sends this many, then stops */

struct ring_message {
    uint32_t seq;
    uint32_t value;
};

struct ring {
    uint32_t head; /* next slot the producer fills */
    uint32_t tail; /* next slot the consumer reads */
    struct ring_message slot[RING_SLOTS];
};

static inline uint32_t ring_load(const uint32_t* p) {
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static inline void ring_store(uint32_t* p, uint32_t v) {
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

#endif
