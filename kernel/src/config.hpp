// Kernel build configuration, set by the build (kernel/CMakeLists.txt).
#pragma once

namespace rampart::config {

#ifndef RAMPART_DEBUG
#error "RAMPART_DEBUG must be defined to 0 or 1 by the build: list this file in config_sources (kernel/CMakeLists.txt)"
#endif
// Debug builds add the debug system calls and kernel self-checks.
inline constexpr bool debug = RAMPART_DEBUG != 0;

#ifndef RAMPART_BENCHMARK
#define RAMPART_BENCHMARK 0
#endif
// Benchmark builds are release builds that keep the console and halt calls, so
// a workload can report and end, and give user code the PMU cycle counter.
inline constexpr bool benchmark = RAMPART_BENCHMARK != 0;

// User code may print on the kernel console and end the system (DebugPutChar,
// DebugWrite, DebugHalt), and read the PMU counters.
inline constexpr bool console_calls = debug || benchmark;
inline constexpr bool user_pmu = debug || benchmark;

} // namespace rampart::config
