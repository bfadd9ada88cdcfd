/* ring: drains the ring on each notification, checks the sequence, tells the
   producer the slots are free, and ends the system after the last message. */
#include "ring.h"

#include <microkit.h>
#include <rampart/sys.h>

#define PRODUCER 0

uintptr_t ring_vaddr; /* set by the composer (setvar_vaddr) */

static uint32_t expected = 1;
static uint64_t sum;

static void put_dec(uint64_t v) {
    char buf[24];
    int i = (int)sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    microkit_dbg_puts(&buf[i]);
}

void init(void) {
    microkit_dbg_puts("consumer: ready\n");
}

void notified(microkit_channel ch) {
    if (ch != PRODUCER)
        return;
    struct ring* r = (struct ring*)ring_vaddr;
    const uint32_t head = ring_load(&r->head);
    uint32_t tail = r->tail;
    const uint32_t first = expected;
    for (; tail != head; ++tail) {
        const struct ring_message m = r->slot[tail % RING_SLOTS];
        if (m.seq != expected || m.value != m.seq * m.seq) {
            microkit_dbg_puts("consumer: bad message\n");
            rampart_debug_halt(1);
        }
        sum += m.value;
        ++expected;
    }
    microkit_dbg_puts("consumer: messages ");
    put_dec(first);
    microkit_dbg_puts(" to ");
    put_dec(expected - 1);
    microkit_dbg_puts("\n");
    if (expected > RING_MESSAGES) {
        microkit_dbg_puts("consumer: sum of squares ");
        put_dec(sum);
        microkit_dbg_puts("\nring: done\n");
        rampart_debug_halt(0);
    }
    ring_store(&r->tail, tail);
    microkit_notify(PRODUCER);
}
