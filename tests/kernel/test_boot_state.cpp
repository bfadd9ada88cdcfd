// The boot plan and the capability core together: the root task's objects
// carved by the plan, the rest handed out as untypeds, and the invariants
// holding over the resulting tree and after using every untyped.
#include <catch2/catch.hpp>

#include <vector>

#include <arch/kernel_window.hpp>
#include <rampart/boot_untypeds.hpp>

#include "fixture.hpp"
#include <arch/host_machine.hpp>

using namespace rampart;
using namespace rampart::kernel;

TEST_CASE("a boot-like tree from the boot plan keeps the invariants", "[kernel][boot]") {
    arch::host::reset();
    mdb_reset();
    const boot::Range ram[] = {{host::phys_base, host::phys_base + host::phys_size}};
    const boot::Range devices[] = {{0x0900'0000, 0x0900'4000}};
    const boot::Range reserved[] = {{host::phys_base + 0x10'0000, host::phys_base + 0x12'3000}};
    const boot::MemoryMap map{
        ram, 1, devices, 1, {host::phys_base, host::phys_base + 0x8'0000}, reserved, 1};
    constexpr unsigned radix = 10;
    uint8_t bits[boot::max_boot_objects] = {};
    const uint32_t n = boot::root_boot_objects(radix, 2, bits);
    const boot::Plan plan = boot::plan_boot_memory(map, bits, n);
    REQUIRE(plan.error == boot::PlanError::None);
    REQUIRE(plan.untyped_count > 4);

    // The root CNode and the other boot objects, as boot makes them.
    const Paddr cnode_at{plan.boot_objects[static_cast<uint32_t>(boot::BootObject::RootCNode)]};
    const Cap root = Cap::cnode(cnode_at, radix, 64 - radix, 0);
    Slot* slots = phys_ptr<Slot>(cnode_at);
    mdb_insert_root(root, slots[RAMPART_ROOT_CNODE]);
    mdb_insert_root(
        Cap::tcb(Paddr{plan.boot_objects[static_cast<uint32_t>(boot::BootObject::Tcb)]}),
        slots[RAMPART_ROOT_TCB]);
    mdb_insert_root(
        Cap::frame(
            Paddr{plan.boot_objects[static_cast<uint32_t>(boot::BootObject::IpcBufferFrame)]},
            FrameSize::Small, Rights::all(), false),
        slots[RAMPART_ROOT_IPC_BUFFER]);
    const uint64_t first_untyped = RAMPART_ROOT_FIRST_FREE;
    for (uint32_t i = 0; i < plan.untyped_count; ++i) {
        const boot::Block& b = plan.untypeds[i];
        mdb_insert_root(boot_untyped_cap(Paddr{b.paddr}, SizeBits{b.size_bits}, b.is_device),
                        slots[first_untyped + i]);
    }
    const InvariantReport r = check_invariants(1u << 16);
    INFO((r.what ? r.what : ""));
    REQUIRE(r.ok);

    // Every RAM untyped can be used: its first Retype clears it.
    uint64_t dest = first_untyped + plan.untyped_count;
    for (uint32_t i = 0; i < plan.untyped_count; ++i) {
        if (plan.untypeds[i].is_device || plan.untypeds[i].size_bits < RAMPART_FRAME_4K_BITS) {
            continue;
        }
        Budget budget = Budget::unlimited();
        REQUIRE(untyped_retype(slots[first_untyped + i], RAMPART_OBJ_FRAME_4K, 0,
                               RetypeDest{root, CPtr{0}, 0, dest++, 1}, budget)
                    .is_ok());
    }
    CHECK(check_invariants(1u << 16).ok);
    CHECK(dest < (uint64_t{1} << radix));
}

TEST_CASE("roots given from the highest down, each after the one before, land where a full walk "
          "puts them",
          "[kernel][boot]") {
    // Some roots first (as the root task's caps are), then untypeds inserted
    // both ways: the lists must be the same, in the same order.
    const auto build = [](bool after) {
        arch::host::reset();
        mdb_reset();
        const Paddr at{host::phys_base + 0x60'0000};
        Slot* slots = phys_ptr<Slot>(at);
        mdb_insert_root(Cap::cnode(at, 8, 56, 0), slots[0]);
        mdb_insert_root(Cap::frame(Paddr{host::phys_base + 0x30'0000}, FrameSize::Small,
                                   Rights::all(), false),
                        slots[1]);
        mdb_insert_root(Cap::irq_control(), slots[2]);
        mdb_insert_root(Cap::frame(Paddr{host::phys_base + 0x10'0000}, FrameSize::Small,
                                   Rights::all(), false),
                        slots[3]);
        const uint64_t bases[] = {0x38'0000, 0x20'0000, 0x18'0000, 0x8'0000, 0x0};
        Slot* prev = &mdb_sentinel();
        for (unsigned i = 0; i < 5; ++i) {
            const Cap ut = boot_untyped_cap(Paddr{host::phys_base + bases[i]}, SizeBits{19}, false);
            if (after)
                mdb_insert_root_after(ut, slots[10 + i], *prev);
            else
                mdb_insert_root(ut, slots[10 + i]);
            prev = &slots[10 + i];
        }
        std::vector<const Slot*> order;
        for (const Slot* s = mdb_sentinel().next(); s != nullptr; s = s->next())
            order.push_back(s);
        const InvariantReport r = check_invariants(1u << 16);
        INFO((r.what ? r.what : ""));
        REQUIRE(r.ok);
        return order;
    };
    const auto walked = build(false);
    CHECK(build(true) == walked);
    CHECK(walked.size() == 9);
}
