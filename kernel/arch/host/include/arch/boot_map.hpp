// The host machine's MMU uses the AArch64 translation-table format, so the
// host runs the AArch64 table code (kernel/arch/aarch64) with its own
// barriers, TLB and cache operations (barrier.hpp, tlb.hpp, cache.hpp).
#pragma once

#include "../../../aarch64/include/arch/boot_map.hpp"
