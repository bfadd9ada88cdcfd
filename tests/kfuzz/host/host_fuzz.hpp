// The host back-end of the system-call fuzzer: the whole kernel on the host
// machine (kernel/arch/host), booted in-process as often as needed, its
// threads playing the generator's calls (tests/kfuzz/kfuzz.h), the full
// invariant checker after every step. A failure (an invariant violated, a
// sanitizer report, the machine misused) prints what the threads did last
// and how to reproduce it, then aborts.
#pragma once

#include <cstdint>

extern "C" {
#include "../kfuzz.h"
}

namespace rampart::kfuzz {

struct Options {
    uint64_t seed = 1;
    uint64_t calls = 100000;            // steps in all (system calls and machine events)
    uint64_t episode_calls = 20000;     // a fresh machine after this many steps
    uint64_t trace_from = ~uint64_t{0}; // print every step from this one on
    bool quiet = false;
    // Violations whose message contains one of these end the episode (a
    // fresh machine follows) instead of the run: known defects not fixed yet.
    const char* tolerate[16] = {};
};

struct Stats {
    uint64_t steps = 0, episodes = 0, syscalls = 0, faults = 0, interrupts = 0;
    uint64_t idle_ends = 0, halts = 0, checks = 0, tolerated = 0;
    uint64_t op_total[80] = {}, op_ok[80] = {};
};

// A seeded campaign: deterministic for (seed, calls, episode_calls).
// Returns normally when nothing was found.
void run_seeded(const Options& options, Stats& stats);

// One episode whose choices come from `data` (a coverage-guided fuzzer's input).
void run_bytes(const uint8_t* data, uint64_t size, Stats& stats);

// Prints the statistics (per operation: how many, how many succeeded).
void print_stats(const Stats& stats);

} // namespace rampart::kfuzz
