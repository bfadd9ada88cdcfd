// GICv2 distributor and CPU interface (ARM IHI 0048B, 4.3 and 4.4).
#include "arch/gic_distributor.hpp"
#include "arch/irq_controller.hpp"
#include "arch/mmio.hpp"

#include <platform/platform.hpp>

static_assert(rampart::platform::gic_version == 2, "gic_v2.cpp built for a GICv2 board");

namespace rampart::arch {
namespace {

namespace gicc {
constexpr uint64_t ctlr = 0x000;
constexpr uint64_t pmr = 0x004;
constexpr uint64_t bpr = 0x008;
constexpr uint64_t iar = 0x00c;
constexpr uint64_t eoir = 0x010;
} // namespace gicc

volatile uint32_t& cpu(uint64_t off) {
    return mmio(platform::gic_cpu_interface + off);
}

} // namespace

void irq_controller_init() {
    gic::dist(gic::ctlr) = 0;
    const uint32_t lines = gic::lines();
    for (uint32_t i = 0; i < lines; i += 32) {
        gic::dist(gic::icenabler + i / 8) = 0xffffffff;
        gic::dist(gic::icpendr + i / 8) = 0xffffffff;
    }
    for (uint32_t i = 0; i < lines; i += 4)
        gic::dist(gic::ipriorityr + i) = 0xa0a0a0a0;
    for (uint32_t i = 32; i < lines; i += 4)
        gic::dist(gic::itargetsr + i) = 0x01010101; // every SPI to CPU 0
    for (uint32_t i = 32; i < lines; i += 16)
        gic::dist(gic::icfgr + i / 4) = 0; // level-sensitive
    gic::dist(gic::ctlr) = 1;
    cpu(gicc::pmr) = 0xff;
    cpu(gicc::bpr) = 0;
    cpu(gicc::ctlr) = 1;
}

void irq_enable(uint32_t irq) {
    gic::dist(gic::isenabler + (irq / 32) * 4) = 1u << (irq % 32);
}
void irq_disable(uint32_t irq) {
    gic::dist(gic::icenabler + (irq / 32) * 4) = 1u << (irq % 32);
}
uint32_t irq_acknowledge() {
    return cpu(gicc::iar) & 0x3ff;
}
void irq_end(uint32_t irq) {
    cpu(gicc::eoir) = irq;
}
void irq_set_trigger(uint32_t irq, bool edge) {
    gic::set_trigger(irq, edge);
}

const char* irq_controller_name() {
    return "GICv2";
}

} // namespace rampart::arch
