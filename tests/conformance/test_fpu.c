/* FP/SIMD registers belong to each thread: another thread's use never shows.
   d8 is callee-saved, so calls in between keep it (AAPCS64). */
#include "framework.h"

#include <rampart/ipc.h>

static void set_d8(uint64_t bits) {
    __asm__ volatile("fmov d8, %0" ::"r"(bits) : "v8");
}
static uint64_t get_d8(void) {
    uint64_t bits;
    __asm__ volatile("fmov %0, d8" : "=r"(bits));
    return bits;
}

static volatile uint64_t worker_saw;

static void clobber_d8(uint64_t done, uint64_t value) {
    set_d8(value);
    rampart_signal(done);
    worker_saw = get_d8();
}

TEST(fpu_registers_are_per_thread) {
    const uint64_t done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    set_d8(0x1111222233334444ull);
    spawn(env, clobber_d8, done, 0x5555666677778888ull, 200);
    rampart_wait(done); /* it ran and wrote its own d8 */
    CHECK_EQ(get_d8(), 0x1111222233334444ull);
    /* and the worker still sees its own value when it runs on */
    rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 100);
    CHECK_EQ(worker_saw, 0x5555666677778888ull);
    rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255);
}
