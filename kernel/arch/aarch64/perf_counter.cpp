// PMU setup (Arm ARM D13.2: PMCR_EL0, PMCNTENSET_EL0, PMCCFILTR_EL0, PMUSERENR_EL0).
#include "arch/perf_counter.hpp"
#include "arch/registers.hpp"

namespace rampart::arch {

void perf_counter_enable_for_user() {
    constexpr uint64_t pmcr_e = 1u << 0;  // enable counters
    constexpr uint64_t pmcr_lc = 1u << 6; // 64-bit cycle counter overflow
    constexpr uint64_t cycle_counter = 1ull << 31;
    constexpr uint64_t filter_nsh = 1ull << 27; // count at EL2 too
    // CR only: EN would give EL0 every PMU register, writes included (it
    // could stop or reset the counters everyone reads).
    constexpr uint64_t userenr_cr = 1u << 2;
    RAMPART_WRITE_SYSREG(pmccfiltr_el0, filter_nsh);
    RAMPART_WRITE_SYSREG(pmcntenset_el0, cycle_counter);
    RAMPART_WRITE_SYSREG(pmcr_el0, RAMPART_READ_SYSREG(pmcr_el0) | pmcr_e | pmcr_lc);
    RAMPART_WRITE_SYSREG(pmuserenr_el0, userenr_cr);
    isb();
}

bool perf_counter_user_may_write() {
    constexpr uint64_t userenr_en = 1u << 0, userenr_sw = 1u << 1;
    return (RAMPART_READ_SYSREG(pmuserenr_el0) & (userenr_en | userenr_sw)) != 0;
}

} // namespace rampart::arch
