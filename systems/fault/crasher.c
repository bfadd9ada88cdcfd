/* fault: each run faults in a different way; the monitor reports the fault
   and restarts the PD from its image. The run count lives in a shared region,
   which a restart does not reset. */
#include <microkit.h>
#include <rampart/sys.h>
#include <stdint.h>

uintptr_t config_vaddr; /* read-only (setvar_vaddr) */
uintptr_t runs_vaddr;   /* read-write, kept across restarts */

/* Each frame holds a page of its own, so the stack's guard page comes soon. */
__attribute__((noinline)) static uint64_t recurse(uint64_t depth) {
    volatile uint8_t frame[4096];
    frame[0] = (uint8_t)depth;
    if (depth == UINT64_MAX) /* never: the guard page comes first */
        return 0;
    return recurse(depth + 1) + frame[0];
}

void init(void) {
    volatile uint64_t* runs = (volatile uint64_t*)runs_vaddr;
    const uint64_t run = ++*runs;
    switch (run) {
    case 1:
        microkit_dbg_puts("crasher: run 1: writing to a read-only mapping\n");
        *(volatile uint64_t*)config_vaddr = 1;
        break;
    case 2:
        microkit_dbg_puts("crasher: run 2: overflowing the stack\n");
        recurse(0);
        break;
    default:
        microkit_dbg_puts("crasher: run 3: restarted twice, state intact; done\n");
        rampart_debug_halt(0);
    }
    microkit_dbg_puts("crasher: did not fault\n");
    rampart_debug_halt(1);
}

void notified(microkit_channel ch) {
    (void)ch;
}
