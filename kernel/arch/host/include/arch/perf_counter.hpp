// The host machine has no performance counter for user code.
#pragma once

namespace rampart::arch {

inline void perf_counter_enable_for_user() {}
inline bool perf_counter_user_may_write() {
    return false;
}

} // namespace rampart::arch
