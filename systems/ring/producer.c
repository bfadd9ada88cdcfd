/* ring: fills the ring while there is space, notifies the consumer, and goes
   on when the consumer says it freed slots. */
#include "ring.h"

#include <microkit.h>

#define CONSUMER 0

uintptr_t ring_vaddr; /* set by the composer (setvar_vaddr) */

static uint32_t sent;

static void fill(void) {
    struct ring* r = (struct ring*)ring_vaddr;
    const uint32_t head0 = r->head;
    uint32_t head = head0;
    while (sent < RING_MESSAGES && head - ring_load(&r->tail) < RING_SLOTS) {
        ++sent;
        r->slot[head % RING_SLOTS] = (struct ring_message){sent, sent * sent};
        ++head;
    }
    if (head == head0)
        return;
    ring_store(&r->head, head);
    microkit_notify(CONSUMER);
}

void init(void) {
    microkit_dbg_puts("producer: start\n");
    fill();
}

void notified(microkit_channel ch) {
    if (ch == CONSUMER)
        fill();
    if (sent == RING_MESSAGES) {
        microkit_dbg_puts("producer: all messages sent\n");
        sent = RING_MESSAGES + 1; /* say it once */
    }
}
