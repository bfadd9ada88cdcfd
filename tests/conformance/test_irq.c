/* Interrupts: handler caps from IRQControl, and a real device interrupt (the
   PL011's transmit interrupt, SPI 1 = INTID 33) reaching a notification. */
#include "framework.h"

#include <rampart/ipc.h>

/* PL011 registers (ARM DDI 0183): data, interrupt mask set/clear, interrupt clear. */

TEST(irq_get_handler_once) {
    const uint64_t h = new_slot(env);
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 40, ROOT, h, DEPTH));
    CHECK_EQ(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 40, ROOT, new_slot(env), DEPTH),
             RAMPART_REVOKE_FIRST);
    /* deleting the handler frees the number */
    CHECK_OK(rampart_cnode_delete(ROOT, h, DEPTH));
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 40, ROOT, h, DEPTH));
}

TEST(irq_number_out_of_range) {
    CHECK_EQ(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 5000, ROOT, new_slot(env), DEPTH),
             RAMPART_RANGE_ERROR);
}

TEST(irq_get_into_occupied_slot) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 41, ROOT, ep, DEPTH),
             RAMPART_DELETE_FIRST);
}

TEST(irq_get_with_edge_trigger) {
    CHECK_OK(rampart_irq_control_get_trigger(RAMPART_ROOT_IRQ_CONTROL, 42, 1, ROOT, new_slot(env),
                                             DEPTH));
}

TEST(irq_set_notification_needs_a_notification) {
    const uint64_t h = new_slot(env);
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 43, ROOT, h, DEPTH));
    CHECK_EQ(rampart_irq_handler_set_notification(h, make(env, RAMPART_OBJ_ENDPOINT, 0)),
             RAMPART_INVALID_CAPABILITY);
    CHECK_OK(rampart_irq_handler_set_notification(h, make(env, RAMPART_OBJ_NOTIFICATION, 0)));
    CHECK_OK(rampart_irq_handler_clear(h));
    CHECK_OK(rampart_irq_handler_ack(h));
}

TEST(irq_device_interrupt_reaches_a_notification) {
    const uint64_t frame = map_uart(env);

    const uint64_t ntfn = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(
        rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ntfn, DEPTH, RAMPART_RIGHTS_ALL, 1u << 7));
    const uint64_t handler = new_slot(env);
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, UART_IRQ, ROOT, handler, DEPTH));
    CHECK_OK(rampart_irq_handler_set_notification(handler, badged));

    /* Transmit interrupt on, one character out: the UART raises SPI 1. */
    *uart(UARTIMSC) = TXIM;
    *uart(UARTDR) = '*';
    CHECK_EQ(rampart_wait(ntfn), 1u << 7);
    *uart(UARTIMSC) = 0;
    *uart(UARTICR) = TXIM;
    CHECK_OK(rampart_irq_handler_ack(handler));
    rampart_debug_puts("\n");
    /* masked until the next ack: nothing more is pending */
    CHECK_EQ(rampart_poll(ntfn), 0);
    CHECK_OK(rampart_cnode_delete(ROOT, handler, DEPTH));
    CHECK_OK(rampart_cnode_delete(ROOT, frame, DEPTH));
}
