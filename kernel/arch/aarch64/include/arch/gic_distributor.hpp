// What GICv2 and GICv3 distributors share (ARM IHI 0048B 4.3, IHI 0069 12.9):
// the register offsets for enabling, pending, priority and configuration.
#pragma once

#include "arch/mmio.hpp"

#include <platform/platform.hpp>

namespace rampart::arch::gic {

inline constexpr uint64_t ctlr = 0x000;
inline constexpr uint64_t typer = 0x004;
inline constexpr uint64_t igroupr = 0x080;
inline constexpr uint64_t isenabler = 0x100;
inline constexpr uint64_t icenabler = 0x180;
inline constexpr uint64_t icpendr = 0x280;
inline constexpr uint64_t ipriorityr = 0x400;
inline constexpr uint64_t itargetsr = 0x800;
inline constexpr uint64_t icfgr = 0xc00;

inline volatile uint32_t& dist(uint64_t off) {
    return mmio(platform::gic_distributor + off);
}

// Interrupt ids the distributor has: 32 * (GICD_TYPER.ITLinesNumber + 1).
inline uint32_t lines() {
    return 32 * ((dist(typer) & 0x1f) + 1);
}

// GICD_ICFGR: two bits per interrupt, the upper one set for edge-triggered
// (shared peripheral interrupts only; SGIs and PPIs keep their triggers).
inline void set_trigger(uint32_t irq, bool edge) {
    if (irq < 32)
        return;
    const uint64_t reg = icfgr + (irq / 16) * 4;
    const uint32_t bit = 2u << ((irq % 16) * 2);
    dist(reg) = edge ? (dist(reg) | bit) : (dist(reg) & ~bit);
}

} // namespace rampart::arch::gic
