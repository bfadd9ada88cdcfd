/* More interrupts and notifications: reserved numbers, handler caps and
   their copies, SetNotification / Clear / Ack with the PL011's transmit
   interrupt (SPI 1 = INTID 33), notification rights, queues and binding. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
#define CONTROL RAMPART_ROOT_IRQ_CONTROL

static uint64_t mint(struct env* env, uint64_t src, uint64_t rights, uint64_t badge) {
    const uint64_t s = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, s, DEPTH, ROOT, src, DEPTH, rights, badge));
    return s;
}

TEST(irq_numbers_below_16_are_reserved) {
    CHECK_EQ(rampart_irq_control_get(CONTROL, 0, ROOT, new_slot(env), DEPTH), RAMPART_REVOKE_FIRST);
    CHECK_EQ(rampart_irq_control_get(CONTROL, 15, ROOT, new_slot(env), DEPTH),
             RAMPART_REVOKE_FIRST);
    CHECK_EQ(rampart_irq_control_get_trigger(CONTROL, 7, 1, ROOT, new_slot(env), DEPTH),
             RAMPART_REVOKE_FIRST);
}

TEST(irq_range_error_words) {
    CHECK_EQ(rampart_irq_control_get(CONTROL, 100000, ROOT, new_slot(env), DEPTH),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 16);
    const uint64_t max = rampart_mr(1);
    CHECK(max >= UART_IRQ);
    CHECK_EQ(rampart_irq_control_get(CONTROL, max + 1, ROOT, new_slot(env), DEPTH),
             RAMPART_RANGE_ERROR);
}

TEST(irq_control_argument_errors) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_irq_control_get(CONTROL, 45, ep, new_slot(env), DEPTH), RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(1), RAMPART_LOOKUP_INVALID_ROOT);
    CHECK_EQ(rampart_irq_control_get(CONTROL, 45, ROOT, new_slot(env), 65), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_invoke(CONTROL, RAMPART_IRQ_ISSUE_IRQ_HANDLER, 2,
                            (const uint64_t[]){45, new_slot(env)}, 1,
                            (const rampart_cptr_t[]){ROOT}),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(CONTROL, RAMPART_IRQ_ACK_IRQ, 0, 0, 0, 0), RAMPART_ILLEGAL_OPERATION);
    /* none of the failures issued the handler */
    CHECK_OK(rampart_irq_control_get(CONTROL, 45, ROOT, new_slot(env), DEPTH));
}

TEST(irq_handler_copy_keeps_the_number_issued) {
    const uint64_t h = new_slot(env), copy = new_slot(env);
    CHECK_OK(rampart_irq_control_get(CONTROL, 46, ROOT, h, DEPTH));
    CHECK_OK(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, h, DEPTH, ALL));
    CHECK_OK(rampart_cnode_delete(ROOT, h, DEPTH));
    CHECK_EQ(rampart_irq_control_get(CONTROL, 46, ROOT, h, DEPTH), RAMPART_REVOKE_FIRST);
    CHECK_OK(rampart_irq_handler_ack(copy)); /* the copy still works */
    CHECK_OK(rampart_cnode_delete(ROOT, copy, DEPTH));
    CHECK_OK(rampart_irq_control_get(CONTROL, 46, ROOT, h, DEPTH));
}

TEST(irq_revoking_irq_control_children_is_not_possible_but_delete_is) {
    /* handlers are children of IRQControl; deleting one frees its number */
    const uint64_t h = new_slot(env);
    CHECK_OK(rampart_irq_control_get_trigger(CONTROL, 47, 1, ROOT, h, DEPTH));
    CHECK_OK(rampart_cnode_revoke(ROOT, h, DEPTH)); /* no children of its own */
    CHECK_EQ(rampart_irq_control_get(CONTROL, 47, ROOT, new_slot(env), DEPTH),
             RAMPART_REVOKE_FIRST);
    CHECK_OK(rampart_cnode_delete(ROOT, h, DEPTH));
    CHECK_OK(rampart_irq_control_get(CONTROL, 47, ROOT, h, DEPTH));
}

TEST(irq_handler_argument_errors) {
    const uint64_t h = new_slot(env);
    CHECK_OK(rampart_irq_control_get(CONTROL, 48, ROOT, h, DEPTH));
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_EQ(rampart_irq_handler_set_notification(h, mint(env, n, RAMPART_RIGHT_READ, 1)),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_invoke(h, RAMPART_IRQ_SET_IRQ_HANDLER, 0, 0, 0, 0), RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(h, RAMPART_IRQ_ISSUE_IRQ_HANDLER, 0, 0, 0, 0),
             RAMPART_ILLEGAL_OPERATION);
    /* Clear and Ack without a notification are harmless */
    CHECK_OK(rampart_irq_handler_clear(h));
    CHECK_OK(rampart_irq_handler_ack(h));
}

TEST(irq_cleared_handler_delivers_nothing_until_set_again) {
    const uint64_t frame = map_uart(env);
    const uint64_t ntfn = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t badged = mint(env, ntfn, ALL, 1u << 9);
    const uint64_t handler = new_slot(env);
    CHECK_OK(rampart_irq_control_get(CONTROL, UART_IRQ, ROOT, handler, DEPTH));
    CHECK_OK(rampart_irq_handler_set_notification(handler, badged));
    CHECK_OK(rampart_irq_handler_clear(handler));

    /* the UART raises its line; nobody is told */
    *uart(UARTIMSC) = TXIM;
    *uart(UARTDR) = '+';
    for (int i = 0; i < 3; ++i)
        rampart_yield();
    CHECK_EQ(rampart_poll(ntfn), 0);
    /* the line is still up: setting the notification delivers it */
    CHECK_OK(rampart_irq_handler_set_notification(handler, badged));
    CHECK_EQ(rampart_wait(ntfn), 1u << 9);
    *uart(UARTIMSC) = 0;
    *uart(UARTICR) = TXIM;
    CHECK_OK(rampart_irq_handler_ack(handler));
    rampart_debug_puts("\n");
    CHECK_EQ(rampart_poll(ntfn), 0);
    CHECK_OK(rampart_cnode_delete(ROOT, handler, DEPTH));
    CHECK_OK(rampart_cnode_delete(ROOT, frame, DEPTH));
}

static volatile uint64_t order[4];
static volatile unsigned order_n;

static void wait_and_log(uint64_t ntfn, uint64_t id) {
    rampart_wait(ntfn);
    order[order_n++] = id;
}

TEST(ntfn_waiters_wake_in_arrival_order) {
    order_n = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, wait_and_log, n, 1, 255);
    spawn(env, wait_and_log, n, 2, 255);
    rampart_yield(); /* both wait, 1 first */
    rampart_signal(n);
    rampart_yield();
    CHECK_EQ(order_n, 1);
    CHECK_EQ(order[0], 1);
    rampart_signal(n);
    rampart_yield();
    CHECK_EQ(order_n, 2);
    CHECK_EQ(order[1], 2);
}

static volatile uint64_t reached;

static void wait_on(uint64_t ntfn, uint64_t unused) {
    (void)unused;
    rampart_wait(ntfn);
    reached = 1;
}

TEST(ntfn_wait_without_read_is_a_cap_fault) {
    reached = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t h = mint(env, ep, ALL, 0xfa);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t wo = mint(env, n, RAMPART_RIGHT_WRITE, 1);
    spawn_with_handler(env, wait_on, wo, 0, 200, h);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(badge, 0xfa);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], wo);
    CHECK_EQ(mr[2], 1);
    CHECK_EQ(reached, 0);
}

TEST(ntfn_call_signals_and_gets_an_empty_reply) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = mint(env, n, ALL, 0x44);
    uint64_t mr[4] = {1, 2, 3, 4};
    const rampart_msginfo_t info = rampart_call(b, rampart_msginfo_new(9, 0, 0, 4), mr);
    CHECK_EQ(rampart_msginfo_label(info), 0);
    CHECK_EQ(rampart_msginfo_length(info), 0);
    CHECK_EQ(rampart_poll(n), 0x44);
}

TEST(ntfn_deleting_a_bound_notification_unbinds_it) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(
        rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1, (const rampart_cptr_t[]){n}));
    CHECK_OK(rampart_cnode_delete(ROOT, n, DEPTH));
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_UNBIND_NOTIFICATION, 0, 0, 0, 0),
             RAMPART_ILLEGAL_OPERATION);
    const uint64_t other = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1,
                            (const rampart_cptr_t[]){other}));
}

TEST(ntfn_signal_to_a_bound_thread_that_is_not_receiving_stays_pending) {
    /* bound to us, and we are not receiving: the signals accumulate */
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(rampart_tcb_bind_notification(RAMPART_ROOT_TCB, n));
    rampart_signal(mint(env, n, ALL, 0x3));
    rampart_signal(mint(env, n, ALL, 0x4));
    CHECK_EQ(rampart_poll(n), 0x7);
    CHECK_OK(rampart_tcb_unbind_notification(RAMPART_ROOT_TCB));
}
