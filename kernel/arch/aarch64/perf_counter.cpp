// PMU setup (Arm ARM D13.2: PMCR_EL0, PMCNTENSET_EL0, PMCCFILTR_EL0, PMUSERENR_EL0).
#include "arch/perf_counter.hpp"
#include "arch/registers.hpp"

namespace rampart::arch {

void perf_counter_enable_for_user() {
    constexpr uint64_t pmcr_e = 1u << 0;  // enable counters
    constexpr uint64_t pmcr_lc = 1u << 6; // 64-bit cycle counter overflow
    constexpr uint64_t cycle_counter = 1ull << 31;
    constexpr uint64_t filter_nsh = 1ull << 27; // count at EL2 too
    constexpr uint64_t userenr_en = 1u << 0, userenr_cr = 1u << 2;
    RAMPART_WRITE_SYSREG(pmccfiltr_el0, filter_nsh);
    RAMPART_WRITE_SYSREG(pmcntenset_el0, cycle_counter);
    RAMPART_WRITE_SYSREG(pmcr_el0, RAMPART_READ_SYSREG(pmcr_el0) | pmcr_e | pmcr_lc);
    RAMPART_WRITE_SYSREG(pmuserenr_el0, userenr_en | userenr_cr);
    isb();
}

} // namespace rampart::arch
