/* Domain isolation: a thread in domain 1 that outranks us and never blocks
   still leaves domain 0 its slots (image packed with --domains 0:2000,1:2000). */
#include <rampart/bootinfo.h>
#include <rampart/invoke.h>
#include <rampart/sys.h>

#define ROOT RAMPART_ROOT_CNODE

static volatile uint64_t spins;
static uint64_t stack[256] __attribute__((aligned(16)));

static void spinner(void) {
    for (;;)
        spins = spins + 1;
}

static void check(uint64_t err, const char* what) {
    if (err) {
        rampart_debug_puts("domain test: setup failed: ");
        rampart_debug_puts(what);
        rampart_debug_puts("\n");
        rampart_debug_halt(1);
    }
}

int main(const struct rampart_bootinfo* bi) {
    uint64_t ut = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi) && !ut; ++i)
        if (!bi->untyped_list[i].is_device && bi->untyped_list[i].size_bits >= 16)
            ut = bi->untyped.start + i;
    const uint64_t tcb = bi->empty.start, sc = tcb + 1;
    check(rampart_untyped_retype(ut, RAMPART_OBJ_TCB, 0, ROOT, 0, 0, tcb, 1), "tcb");
    check(rampart_untyped_retype(ut, RAMPART_OBJ_SCHED_CONTEXT, 8, ROOT, 0, 0, sc, 1), "sc");
    check(rampart_tcb_configure(tcb, ROOT, 0, RAMPART_ROOT_VSPACE, 0, 0), "configure");
    const uint64_t regs[2] = {(uint64_t)spinner, (uint64_t)(stack + 256)};
    check(rampart_tcb_write_registers(tcb, 0, 2, regs), "registers");
    check(rampart_sched_control_configure(bi->sched_control.start, sc, 1000, 1000, 0, 0), "sc");
    check(rampart_sched_context_bind(sc, tcb), "bind");
    check(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255), "priority");
    const uint64_t one[1] = {1};
    const rampart_cptr_t caps[1] = {tcb};
    check(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, one, 1, caps), "domain");
    check(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 254), "own priority");
    check(rampart_tcb_resume(tcb), "resume");

    /* Work for about 20 ms of virtual time, noting when the spinner ran. */
    uint64_t last = spins, switches = 0;
    for (volatile uint64_t i = 0; i < 4000000; ++i) {
        if (spins != last) {
            ++switches;
            last = spins;
        }
    }
    if (spins == 0 || switches == 0) {
        rampart_debug_puts("domain test: the domain 1 thread never ran\n");
        return 1;
    }
    rampart_debug_puts(
        "domain test: domain 0 kept its slots while a higher-priority domain 1 thread spun\n");
    return 0;
}
