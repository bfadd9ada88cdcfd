// Test-side view of the host backend: reset the fake physical memory and
// inspect the arch hook calls the kernel made.
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/cap.hpp"

namespace rampart::kernel::host {

struct HookCall {
    enum class Kind { InitObject, FinaliseCap } kind;
    uint64_t type = 0; // InitObject
    Paddr base;        // InitObject
    Cap cap;           // FinaliseCap
    bool flag = false; // device / final
};

const std::vector<HookCall>& hook_calls();
void clear_hook_calls();
// Zeroes the whole fake physical memory and forgets the hook calls.
void reset_memory();

} // namespace rampart::kernel::host
