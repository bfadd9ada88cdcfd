/* serial: the PL011 receive side. The kernel's debug console keeps using the
   transmit side of the same UART; this driver only touches the receive
   interrupt and the data register's read side. */
#include "rx_queue.h"

#include <microkit.h>

#define IRQ_RX 0
#define CLIENT 1

/* PL011 registers (Arm PrimeCell UART PL011 TRM, 3.2 "Summary of registers"). */
#define PL011_DR 0x000u         /* data: bits 7:0, error flags 11:8 */
#define PL011_FR 0x018u         /* flags */
#define PL011_IMSC 0x038u       /* interrupt mask set/clear */
#define PL011_ICR 0x044u        /* interrupt clear */
#define PL011_FR_RXFE (1u << 4) /* receive FIFO empty */
#define PL011_INT_RX (1u << 4)  /* receive */
#define PL011_INT_RT (1u << 6)  /* receive timeout */

uintptr_t uart_base; /* set by the composer (setvar_vaddr) */
uintptr_t rx_vaddr;

static volatile uint32_t* reg(uint32_t offset) {
    return (volatile uint32_t*)(uart_base + offset);
}

/* Moves every received byte to the queue. Reading the FIFO empty also clears
   the receive interrupts (TRM 3.4), so they are never cleared by hand: a byte
   arriving meanwhile keeps its interrupt. */
static void drain(void) {
    struct rx_queue* q = (struct rx_queue*)rx_vaddr;
    uint32_t head = q->head;
    const uint32_t start = head;
    while ((*reg(PL011_FR) & PL011_FR_RXFE) == 0) {
        const uint8_t byte = (uint8_t)(*reg(PL011_DR) & 0xffu);
        if (head - rx_load(&q->tail) < RX_QUEUE_SIZE) /* else dropped */
            q->data[head++ % RX_QUEUE_SIZE] = byte;
    }
    if (head != start) {
        rx_store(&q->head, head);
        microkit_notify(CLIENT);
    }
}

void init(void) {
    *reg(PL011_IMSC) = *reg(PL011_IMSC) | PL011_INT_RX | PL011_INT_RT;
    microkit_dbg_puts("uart_driver: receive interrupt enabled\n");
    drain(); /* bytes that came before */
}

void notified(microkit_channel ch) {
    if (ch != IRQ_RX)
        return;
    drain();
    microkit_irq_ack(IRQ_RX);
}
