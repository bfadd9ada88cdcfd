// GICv3 distributor, redistributor and system-register CPU interface
// (ARM IHI 0069, chapters 12.8, 12.9 and 12.11), single security state.
#include "arch/gic_distributor.hpp"
#include "arch/irq_controller.hpp"
#include "arch/mmio.hpp"
#include "arch/registers.hpp"

#include <platform/platform.hpp>

static_assert(rampart::platform::gic_version == 3, "gic_v3.cpp built for a GICv3 board");

namespace rampart::arch {
namespace {

namespace gicd { // GICv3 additions to the shared distributor registers
constexpr uint64_t irouter = 0x6000;
constexpr uint32_t ctlr_enable_grp1 = 1u << 1;
constexpr uint32_t ctlr_are = 1u << 4;
constexpr uint32_t ctlr_rwp = 1u << 31;
} // namespace gicd

namespace gicr {
constexpr uint64_t waker = 0x0014;
constexpr uint64_t sgi = 0x10000; // SGI_base frame
constexpr uint64_t igroupr0 = sgi + 0x0080;
constexpr uint64_t isenabler0 = sgi + 0x0100;
constexpr uint64_t icenabler0 = sgi + 0x0180;
constexpr uint64_t icpendr0 = sgi + 0x0280;
constexpr uint64_t ipriorityr = sgi + 0x0400;
constexpr uint32_t waker_processor_sleep = 1u << 1;
constexpr uint32_t waker_children_asleep = 1u << 2;
} // namespace gicr

volatile uint32_t& redist(uint64_t off) {
    return mmio(platform::gic_redistributor + off);
}

void wait_distributor() {
    while (gic::dist(gic::ctlr) & gicd::ctlr_rwp) {
    }
}

} // namespace

void irq_controller_init() {
    gic::dist(gic::ctlr) = 0;
    wait_distributor();
    const uint32_t lines = gic::lines();
    for (uint32_t i = 32; i < lines; i += 32) {
        gic::dist(gic::icenabler + i / 8) = 0xffffffff;
        gic::dist(gic::icpendr + i / 8) = 0xffffffff;
        gic::dist(gic::igroupr + i / 8) = 0xffffffff; // group 1: delivered as IRQ
    }
    for (uint32_t i = 32; i < lines; i += 4)
        gic::dist(gic::ipriorityr + i) = 0xa0a0a0a0;
    for (uint32_t i = 32; i < lines; i += 16)
        gic::dist(gic::icfgr + i / 4) = 0;
    for (uint32_t i = 32; i < lines; ++i)
        mmio<uint64_t>(platform::gic_distributor + gicd::irouter + 8 * i) = 0; // affinity 0.0.0.0
    gic::dist(gic::ctlr) = gicd::ctlr_are;
    wait_distributor();
    gic::dist(gic::ctlr) = gicd::ctlr_are | gicd::ctlr_enable_grp1;
    wait_distributor();

    // Wake this CPU's redistributor, then set up SGIs and PPIs there.
    redist(gicr::waker) = redist(gicr::waker) & ~gicr::waker_processor_sleep;
    while (redist(gicr::waker) & gicr::waker_children_asleep) {
    }
    redist(gicr::icenabler0) = 0xffffffff;
    redist(gicr::icpendr0) = 0xffffffff;
    redist(gicr::igroupr0) = 0xffffffff;
    for (uint32_t i = 0; i < 32; i += 4)
        redist(gicr::ipriorityr + i) = 0xa0a0a0a0;

    // CPU interface: system registers on, all priorities, group 1 enabled.
    RAMPART_WRITE_SYSREG(S3_0_C12_C12_5, RAMPART_READ_SYSREG(S3_0_C12_C12_5) | 1); // ICC_SRE_EL1
    isb();
    RAMPART_WRITE_SYSREG(S3_0_C4_C6_0, 0xff); // ICC_PMR_EL1
    RAMPART_WRITE_SYSREG(S3_0_C12_C12_3, 0);  // ICC_BPR1_EL1
    RAMPART_WRITE_SYSREG(S3_0_C12_C12_7, 1);  // ICC_IGRPEN1_EL1
    isb();
}

void irq_enable(uint32_t irq) {
    if (irq < 32)
        redist(gicr::isenabler0) = 1u << irq;
    else
        gic::dist(gic::isenabler + (irq / 32) * 4) = 1u << (irq % 32);
}

void irq_disable(uint32_t irq) {
    if (irq < 32)
        redist(gicr::icenabler0) = 1u << irq;
    else
        gic::dist(gic::icenabler + (irq / 32) * 4) = 1u << (irq % 32);
}

uint32_t irq_acknowledge() {
    const uint64_t iar = RAMPART_READ_SYSREG(S3_0_C12_C12_0); // ICC_IAR1_EL1
    dsb_ish();
    const auto id = static_cast<uint32_t>(iar & 0xffffff);
    return id >= 1020 && id <= 1023 ? irq_spurious : id;
}

void irq_end(uint32_t irq) {
    RAMPART_WRITE_SYSREG(S3_0_C12_C12_1, irq); // ICC_EOIR1_EL1
    isb();
}

void irq_set_trigger(uint32_t irq, bool edge) {
    gic::set_trigger(irq, edge);
}

const char* irq_controller_name() {
    return "GICv3";
}

} // namespace rampart::arch
