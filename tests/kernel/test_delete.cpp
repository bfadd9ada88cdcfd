// Deletion: finalisation hooks, zombies of CNodes and TCBs, nested and
// cyclic CNodes, and preemption.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixture.hpp"
#include <arch/asid.hpp>
#include <arch/pte.hpp>

#include "kernel/delete.hpp"
#include "object/endpoint.hpp"
#include "object/tcb.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

SlotAddr in(const Cap& cnode, uint64_t index) {
    return {cnode, CPtr{index}, cnode.cnode_radix()};
}

Slot& slot_in(const Cap& cnode, uint64_t index) {
    return phys_ptr<Slot>(cnode.paddr())[index];
}

} // namespace

TEST_CASE_METHOD(Fixture, "deleting the last CNode cap deletes its contents", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 3, 21).is_ok());
    const Cap c = cap(21);
    for (uint64_t i = 0; i < 8; i += 2) {
        REQUIRE(cnode_copy(in(c, i), addr(20), Rights::all()).is_ok());
    }
    REQUIRE(del(21).is_ok());
    for (uint64_t i = 0; i < 8; ++i) {
        CHECK(slot_in(c, i).cap.is_null());
    }
    CHECK(cap(20).type() == CapType::Endpoint);
    CHECK_FALSE(has_children(slot(20)));
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Fixture, "nested CNodes are torn down through a chain of zombies",
                 "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20, 3).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 23).is_ok());
    const Cap c1 = cap(20);
    const Cap c2 = cap(21);
    const Cap c3 = cap(22);
    REQUIRE(cnode_move(in(c3, 1), addr(23)).is_ok());
    REQUIRE(cnode_move(in(c2, 3), addr(22)).is_ok());
    REQUIRE(cnode_move(in(c1, 0), addr(21)).is_ok());
    CHECK(invariant_violation().empty());

    int rounds = 0;
    for (;;) {
        Budget budget{1};
        const Status st = cnode_delete(addr(20), budget);
        ++rounds;
        REQUIRE(invariant_violation().empty());
        if (st.is_ok()) {
            break;
        }
        REQUIRE(st.is_preempted());
        CHECK(cap(20).type() == CapType::Zombie);
    }
    CHECK(rounds > 10);
    CHECK(cap(20).is_null());
    CHECK_FALSE(has_children(slot(ram_slot)));
}

TEST_CASE_METHOD(Fixture, "a CNode holding a cap to itself is reclaimed by revoke",
                 "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20).is_ok());
    const Cap c = cap(20);
    REQUIRE(cnode_copy(in(c, 2), addr(20), Rights::all()).is_ok());
    REQUIRE(del(20).is_ok()); // not the last cap: the CNode lives on, unreachable
    CHECK(slot_in(c, 2).cap.type() == CapType::CNode);
    CHECK(has_children(slot(ram_slot)));
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK(slot_in(c, 2).cap.is_null());
    CHECK_FALSE(has_children(slot(ram_slot)));
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Fixture, "two CNodes holding each other's last caps", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20, 2).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 22).is_ok());
    const Cap a = cap(20);
    const Cap b = cap(21);
    REQUIRE(cnode_move(in(a, 1), addr(22)).is_ok());
    REQUIRE(cnode_move(in(a, 3), addr(21)).is_ok()); // b's only cap lives in a
    REQUIRE(cnode_move(in(b, 2), addr(20)).is_ok()); // a's only cap lives in b
    CHECK(invariant_violation().empty());
    for (int round = 0;; ++round) {
        REQUIRE(round < 1000);
        Budget budget{2};
        const Status st = cnode_revoke(addr(ram_slot), budget);
        REQUIRE(invariant_violation().empty());
        if (st.is_ok()) {
            break;
        }
    }
    CHECK_FALSE(has_children(slot(ram_slot)));
    for (uint64_t i = 0; i < 4; ++i) {
        CHECK(slot_in(a, i).cap.is_null());
        CHECK(slot_in(b, i).cap.is_null());
    }
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    CHECK(cap(20).paddr() == ram_base);
}

TEST_CASE_METHOD(Fixture, "deleting a slot inside the CNode being destroyed", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20, 2).is_ok());
    const Cap a = cap(20);
    const Cap b = cap(21);
    REQUIRE(cnode_copy(in(b, 0), addr(20), Rights::all()).is_ok()); // a cap to a inside b
    REQUIRE(cnode_move(in(a, 3), addr(21)).is_ok());                // b's only cap inside a
    REQUIRE(del(20).is_ok());                                       // a lives on through b
    // Delete b's only cap, reached through the copy of a held in b itself.
    Budget budget = Budget::unlimited();
    REQUIRE(cte_delete(slot_in(a, 3), budget).is_ok());
    CHECK(slot_in(a, 3).cap.is_null());
    CHECK(invariant_violation().empty());
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK_FALSE(has_children(slot(ram_slot)));
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Fixture, "a TCB's last cap finalises the thread and clears its slots",
                 "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 21).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 4, 22).is_ok());
    Tcb* tcb = phys_ptr<Tcb>(cap(20).paddr());
    tcb->state = ThreadState::Running;
    mdb_insert(cap(21), slot(21), tcb->slot(TcbSlot::FaultHandler));
    mdb_move(cap(22), slot(22), tcb->slot(TcbSlot::CSpace)); // the CSpace's only cap
    CHECK(invariant_violation().empty());
    REQUIRE(del(20).is_ok());
    CHECK(tcb->state == ThreadState::Inactive);
    CHECK(tcb->slot(TcbSlot::FaultHandler).cap.is_null());
    CHECK(tcb->slot(TcbSlot::CSpace).cap.is_null());
    CHECK_FALSE(has_children(slot(21)));
    CHECK(invariant_violation().empty());
}

namespace {

using rampart::arch::Pte;

// A VSpace with ASID 5 (pool at slot 24) and tables down to level 3 for
// `vaddr` (slots 25-27); returns the level-3 entry for vaddr.
Pte& vspace_with_tables(const Fixture& f, uint64_t vspace_slot, uint64_t vaddr) {
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 24).is_ok()); // the ASID pool's memory
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_PAGE_TABLE, 0, 25, 3).is_ok());
    rampart::arch::asid_pool_install(0, f.cap(24).paddr());
    const Paddr root = f.cap(vspace_slot).paddr();
    phys_ptr<rampart::arch::AsidPool>(f.cap(24).paddr())->vspace[5] = root.value;
    f.slot(vspace_slot).cap = Cap::vspace(root, 5, true);
    using rampart::arch::level_shift;
    auto entry = [vaddr](Paddr table, unsigned level) -> Pte& {
        return phys_ptr<Pte>(table)[(vaddr >> level_shift(level)) & 511];
    };
    entry(root, 0) = Pte::table(f.cap(25).paddr().value);
    entry(f.cap(25).paddr(), 1) = Pte::table(f.cap(26).paddr().value);
    entry(f.cap(26).paddr(), 2) = Pte::table(f.cap(27).paddr().value);
    return entry(f.cap(27).paddr(), 3);
}

} // namespace

TEST_CASE_METHOD(Fixture, "deleting a mapped frame cap unmaps it, an unmapped copy does not",
                 "[kernel][delete]") {
    constexpr uint64_t vaddr = 0x40'2000;
    REQUIRE(retype(ram_slot, RAMPART_OBJ_VSPACE, 0, 21).is_ok());
    Pte& leaf = vspace_with_tables(*this, 21, vaddr);
    REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 20).is_ok());
    const Paddr frame = cap(20).paddr();
    leaf = Pte::leaf(frame.value, 3, rampart::arch::MemType::normal, {true, true, false});
    REQUIRE(copy(22, 20, RAMPART_RIGHT_READ).is_ok()); // an unmapped copy
    slot(20).cap = Cap::frame(frame, FrameSize::Small, Rights{RAMPART_RIGHTS_ALL}, false,
                              (uint64_t{5} << 48) | vaddr);
    REQUIRE(del(22).is_ok());
    CHECK(leaf.valid());
    REQUIRE(del(20).is_ok());
    CHECK_FALSE(leaf.valid());
}

TEST_CASE_METHOD(Fixture, "the last cap of an assigned VSpace frees its ASID", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_VSPACE, 0, 21).is_ok());
    (void)vspace_with_tables(*this, 21, 0);
    const uint64_t table = cap(21).paddr().value;
    REQUIRE(copy(22, 21).is_ok());
    REQUIRE(del(21).is_ok());
    CHECK(rampart::arch::vspace_of_asid(5) == table); // a copy remains
    REQUIRE(del(22).is_ok());
    CHECK(rampart::arch::vspace_of_asid(5) == 0);
}

TEST_CASE_METHOD(Fixture, "endpoint finalisation cancels its queue", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    REQUIRE(copy(21, 20).is_ok());
    Endpoint* ep = phys_ptr<Endpoint>(cap(20).paddr());
    ep->queue.set_tag(static_cast<unsigned>(EndpointState::Send));
    REQUIRE(del(20).is_ok());
    CHECK(ep->state() == EndpointState::Send); // a copy remains
    REQUIRE(del(21).is_ok());
    CHECK(ep->state() == EndpointState::Idle);
}

TEST_CASE_METHOD(Fixture, "an untyped cap can go while its children stay", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_UNTYPED, 12, 20).is_ok());
    REQUIRE(retype(20, RAMPART_OBJ_ENDPOINT, 0, 21).is_ok());
    REQUIRE(del(20).is_ok());
    CHECK(cap(21).type() == CapType::Endpoint);
    CHECK(invariant_violation().empty());
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK(cap(21).is_null());
}

// Found while extending the invariant checker (issue #11): when the chain of
// zombies came back to the slot being deleted, the two zombies were swapped
// through a reference to the first slot's cap, so both slots got the second
// zombie; the first object's memory was then owned by no cap.
TEST_CASE_METHOD(Fixture, "lifetime_15_cyclic_delete_keeps_each_zombie", "[kernel][delete]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20, 2).is_ok());
    const Cap a = cap(20);
    const Cap b = cap(21);
    REQUIRE(cnode_move(in(a, 3), addr(21)).is_ok()); // b's only cap lives in a
    REQUIRE(cnode_move(in(b, 2), addr(20)).is_ok()); // a's only cap lives in b
    Budget budget = Budget::unlimited();
    REQUIRE(cte_delete(slot_in(a, 3), budget).is_ok());
    // a is gone; b, no longer reachable, waits for its untyped's revoke as
    // a zombie of its own inside itself.
    const Cap left = slot_in(b, 2).cap;
    CHECK(left.type() == CapType::Zombie);
    CHECK(left.paddr() == b.paddr());
    CHECK(invariant_violation().empty());
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK_FALSE(has_children(slot(ram_slot)));
    CHECK(invariant_violation().empty());
}

namespace {

// Deletes the first of `depth` CNodes nested in each other's last slot,
// `units` budget units at a time; the most slots any one call examined.
uint64_t most_work_between_preemption_points(Fixture& f, unsigned depth, uint64_t units) {
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_CNODE, 1, 20, depth).is_ok());
    for (unsigned k = depth - 1; k > 0; --k)
        REQUIRE(cnode_move(in(f.cap(20 + k - 1), 1), f.addr(20 + k)).is_ok());
    REQUIRE(invariant_violation().empty());
    uint64_t most = 0;
    for (;;) {
        Budget budget{units};
        const uint64_t before = delete_slots_examined;
        const Status st = cnode_delete(f.addr(20), budget);
        most = std::max(most, delete_slots_examined - before);
        REQUIRE(invariant_violation().empty());
        if (st.is_ok())
            break;
        REQUIRE(st.is_preempted());
    }
    CHECK(f.cap(20).is_null());
    CHECK_FALSE(has_children(f.slot(ram_slot)));
    return most;
}

} // namespace

// Issue #11, finding 7: every step of the deletion walked the chain of
// zombies from the slot being deleted down to the innermost, so the work
// between two preemption points grew with the depth of nesting (a chain of
// 64 CNodes: 64 slots a step, 256 steps between checks).
TEST_CASE("lifetime_07_nested_cnode_delete_work_is_bounded_between_preemption_points",
          "[kernel][delete]") {
    constexpr uint64_t units = 4;
    constexpr uint64_t per_step = 4; // the slot deleted, its zombie's last, and one level down
    uint64_t shallow = 0, deep = 0;
    {
        Fixture f;
        shallow = most_work_between_preemption_points(f, 16, units);
    }
    {
        Fixture f;
        deep = most_work_between_preemption_points(f, 64, units);
    }
    CHECK(shallow <= units * per_step);
    CHECK(deep <= units * per_step);
    CHECK(deep == shallow);
}
