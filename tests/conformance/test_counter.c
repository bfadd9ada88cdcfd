/* User code reads the generic timer's counts and frequency directly, as on
   seL4 Microkit's kernels: CNTPCT_EL0, CNTVCT_EL0 and CNTFRQ_EL0 never trap
   (CNTKCTL_EL1.EL0PCTEN and EL0VCTEN). The timer registers stay the kernel's. */
#include "framework.h"

static uint64_t physical_count(void) {
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

static uint64_t virtual_count(void) {
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

TEST(user_reads_the_physical_counter) {
    uint64_t freq;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    CHECK(freq != 0);
    /* The loader leaves no virtual offset (CNTVOFF_EL2 = 0): the two counts agree. */
    const uint64_t before = virtual_count();
    const uint64_t physical = physical_count();
    const uint64_t after = virtual_count();
    CHECK(before <= physical);
    CHECK(physical <= after);
    CHECK(physical_count() >= physical);
}
