// Preemption budget of a long operation (revoke, delete, clearing memory).
// Each unit of work takes one unit; when none is left the operation stops at
// a consistent state and returns Status::preempted(), and the caller restarts
// the same invocation later. The kernel fills the budget from its preemption
// policy (work units between interrupt checks); tests choose it to force
// preemption at every possible point.
#pragma once

#include <stdint.h>

namespace rampart::kernel {

class Budget {
  public:
    static constexpr uint64_t unlimited_units = ~uint64_t{0};

    constexpr explicit Budget(uint64_t units) : units_(units) {}
    static constexpr Budget unlimited() { return Budget{unlimited_units}; }

    // Takes one unit; false when none was left (time to stop).
    [[nodiscard]] constexpr bool take() {
        if (units_ == 0) {
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
    [[nodiscard]] constexpr uint64_t units() const { return units_; }

  private:
    uint64_t units_;
};

} // namespace rampart::kernel
