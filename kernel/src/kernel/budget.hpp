// Preemption budget of a long operation (revoke, delete, clearing memory).
// Each unit of work takes one unit; when none is left the operation stops at
// a consistent state and returns Status::preempted(), and the caller restarts
// the same invocation later. The kernel fills the budget from its preemption
// policy (work units between interrupt checks) with a probe: when the units
// run out and no interrupt is waiting, the budget renews itself and the work
// goes on (seL4's preemption point), so an interrupt still waits at most one
// budget's work. Tests choose budgets without a probe to force preemption at
// every possible point.
#pragma once

#include <stdint.h>

namespace rampart::kernel {

class Budget {
  public:
    static constexpr uint64_t unlimited_units = ~uint64_t{0};
    // True when an interrupt waits for the kernel.
    using Probe = bool (*)();

    constexpr explicit Budget(uint64_t units, Probe probe = nullptr)
        : units_(units), period_(units), probe_(probe) {}
    static constexpr Budget unlimited() { return Budget{unlimited_units}; }

    // Takes one unit; false when none was left (time to stop).
    [[nodiscard]] constexpr bool take() {
        if (units_ == 0 && !renew()) {
            return false;
        }
        if (units_ != unlimited_units) {
            --units_;
        }
        return true;
    }
    // Takes n units, or what is left when fewer remain.
    constexpr void spend(uint64_t n) {
        if (units_ != unlimited_units) {
            units_ = units_ > n ? units_ - n : 0;
        }
    }
    // Units left, renewed first when they ran out and no interrupt waits.
    [[nodiscard]] constexpr uint64_t units() {
        if (units_ == 0) {
            (void)renew();
        }
        return units_;
    }

  private:
    // A preemption point: go on for another period unless an interrupt waits.
    constexpr bool renew() {
        if (probe_ == nullptr || period_ == 0 || probe_()) {
            return false;
        }
        units_ = period_;
        return true;
    }

    uint64_t units_;
    uint64_t period_;
    Probe probe_;
};

} // namespace rampart::kernel
