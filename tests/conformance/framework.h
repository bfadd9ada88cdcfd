/* The conformance suite's framework: tests register themselves with TEST(),
   get a fresh environment (an arena untyped and a range of empty slots), and
   report failures with CHECK(); the runner cleans up and checks the kernel's
   invariants after every test. */
#ifndef RAMPART_CONFORMANCE_FRAMEWORK_H
#define RAMPART_CONFORMANCE_FRAMEWORK_H

#include <rampart/aarch64/user_context.h>
#include <rampart/bootinfo.h>
#include <rampart/invoke.h>
#include <rampart/objects.h>
#include <rampart/rights.h>
#include <rampart/sys.h>
#include <stdint.h>

#define ROOT RAMPART_ROOT_CNODE
#define DEPTH 64u

/* The SchedControl cap of core 0 (the boot info's sched_control region). */
extern rampart_cptr_t conformance_sched_control;
#define SCHED_CONTROL conformance_sched_control

struct env {
    const struct rampart_bootinfo* bi;
    rampart_cptr_t arena; /* an untyped of ARENA_BITS for this test */
    uint64_t next_slot;   /* next free slot of the test's range */
    uint64_t slot_end;
    int failed;
    unsigned threads; /* spawned so far in this test */
};

#define ARENA_BITS 23u
#define TEST_SLOTS 448u

struct test {
    const char* name;
    void (*fn)(struct env*);
};

#define TEST(fname)                                                                                \
    static void fname(struct env* env);                                                            \
    static const struct test fname##_desc                                                          \
        __attribute__((section("rampart_tests"), used, aligned(8))) = {#fname, fname};             \
    static void fname(struct env* env)

void test_fail(struct env* env, const char* file, int line, const char* what, uint64_t got,
               uint64_t want);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            test_fail(env, __FILE__, __LINE__, #cond, 0, 0);                                       \
    } while (0)

/* Checks an expression's value (an error code, usually) and shows both on failure. */
#define CHECK_EQ(expr, want)                                                                       \
    do {                                                                                           \
        const uint64_t got_ = (uint64_t)(expr);                                                    \
        if (got_ != (uint64_t)(want))                                                              \
            test_fail(env, __FILE__, __LINE__, #expr " == " #want, got_, (uint64_t)(want));        \
    } while (0)

#define CHECK_OK(expr) CHECK_EQ(expr, RAMPART_NO_ERROR)

/* A free slot of the test's range. */
uint64_t new_slot(struct env* env);
/* A new object of the type (size_bits for variable-size types) from the arena. */
uint64_t make(struct env* env, uint64_t type, uint64_t size_bits);

/* A thread sharing the root task's CSpace and VSpace, with its own stack and
   IPC buffer, at `priority` (the root task runs at 255): it runs fn(a0, a1)
   and then suspends itself. Returns its TCB's slot. */
#define MAX_THREADS 4u
#define SCRATCH_VA 0x80000000ull /* IPC buffers of spawned threads: one page each */
uint64_t spawn(struct env* env, void (*fn)(uint64_t, uint64_t), uint64_t a0, uint64_t a1,
               uint64_t priority);
/* The same with a fault handler endpoint cap (0: none). */
uint64_t spawn_with_handler(struct env* env, void (*fn)(uint64_t, uint64_t), uint64_t a0,
                            uint64_t a1, uint64_t priority, uint64_t fault_ep);
/* Stops the calling thread (spawned threads end this way). */
void suspend_self(uint64_t tcb) __attribute__((noreturn));

/* The PL011 (SPI 1): its page mapped uncached at UART_VA, with tables from
   the arena; returns the frame's slot. */
#define UART_PA 0x09000000ull
#define UART_IRQ 33u
#define UART_VA (SCRATCH_VA + 0x1ff000)
#define UARTDR 0x00
#define UARTIMSC 0x38
#define UARTICR 0x44
#define TXIM (1u << 5)
uint64_t map_uart(struct env* env);
static inline volatile uint32_t* uart(uint64_t reg) {
    return (volatile uint32_t*)(UART_VA + reg);
}

#endif
