// The limits of the system language, each defined once. Rampart keeps the
// Microkit id range because microkit.h's badges depend on it, but lifts the
// PD and channel count limits (see docs/composer.md).
#pragma once

#include <rampart/domains.h>
#include <rampart/pd.h>
#include <rampart/spec.h>

#include <cstddef>
#include <cstdint>

namespace rampart::model {

// Channel, IRQ and child ids share one namespace per PD: 0..kMaxId. A
// notification badge carries bit 1 << id, and bits 62 (child fault) and 63
// (protected call) are reserved by microkit.h's event loop.
inline constexpr std::uint64_t kMaxId = RAMPART_PD_MAX_ID;

inline constexpr std::uint64_t kMaxPriority = 254;
inline constexpr std::size_t kMaxNameLength = 64;

inline constexpr std::uint64_t kPageSize = 0x1000;
inline constexpr std::uint64_t kLargePageSize = 0x200000;

inline constexpr std::uint64_t kDefaultBudgetUs = 1000;
inline constexpr std::uint64_t kDefaultStackSize = 0x2000;
inline constexpr std::uint64_t kMinStackSize = 0x1000;
inline constexpr std::uint64_t kMaxStackSize = 16u << 20;

// Every PD's stack ends here; one unmapped guard page lies below it. All maps
// and program segments must lie below the guard page.
inline constexpr std::uint64_t kStackTop = 0x0000'0080'0000'0000; // 512 GiB: Sv39-safe
inline constexpr std::uint64_t kStackGuardSize = kPageSize;

inline constexpr std::uint64_t kMaxDomains = RAMPART_DOMAIN_COUNT;

// The entries the kernel cycles through (from start_index up to the end
// marker). Microkit allows more (99); see docs/microkit.md.
inline constexpr std::uint64_t kMaxScheduleCycle = RAMPART_MAX_DOMAIN_SLOTS;
// Microkit's bound on a schedule's entries (end marker included) plus its
// index_shift: its kernel's schedule array (KernelNumDomainSchedules, 100).
// index_shift has no effect in Rampart, which runs one schedule.
inline constexpr std::uint64_t kMicrokitScheduleSlots = 100;

// <cspace> entries go to slots 1..kUserCapSlots-1 of the PD's user cap area
// (slot 0 is reserved, as in Microkit, whose limit this is).
inline constexpr std::uint64_t kUserCapSlots = RAMPART_PD_USER_CAP_SLOTS;

// The rate limit of the restart policy: at most restart_limit restarts in
// any window of this many microseconds, or the PD stays stopped.
inline constexpr std::uint64_t kRestartWindowUs = RAMPART_SPEC_RESTART_WINDOW_US;

} // namespace rampart::model
