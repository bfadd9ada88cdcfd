/* The generic timers as seL4 at EL1 shares them: the kernel ticks on the
   virtual timer (CNTV, PPI 27), which no user program may claim or touch;
   the EL1 physical timer (CNTP, PPI 30) and both counters are user level's,
   as seL4 configured with KernelArmExportPCNTUser and KernelArmExportPTMRUser
   leaves them (libplatsupport's timer for qemu-arm-virt drives CNTP). */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define CONTROL RAMPART_ROOT_IRQ_CONTROL
#define KERNEL_TIMER_IRQ 27u /* CNTV: the kernel's tick and deadlines */
#define USER_TIMER_IRQ 30u   /* CNTP: user level's */

/* CNTP_CTL_EL0 (Arm ARM D13.8.12): ENABLE, IMASK, ISTATUS. */
#define CTL_ENABLE 1u
#define CTL_ISTATUS 4u
/* ESR_ELx.EC of a trapped MSR/MRS (Arm ARM D13.2.37). */
#define EC_SYSREG 0x18u

static inline uint64_t physical_count(void) {
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}
static inline uint64_t virtual_count(void) {
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}
static inline uint64_t cntp_ctl(void) {
    uint64_t v;
    __asm__ volatile("mrs %0, cntp_ctl_el0" : "=r"(v));
    return v;
}
static inline void cntp_arm(uint64_t ticks) {
    __asm__ volatile("msr cntp_tval_el0, %0; msr cntp_ctl_el0, %1; isb"
                     :
                     : "r"(ticks), "r"((uint64_t)CTL_ENABLE));
}
static inline void cntp_off(void) {
    __asm__ volatile("msr cntp_ctl_el0, xzr; isb");
}

TEST(timer_kernel_irq_is_refused) {
    CHECK_EQ(rampart_irq_control_get(CONTROL, KERNEL_TIMER_IRQ, ROOT, new_slot(env), DEPTH),
             RAMPART_REVOKE_FIRST);
    CHECK_EQ(rampart_irq_control_get_trigger(CONTROL, KERNEL_TIMER_IRQ, 0, ROOT, new_slot(env),
                                             DEPTH),
             RAMPART_REVOKE_FIRST);
}

TEST(timer_counters_are_readable) {
    uint64_t freq;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    CHECK(freq != 0);
    const uint64_t p0 = physical_count(), v0 = virtual_count();
    for (volatile int i = 0; i < 1000; ++i) {
    }
    CHECK(physical_count() > p0);
    CHECK(virtual_count() > v0);
    /* no virtual offset: the two counts are the same clock */
    const uint64_t v = virtual_count(), p = physical_count();
    CHECK(p >= v);
    CHECK(p - v < freq / 1000);
}

TEST(timer_physical_interrupt_reaches_a_notification) {
    const uint64_t ntfn = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(
        rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ntfn, DEPTH, RAMPART_RIGHTS_ALL, 1u << 3));
    const uint64_t handler = new_slot(env);
    CHECK_OK(rampart_irq_control_get(CONTROL, USER_TIMER_IRQ, ROOT, handler, DEPTH));
    CHECK_OK(rampart_irq_handler_set_notification(handler, badged));

    const uint64_t start = physical_count();
    cntp_arm(2000);
    CHECK_EQ(rampart_wait(ntfn), 1u << 3);
    CHECK(physical_count() - start >= 2000);
    CHECK(cntp_ctl() & CTL_ISTATUS);

    /* The line is level-sensitive: acknowledged while the timer still
       asserts it, it is delivered again. */
    CHECK_OK(rampart_irq_handler_ack(handler));
    CHECK_EQ(rampart_wait(ntfn), 1u << 3);

    /* Silenced at the timer, acknowledged: nothing more arrives. */
    cntp_off();
    CHECK_OK(rampart_irq_handler_ack(handler));
    CHECK_EQ(rampart_poll(ntfn), 0);

    /* Deleting the handler frees the number for the next claimant. */
    CHECK_OK(rampart_cnode_delete(ROOT, handler, DEPTH));
    CHECK_OK(rampart_irq_control_get(CONTROL, USER_TIMER_IRQ, ROOT, handler, DEPTH));
    CHECK_OK(rampart_cnode_delete(ROOT, handler, DEPTH));
}

static volatile uint64_t reached;
static uint64_t done;

static void touch_kernel_timer(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    __asm__ volatile("msr cntv_ctl_el0, xzr");
    reached = 1;
    rampart_signal(done);
}

TEST(timer_kernel_timer_registers_trap) {
    reached = 0;
    done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    const uint64_t fcap = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, fcap, DEPTH, ROOT, ep, DEPTH, RAMPART_RIGHTS_ALL, 0x7e));
    spawn_with_handler(env, touch_kernel_timer, 0, 0, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_USER_EXCEPTION);
    CHECK_EQ(mr[3], EC_SYSREG);
    CHECK_EQ(reached, 0);
    mr[0] += 4; /* step over the write: the kernel's timer is untouched */
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 1), mr);
    rampart_wait(done);
    CHECK_EQ(reached, 1);
}
