// GICv2 distributor and CPU interface (ARM IHI 0048B, 4.3 and 4.4).
#include "arch/irq_controller.hpp"
#include "arch/mmio.hpp"

#include <platform/platform.hpp>

static_assert(rampart::platform::gic_version == 2, "gic_v2.cpp built for a GICv2 board");

namespace rampart::arch {
namespace {

namespace gicd {
constexpr uint64_t ctlr = 0x000;
constexpr uint64_t typer = 0x004;
constexpr uint64_t isenabler = 0x100;
constexpr uint64_t icenabler = 0x180;
constexpr uint64_t icpendr = 0x280;
constexpr uint64_t ipriorityr = 0x400;
constexpr uint64_t itargetsr = 0x800;
constexpr uint64_t icfgr = 0xc00;
} // namespace gicd

namespace gicc {
constexpr uint64_t ctlr = 0x000;
constexpr uint64_t pmr = 0x004;
constexpr uint64_t bpr = 0x008;
constexpr uint64_t iar = 0x00c;
constexpr uint64_t eoir = 0x010;
} // namespace gicc

volatile uint32_t& dist(uint64_t off) {
    return mmio(platform::gic_distributor + off);
}
volatile uint32_t& cpu(uint64_t off) {
    return mmio(platform::gic_cpu_interface + off);
}

} // namespace

void irq_controller_init() {
    dist(gicd::ctlr) = 0;
    // ITLinesNumber (GICD_TYPER bits 4:0): 32 * (N + 1) interrupt ids.
    const uint32_t lines = 32 * ((dist(gicd::typer) & 0x1f) + 1);
    for (uint32_t i = 0; i < lines; i += 32) {
        dist(gicd::icenabler + i / 8) = 0xffffffff;
        dist(gicd::icpendr + i / 8) = 0xffffffff;
    }
    for (uint32_t i = 0; i < lines; i += 4)
        dist(gicd::ipriorityr + i) = 0xa0a0a0a0;
    for (uint32_t i = 32; i < lines; i += 4)
        dist(gicd::itargetsr + i) = 0x01010101; // every SPI to CPU 0
    for (uint32_t i = 32; i < lines; i += 16)
        dist(gicd::icfgr + i / 4) = 0; // level-sensitive
    dist(gicd::ctlr) = 1;
    cpu(gicc::pmr) = 0xff;
    cpu(gicc::bpr) = 0;
    cpu(gicc::ctlr) = 1;
}

void irq_enable(uint32_t irq) {
    dist(gicd::isenabler + (irq / 32) * 4) = 1u << (irq % 32);
}
void irq_disable(uint32_t irq) {
    dist(gicd::icenabler + (irq / 32) * 4) = 1u << (irq % 32);
}
uint32_t irq_acknowledge() {
    return cpu(gicc::iar) & 0x3ff;
}
void irq_end(uint32_t irq) {
    cpu(gicc::eoir) = irq;
}
void irq_set_trigger(uint32_t irq, bool edge) {
    if (irq < 32)
        return; // SGIs and PPIs have fixed triggers here
    // GICD_ICFGR: two bits per interrupt, the upper one set for edge-triggered.
    const uint64_t reg = gicd::icfgr + (irq / 16) * 4;
    const uint32_t bit = 2u << ((irq % 16) * 2);
    dist(reg) = edge ? (dist(reg) | bit) : (dist(reg) & ~bit);
}

uint32_t irq_max() {
    return platform::max_irq;
}

const char* irq_controller_name() {
    return "GICv2";
}

} // namespace rampart::arch
