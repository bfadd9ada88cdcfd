/* The program of every PD of the boot benchmarks (tests/bench/boot): a chain
   in which each PD shares a region and a channel with each neighbour. The head
   (no left neighbour) reports the instructions from reset to its first
   instruction and starts a token down the chain; each PD checks the token in
   the region on its left, counts itself in and passes it on; the tail ends
   the system. Channel 0 leads left, channel 1 right. */
#include <microkit.h>
#include <rampart/bench.h>
#include <stdint.h>

#define LEFT 0
#define RIGHT 1

/* Set by the composer (setvar_vaddr); 0 when there is no such neighbour. */
uintptr_t left_vaddr;
uintptr_t right_vaddr;

extern uint64_t boot_bench_first_count; /* boot_entry.S */

/* Instructions before the loader starts the counter (runtime/loader/aarch64/start.S). */
#define LOADER_UNCOUNTED RAMPART_LOADER_UNCOUNTED_INSNS

static void pass(uint64_t token) {
    if (!right_vaddr) {
        microkit_dbg_puts("boot-bench: the token passed ");
        microkit_dbg_put32((uint32_t)token);
        microkit_dbg_puts(" PDs\n");
        rampart_debug_halt(0);
    }
    *(volatile uint64_t*)right_vaddr = token;
    microkit_notify(RIGHT);
}

void init(void) {
    if (left_vaddr)
        return;
    char name[80] = "boot-";
    unsigned len = 5;
    for (const char* p = microkit_name; *p && len < sizeof name - 1; ++p)
        name[len++] = *p;
    name[len] = 0;
    rampart_bench_report(name, boot_bench_first_count + LOADER_UNCOUNTED);
    pass(1);
}

void notified(microkit_channel ch) {
    if (ch != LEFT)
        return;
    pass(*(volatile uint64_t*)left_vaddr + 1);
}
