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
// Zeroes the whole fake physical memory and forgets the hook calls and the
// bytes cleared.
void reset_memory();
// Bytes arch_clear_memory has zeroed since reset_memory.
uint64_t cleared_bytes();
void reset_cleared_bytes();
void note_cleared(uint64_t bytes);

} // namespace rampart::kernel::host
